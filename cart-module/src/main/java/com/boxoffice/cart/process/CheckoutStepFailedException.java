package com.boxoffice.cart.process;

/** A step of the checkout failed for a technical reason; thrown so the processor retries the event. */
public class CheckoutStepFailedException extends RuntimeException {

    public CheckoutStepFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    CheckoutStepFailedException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
