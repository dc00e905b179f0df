package com.boxoffice.kernel.admin;

import com.boxoffice.kernel.web.RestProblemHandler;
import org.axonframework.common.AxonTransientException;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The admin endpoints' answers as problem+json (401 and 403 come from the shop's security filter chain first): 404, 400 for the reset target or a limit,
 * 409 refusals, 503 when the dead-letter store is unavailable for now (try again).
 */
@RestControllerAdvice(assignableTypes = {AdminProcessorsController.class, AdminDeadLettersController.class})
public class AdminProblemHandler extends RestProblemHandler {

    @Override
    protected String subject() {
        return "event processor";
    }

    @ExceptionHandler(UnknownProcessorException.class)
    ProblemDetail unknown(UnknownProcessorException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown processor", e.getMessage());
    }

    @ExceptionHandler(InvalidResetTargetException.class)
    ProblemDetail invalidTarget(InvalidResetTargetException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()), "to", e.getMessage());
    }

    @ExceptionHandler(ResetRefusedException.class)
    ProblemDetail refused(ResetRefusedException e) {
        return problem(HttpStatus.CONFLICT, "Reset refused", e.getMessage());
    }

    @ExceptionHandler(UnknownDeadLetterQueueException.class)
    ProblemDetail unknownQueue(UnknownDeadLetterQueueException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown dead-letter queue", e.getMessage());
    }

    @ExceptionHandler(UnknownDeadLetterSequenceException.class)
    ProblemDetail unknownSequence(UnknownDeadLetterSequenceException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown dead-letter sequence", e.getMessage());
    }

    @ExceptionHandler(InvalidLimitException.class)
    ProblemDetail invalidLimit(InvalidLimitException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()), "limit", e.getMessage());
    }

    @ExceptionHandler(DeadLetterQueueOverflowException.class)
    ProblemDetail full(DeadLetterQueueOverflowException e) {
        return problem(HttpStatus.CONFLICT, "Dead-letter queue full", e.getMessage());
    }

    /** DynamoDB throttled or unreachable after the SDK's retries; nothing was changed by the failed step. */
    @ExceptionHandler(AxonTransientException.class)
    ResponseEntity<ProblemDetail> unavailable(AxonTransientException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable", e.getMessage()));
    }
}
