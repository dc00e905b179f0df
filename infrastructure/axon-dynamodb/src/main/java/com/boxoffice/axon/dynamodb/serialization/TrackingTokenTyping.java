package com.boxoffice.axon.dynamodb.serialization;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Lets Axon's Jackson 3 serializer read back the tokens it wrote.
 * <p>
 * Axon's {@code ReplayToken} and {@code MergedTrackingToken} name the classes of the tokens they wrap
 * ({@code @JsonTypeInfo(use = CLASS)}), and Jackson 3 refuses to resolve class names unless a
 * {@link PolymorphicTypeValidator} allows them: without this, a processor that was reset (replay) or whose segments
 * were merged cannot load its token again. Only Axon's and this project's classes are allowed, not any class on the
 * classpath, and no default typing is switched on. Only tokens are named this way, so "this project's classes" are
 * the tokens of these extensions ({@code com.boxoffice.axon.…}), never an application's.
 */
public final class TrackingTokenTyping {

    private TrackingTokenTyping() {
    }

    public static PolymorphicTypeValidator validator() {
        return BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("com.boxoffice.axon.")
                .build();
    }

    /** For {@code Jackson3Serializer.builder().jsonMapperBuilderCustomizer(...)}, or as a bean for Axon's auto-configuration. */
    public static Jackson3SerializerCustomizer customizer() {
        return builder -> builder.polymorphicTypeValidator(validator());
    }
}
