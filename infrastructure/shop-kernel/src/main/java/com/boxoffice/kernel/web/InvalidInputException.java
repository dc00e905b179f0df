package com.boxoffice.kernel.web;

/**
 * A request value that can never succeed, found by the web edge: a query parameter, or a body field checked after it
 * was read (a start time against the clock). Answered by {@link RestProblemHandler} with 400, naming the field.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    /** @param message the whole sentence, in the API's words: {@code 'limit' must be a whole number from 1 to 1000} */
    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code 'field' must be <mustBe>}. */
    public static InvalidInputException mustBe(String field, String mustBe) {
        return new InvalidInputException(field, "'" + field + "' must be " + mustBe);
    }

    public String field() {
        return field;
    }
}
