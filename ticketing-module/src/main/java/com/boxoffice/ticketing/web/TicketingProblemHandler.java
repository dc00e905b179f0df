package com.boxoffice.ticketing.web;

import com.boxoffice.ticketing.api.InvalidConcertException;
import com.boxoffice.ticketing.api.InvalidReservationException;
import com.boxoffice.ticketing.api.TicketingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import com.boxoffice.kernel.web.RestProblemHandler;

/**
 * Every error of the concert endpoints as RFC 9457 {@code application/problem+json}: 400 for input that can never
 * succeed (naming the field), 404 for an unknown concert or the id of another kind of aggregate (answered by
 * {@link RestProblemHandler}, like unreadable bodies and parameters), 409 for a refusal by the concert's state (sold out,
 * cancelled, a conflict that survived the retries), 503 when a command did not answer in time. Spring MVC's own
 * errors (malformed JSON, wrong method, ...) come through {@link org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice(assignableTypes = ConcertController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TicketingProblemHandler extends RestProblemHandler {

    @Override
    protected String subject() {
        return "concert";
    }

    @ExceptionHandler(InvalidConcertException.class)
    ProblemDetail invalidConcert(InvalidConcertException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Invalid concert", e.getMessage()), e.field(), e.getMessage());
    }

    @ExceptionHandler(InvalidReservationException.class)
    ProblemDetail invalidReservation(InvalidReservationException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid reservation", e.getMessage());
    }

    /** Sold out, cancelled, sales closed, a reservation in the wrong state: the concert's state refuses. */
    @ExceptionHandler(TicketingException.class)
    ProblemDetail refused(TicketingException e) {
        return problem(HttpStatus.CONFLICT, "Refused by the concert's state", e.getMessage());
    }
}
