package com.boxoffice.app.events;

import com.boxoffice.kernel.web.RestProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The browsing endpoints' errors as problem+json. */
@RestControllerAdvice(assignableTypes = EventController.class)
class EventsProblemHandler extends RestProblemHandler {

    @Override
    protected String subject() {
        return "event";
    }

    @ExceptionHandler(InvalidEventQueryException.class)
    ProblemDetail invalidQuery(InvalidEventQueryException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Invalid query", e.getMessage()), e.parameter(), e.getMessage());
    }
}
