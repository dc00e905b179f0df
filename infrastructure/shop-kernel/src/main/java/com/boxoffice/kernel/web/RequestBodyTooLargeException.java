package com.boxoffice.kernel.web;

import java.io.IOException;

/** A request body passed the configured limit while it was read (a chunked body has no Content-Length to check first). */
public final class RequestBodyTooLargeException extends IOException {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
