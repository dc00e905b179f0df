package com.boxoffice.kernel.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * How request bodies are read: JSON types as they are, no coercion. A whole number is a JSON integer ({@code 1.5},
 * {@code "10"} and {@code true} are not), a text is a JSON string ({@code 10} and {@code true} are not), a boolean is
 * {@code true} or {@code false}. Applied to the HTTP message converter only (see {@link BoxofficeWebAutoConfiguration}):
 * the application's {@code JsonMapper} bean, and Axon's serializer, which builds its own mapper, read as before.
 * <p>
 * Two field types get readers of their own, for a record component to name with {@code @JsonDeserialize(using = …)}:
 * {@link IsoInstant} (ISO-8601 text with a four-digit year, never a number) and {@link Amount} (money with at most
 * two decimals, as a JSON string or a plain JSON number).
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The mapper of {@code base}, with scalar coercion off (and problem details written with their properties). */
    public static JsonMapper strict(JsonMapper base) {
        return base.rebuild()
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(LogicalType.Integer, config -> fail(config,
                        CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                        CoercionInputShape.EmptyString, CoercionInputShape.EmptyArray, CoercionInputShape.EmptyObject))
                .withCoercionConfig(LogicalType.Float, config -> fail(config,
                        CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.EmptyString,
                        CoercionInputShape.EmptyArray, CoercionInputShape.EmptyObject))
                .withCoercionConfig(LogicalType.Boolean, config -> fail(config,
                        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                        CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Textual, config -> fail(config,
                        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean,
                        CoercionInputShape.EmptyArray, CoercionInputShape.EmptyObject))
                .withCoercionConfig(LogicalType.OtherScalar, config -> fail(config,
                        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean,
                        CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.DateTime, config -> fail(config,
                        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean,
                        CoercionInputShape.EmptyString))
                .build();
    }

    private static void fail(tools.jackson.databind.cfg.MutableCoercionConfig config, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * An instant as ISO-8601 text with a four-digit year and an offset ({@code 2026-12-01T20:00:00Z}), nothing else:
     * not a number of seconds, not {@code +10000-06-01T00:00:00Z}. Its range is the field's to check.
     */
    public static final class IsoInstant extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                Instant instant = ApiValues.isoInstant(parser.getString());
                if (instant != null) {
                    return instant;
                }
            }
            return context.reportInputMismatch(this, "not an ISO-8601 instant");
        }

        @Override
        public Class<?> handledType() {
            return Instant.class;
        }
    }

    /**
     * An amount of money: digits with at most two decimals ({@code "45.00"}, {@code 45.5}, {@code 45}), as a JSON
     * string or a plain JSON number; no exponent ({@code 1E+2147483647}), no sign, at most 9 digits before the point.
     * Its bounds are the field's to check.
     */
    public static final class Amount extends ValueDeserializer<BigDecimal> {

        private static final Pattern AMOUNT = Pattern.compile("(0|[1-9]\\d{0,8})(\\.\\d{1,2})?");

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                    || token == JsonToken.VALUE_NUMBER_FLOAT) {
                String text = parser.getString();
                if (text != null && AMOUNT.matcher(text).matches()) {
                    return new BigDecimal(text);
                }
            }
            return context.reportInputMismatch(this, "not an amount with at most two decimals");
        }

        @Override
        public Class<?> handledType() {
            return BigDecimal.class;
        }
    }
}
