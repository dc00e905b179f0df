package com.boxoffice.cart.web;

import com.boxoffice.cart.api.CartException;
import com.boxoffice.cart.api.CartLineNotFoundException;
import com.boxoffice.cart.api.InvalidCartItemException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error of the cart and order endpoints as RFC 9457 {@code application/problem+json}: 400 for input that can
 * never succeed (naming the field), 404 for an unknown cart, line, order or concert, 409 for a refusal by the cart's
 * state (not open, empty, a concert no longer on sale, a conflict that survived the retries), 503 when a command did
 * not answer in time. Spring MVC's own errors (malformed JSON, wrong method, ...) come through
 * {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice(assignableTypes = {CartController.class, OrderController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CartProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CartProblemHandler.class);

    @ExceptionHandler(InvalidCartItemException.class)
    ProblemDetail invalidItem(InvalidCartItemException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()), e.field(), e.getMessage());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getMessage()), e.parameter(), e.getMessage());
    }

    @ExceptionHandler(UnknownResourceException.class)
    ProblemDetail unknown(UnknownResourceException e) {
        return problem(HttpStatus.NOT_FOUND, e.title(), e.getMessage());
    }

    /** The controllers send commands to carts only: a missing aggregate is an unknown cart. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownCart(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown cart", "No cart with id " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(CartLineNotFoundException.class)
    ProblemDetail unknownLine(CartLineNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown cart line", e.getMessage());
    }

    /** Not open, empty: the cart's state refuses. */
    @ExceptionHandler(CartException.class)
    ProblemDetail refused(CartException e) {
        return problem(HttpStatus.CONFLICT, "Refused by the cart's state", e.getMessage());
    }

    @ExceptionHandler(ConcertNotOnSaleException.class)
    ProblemDetail notOnSale(ConcertNotOnSaleException e) {
        return problem(HttpStatus.CONFLICT, "Concert not on sale", e.getMessage());
    }

    /** Reached only when the gateway's conflict retries were used up: the cart changed under every attempt. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        log.warn("Concurrent change survived the retries: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "Concurrent change",
                "The cart was changed concurrently and retrying did not succeed; try again");
    }

    @ExceptionHandler(CommandTimeoutException.class)
    ResponseEntity<ProblemDetail> timeout(CommandTimeoutException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Timed out", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error on a cart endpoint", e);
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

    private static ProblemDetail withField(ProblemDetail problem, String field, String message) {
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
