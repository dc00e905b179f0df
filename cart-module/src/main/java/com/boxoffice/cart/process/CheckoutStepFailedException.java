package com.boxoffice.cart.process;

import org.axonframework.common.AxonTransientException;

/**
 * A step of the checkout failed for a technical reason (no answer in time, interrupted); thrown so the processor
 * retries the event. Transient, so the dead-letter policy retries it rather than parking the checkout.
 */
public class CheckoutStepFailedException extends AxonTransientException {

    public CheckoutStepFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    CheckoutStepFailedException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
