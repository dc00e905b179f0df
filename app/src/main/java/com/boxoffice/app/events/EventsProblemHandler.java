package com.boxoffice.app.events;

import com.boxoffice.kernel.web.RestProblemHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The browsing endpoints' errors as problem+json; a refused parameter is an
 * {@link com.boxoffice.kernel.web.InvalidInputException}, answered by {@link RestProblemHandler}.
 */
@RestControllerAdvice(assignableTypes = EventController.class)
class EventsProblemHandler extends RestProblemHandler {

    @Override
    protected String subject() {
        return "event";
    }
}
