package com.boxoffice.kernel.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
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
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What every context's REST advice answers alike, as RFC 9457 {@code application/problem+json}: 400 for invalid or
 * unreadable bodies and parameters (naming the fields in {@code errors}, worded by the fields' {@link MustBe}), 404 for
 * an unknown resource or an id of another kind of aggregate, 413 for a body cut off by {@link RequestBodyLimitFilter},
 * 409 for a conflict that survived the gateway's retries, 503 with {@code Retry-After} when a command did not answer
 * in time, 500 for the unexpected (logged). A {@code detail} speaks the API's language: never a parser's message or a
 * Java type (see {@link ProblemTexts}). A context's advice extends this and adds its own refusals; ordered before
 * {@link FallbackProblemHandler}, which covers the rest.
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

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()), e.field(), e.getMessage());
    }

    @ExceptionHandler(UnknownResourceException.class)
    ProblemDetail unknownResource(UnknownResourceException e) {
        return problem(HttpStatus.NOT_FOUND, e.title(), e.getMessage());
    }

    /** A command to an id that has no aggregate. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownAggregate(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown " + subject(),
                new UnknownResourceException(subject(), String.valueOf(e.getAggregateIdentifier())).getMessage());
    }

    /**
     * A command to the id of another kind of aggregate (an order's id as a cart's): Axon sources the events of that
     * aggregate into this kind, which never sets its identifier. To the client it is just an id of no such resource.
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail aggregateOfAnotherKind(IncompatibleAggregateException e, HttpServletRequest request) {
        log.debug("A {} command reached an aggregate of another kind: {}", subject(), e.getMessage());
        return problem(HttpStatus.NOT_FOUND, "Unknown " + subject(),
                new UnknownResourceException(subject(), pathId(request)).getMessage());
    }

    /** The API takes no uploads; an application that leaves multipart parsing on gets a malformed one answered. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformedMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The multipart request body is malformed");
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
        Class<?> target = ex.getBindingResult().getTarget() == null ? null : ex.getBindingResult().getTarget().getClass();
        // One sentence per field, however many of its constraints failed: its MustBe says what it must be.
        Map<String, String> messages = new TreeMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            messages.putIfAbsent(error.getField(), ProblemTexts.fieldMessage(target, error.getField(),
                    "'" + error.getField() + "' " + error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                messages.putIfAbsent(error.getObjectName(), "The request body is invalid: " + error.getDefaultMessage()));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", String.join("; ", messages.values()));
        problem.setProperty("errors", messages.entrySet().stream()
                .map(entry -> Map.of("field", entry.getKey(), "message", entry.getValue()))
                .toList());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Malformed JSON, or a value of the wrong type: say where and what was expected, not how the parser felt. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = cause(ex, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The request body is larger than " + tooLarge.limit() + " bytes, the most accepted");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request body is not valid JSON for this endpoint");
        JacksonException jackson = cause(ex, JacksonException.class);
        if (jackson instanceof StreamConstraintsException) {
            problem.setDetail("Malformed JSON: the request body exceeds the limits of the JSON accepted here"
                    + " (a number, text or nesting too long)");
        } else if (jackson instanceof StreamReadException) {
            problem.setDetail("Malformed JSON: the request body is not valid JSON" + ProblemTexts.location(jackson));
        } else if (jackson != null) {
            String field = ProblemTexts.path(jackson);
            if (field.isEmpty()) {
                problem.setDetail("The request body must be a JSON object with the fields of this endpoint");
            } else {
                String detail = ProblemTexts.fieldMessage(ProblemTexts.owner(jackson), ProblemTexts.lastProperty(jackson),
                        "'" + field + "' has a value of the wrong type");
                withField(problem, field, detail).setDetail(detail);
            }
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            problem.setDetail("The request body is missing");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A query or path parameter that is not of its type ({@code limit=many}). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = Objects.requireNonNullElse(ex.getPropertyName(), "parameter");
        String detail = "'" + name + "' must be " + ProblemTexts.kindOf(ex.getRequiredType());
        return handleExceptionInternal(ex, withField(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail), name,
                detail), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The last word on Spring MVC's own answers: a detail that reads like Java is replaced by a plain sentence. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && ProblemTexts.isTechnical(problem.getDetail())) {
            problem.setDetail(ProblemTexts.plain(statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private String pathId(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map) {
            Object id = map.get(subject() + "Id");
            return id == null ? null : id.toString();
        }
        return null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
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
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        problem.setProperty("errors", List.of(error));
        return problem;
    }
}
