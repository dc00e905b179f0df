package com.boxoffice.axon.kinesis;

/** Records could not be written to the stream; the unit of work rolls back and the processor retries from its token. */
public class KinesisPublishException extends RuntimeException {

    public KinesisPublishException(String message, Throwable cause) {
        super(message, cause);
    }

    public KinesisPublishException(String message) {
        super(message);
    }
}
