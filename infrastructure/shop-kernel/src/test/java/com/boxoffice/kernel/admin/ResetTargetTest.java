package com.boxoffice.kernel.admin;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResetTargetTest {

    private static final Instant NOW = Instant.parse("2026-12-01T01:30:00Z");

    @Test
    void tailAndHeadInAnyCase() {
        assertThat(ResetTarget.parse("TAIL", NOW)).isEqualTo(new ResetTarget.Tail());
        assertThat(ResetTarget.parse(" tail ", NOW)).isEqualTo(new ResetTarget.Tail());
        assertThat(ResetTarget.parse("Head", NOW)).isEqualTo(new ResetTarget.Head());
    }

    @Test
    void anInstantInUtcOrWithAnOffset() {
        assertThat(ResetTarget.parse("2026-11-30T10:00:00Z", NOW))
                .isEqualTo(new ResetTarget.At(Instant.parse("2026-11-30T10:00:00Z")));
        assertThat(ResetTarget.parse("2026-11-30T11:00:00.250+01:00", NOW))
                .isEqualTo(new ResetTarget.At(Instant.parse("2026-11-30T10:00:00.250Z")));
        assertThat(ResetTarget.parse(NOW.toString(), NOW)).isEqualTo(new ResetTarget.At(NOW));
    }

    @Test
    void missingTargetIsRefused() {
        assertThatThrownBy(() -> ResetTarget.parse(null, NOW)).isInstanceOf(InvalidResetTargetException.class)
                .hasMessageContaining("'to' is required").hasMessageContaining("TAIL");
        assertThatThrownBy(() -> ResetTarget.parse("  ", NOW)).isInstanceOf(InvalidResetTargetException.class);
    }

    @Test
    void anythingElseIsRefusedWithWhatIsExpected() {
        assertThatThrownBy(() -> ResetTarget.parse("beginning", NOW)).isInstanceOf(InvalidResetTargetException.class)
                .hasMessageContaining("'beginning'").hasMessageContaining("ISO-8601");
        // Without an offset the instant would depend on the server's zone.
        assertThatThrownBy(() -> ResetTarget.parse("2026-11-30T10:00:00", NOW)).isInstanceOf(InvalidResetTargetException.class);
        assertThatThrownBy(() -> ResetTarget.parse("2026-11-31T10:00:00Z", NOW)).isInstanceOf(InvalidResetTargetException.class);
    }

    @Test
    void aTimeInTheFutureIsRefused() {
        assertThatThrownBy(() -> ResetTarget.parse("2062-11-30T10:00:00Z", NOW)).isInstanceOf(InvalidResetTargetException.class)
                .hasMessageContaining("in the future").hasMessageContaining("HEAD");
    }
}
