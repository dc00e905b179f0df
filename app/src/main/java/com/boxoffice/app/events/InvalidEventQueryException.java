package com.boxoffice.app.events;

/** A browsing query the endpoints refuse, naming the parameter at fault. */
public class InvalidEventQueryException extends RuntimeException {

    private final String parameter;

    public InvalidEventQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
