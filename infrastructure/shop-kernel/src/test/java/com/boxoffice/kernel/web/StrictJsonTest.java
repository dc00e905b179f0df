package com.boxoffice.kernel.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    record Body(Integer count, String text, Boolean flag, UUID id,
                @JsonDeserialize(using = StrictJson.IsoInstant.class) Instant at,
                @JsonDeserialize(using = StrictJson.Amount.class) BigDecimal price) {
    }

    private final JsonMapper lenient = JsonMapper.builder().build();
    private final JsonMapper strict = StrictJson.strict(lenient);

    @Test
    void valuesOfTheirOwnJsonTypeAreRead() {
        Body body = strict.readValue("""
                {"count":3,"text":"t","flag":true,"id":"3f0c2a4e-8a51-4c3e-9d0b-1a2b3c4d5e6f",
                 "at":"2026-12-01T20:00:00Z","price":"45.50"}""", Body.class);
        assertThat(body).isEqualTo(new Body(3, "t", true, UUID.fromString("3f0c2a4e-8a51-4c3e-9d0b-1a2b3c4d5e6f"),
                Instant.parse("2026-12-01T20:00:00Z"), new BigDecimal("45.50")));
        assertThat(strict.readValue("{\"price\":45.5}", Body.class).price()).isEqualByComparingTo("45.5");
        assertThat(strict.readValue("{\"price\":45}", Body.class).price()).isEqualByComparingTo("45");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"count\":1.5}", "{\"count\":\"3\"}", "{\"count\":true}", "{\"count\":\"\"}",
            "{\"text\":10}", "{\"text\":1.5}", "{\"text\":true}", "{\"flag\":1}", "{\"flag\":\"true\"}",
            "{\"id\":42}", "{\"at\":4102444800000}", "{\"at\":\"+10000-06-01T00:00:00Z\"}", "{\"at\":\"2026-12-01\"}",
            "{\"price\":1E+2147483647}", "{\"price\":\"1E+2\"}", "{\"price\":45.123}", "{\"price\":-1}",
            "{\"price\":true}", "{\"price\":\"\"}", "{\"count\":3} {}"})
    void nothingIsCoerced(String json) {
        assertThatThrownBy(() -> strict.readValue(json, Body.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void theFieldAtFaultIsOnThePath() {
        assertThatThrownBy(() -> strict.readValue("{\"count\":1.5}", Body.class))
                .isInstanceOfSatisfying(MismatchedInputException.class, e -> {
                    assertThat(ProblemTexts.path(e)).isEqualTo("count");
                    assertThat(ProblemTexts.owner(e)).isEqualTo(Body.class);
                });
    }

    @Test
    void theBaseMapperStaysLenient() {
        assertThat(lenient.readValue("{\"count\":\"3\",\"text\":10}", Body.class)).extracting(Body::count, Body::text)
                .containsExactly(3, "10");
    }
}
