package com.boxoffice.kernel.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a request body's field must be, in the API's words: {@code @MustBe("a whole number between 1 and 20")} on the
 * record component {@code quantity}. Every refusal of that field, whether the JSON had the wrong type (a string, a
 * fraction, {@code true}) or the value broke a constraint, is then answered alike: {@code 'quantity' must be a whole
 * number between 1 and 20}. The rule itself stays with the constraints beside it; this only words it once.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface MustBe {

    /** Completes "'field' must be …", e.g. "an ISO-8601 instant within the next 10 years". */
    String value();
}
