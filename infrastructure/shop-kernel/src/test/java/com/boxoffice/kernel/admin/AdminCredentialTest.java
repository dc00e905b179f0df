package com.boxoffice.kernel.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminCredentialTest {

    private final AdminCredential credential = new AdminCredential("s3cret-admin-token");

    @Test
    void theConfiguredTokenMatches() {
        assertThat(credential.matches("s3cret-admin-token")).isTrue();
    }

    @Test
    void anyOtherTokenDoesNot() {
        for (String presented : new String[]{null, "", "wrong", "s3cret-admin-token2", "s3cret-admin-toke",
                "Bearer s3cret-admin-token"}) {
            assertThat(credential.matches(presented)).as(String.valueOf(presented)).isFalse();
        }
    }

    @Test
    void withoutAConfiguredTokenNothingMatches() {
        for (String configured : new String[]{null, "", "   "}) {
            AdminCredential off = new AdminCredential(configured);
            assertThat(off.enabled()).isFalse();
            // Not even an empty token matches an empty configuration.
            for (String presented : new String[]{null, "", "   ", "x"}) {
                assertThat(off.matches(presented)).isFalse();
            }
        }
    }
}
