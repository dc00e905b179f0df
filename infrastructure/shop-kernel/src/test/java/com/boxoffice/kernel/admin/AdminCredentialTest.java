package com.boxoffice.kernel.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminCredentialTest {

    private final AdminCredential credential = new AdminCredential("s3cret-admin-token");

    @Test
    void theConfiguredBearerTokenIsAdmitted() {
        assertThatCode(() -> credential.check("Bearer s3cret-admin-token")).doesNotThrowAnyException();
        // The scheme is case-insensitive (RFC 9110).
        assertThatCode(() -> credential.check("bearer s3cret-admin-token")).doesNotThrowAnyException();
    }

    @Test
    void aMissingHeaderIsUnauthenticated() {
        assertThatThrownBy(() -> credential.check(null)).isInstanceOfSatisfying(AdminAccessException.class,
                e -> assertThat(e.disabled()).isFalse());
    }

    @Test
    void aWrongTokenIsUnauthenticated() {
        for (String header : new String[]{"Bearer wrong", "Bearer s3cret-admin-token2", "Bearer s3cret-admin-toke",
                "Bearer ", "Basic czNjcmV0LWFkbWluLXRva2Vu", "s3cret-admin-token"}) {
            assertThatThrownBy(() -> credential.check(header)).as(header)
                    .isInstanceOfSatisfying(AdminAccessException.class, e -> assertThat(e.disabled()).isFalse());
        }
    }

    @Test
    void withoutAConfiguredTokenNothingIsAdmittedAndTheAnswerSaysHowToEnable() {
        for (String configured : new String[]{null, "", "   "}) {
            AdminCredential off = new AdminCredential(configured);
            assertThat(off.enabled()).isFalse();
            // Not even an empty bearer token matches an empty configuration.
            for (String header : new String[]{null, "Bearer ", "Bearer    ", "Bearer x"}) {
                assertThatThrownBy(() -> off.check(header)).isInstanceOfSatisfying(AdminAccessException.class, e -> {
                    assertThat(e.disabled()).isTrue();
                    assertThat(e.getMessage()).contains(AdminProperties.TOKEN_PROPERTY, "BOXOFFICE_ADMIN_TOKEN");
                });
            }
        }
    }
}
