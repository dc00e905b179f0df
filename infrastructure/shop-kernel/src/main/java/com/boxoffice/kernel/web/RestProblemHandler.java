package com.boxoffice.kernel.web;

import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every context's REST advice answers alike, as RFC 9457 {@code application/problem+json}: 400 for invalid or
 * unreadable bodies (naming the fields in {@code errors}), 413 for a body cut off by {@link RequestBodyLimitFilter}, 409 for a conflict that survived the gateway's retries, 503
 * with {@code Retry-After} when a command did not answer in time, 500 for the unexpected (logged). A context's advice
 * extends this and adds its own refusals; ordered before {@link FallbackProblemHandler}, which covers the rest.
 */
@Order(0)
public abstract class RestProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RestProblemHandler.class);

    /** What the endpoints change, for messages: "concert", "cart". */
    protected abstract String subject();

    /** Reached only when the gateway's conflict retries were used up: the aggregate changed under every attempt. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        log.warn("Concurrent change of a {} survived the retries: {}", subject(), e.getMessage());
        return problem(HttpStatus.CONFLICT, "Concurrent change",
                "The " + subject() + " was changed concurrently and retrying did not succeed; try again");
    }

    @ExceptionHandler(CommandTimeoutException.class)
    ResponseEntity<ProblemDetail> timeout(CommandTimeoutException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Timed out", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error on a {} endpoint", subject(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request failed unexpectedly; the error is logged");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField)).toList();
        String detail = errors.stream().map(error -> error.getField() + ": " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Malformed JSON, or a value of the wrong type: say where, not how the parser felt about it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = tooLarge(ex);
        if (tooLarge != null) {
            ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The request body is larger than " + tooLarge.limit() + " bytes, the most accepted");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request body is not valid JSON for this endpoint");
        if (ex.getCause() instanceof JacksonException jackson) {
            String field = jackson.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (field.isEmpty()) {
                problem.setDetail("Malformed JSON: " + jackson.getOriginalMessage());
            } else {
                String detail = "Invalid value for field " + field + ": " + jackson.getOriginalMessage();
                withField(problem, field, detail).setDetail(detail);
            }
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            problem.setDetail("The request body is missing");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A body without Content-Length that {@link RequestBodyLimitFilter} cut off while the JSON reader read it. */
    private static RequestBodyTooLargeException tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    protected static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** Names the field at fault, as the 400s of bean validation do. */
    protected static ProblemDetail withField(ProblemDetail problem, String field, String message) {
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
