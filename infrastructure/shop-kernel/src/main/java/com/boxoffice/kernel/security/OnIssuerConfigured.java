package com.boxoffice.kernel.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether {@value ShopSecurityProperties#ISSUER_URI_PROPERTY} names an issuer; a blank value is none. The development
 * issuer is the negation of this condition, so it can never run beside a configured issuer.
 */
class OnIssuerConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        // Bound as the properties are, so that every spelling Spring Boot binds (BOXOFFICE_SECURITY_ISSUERURI as
        // much as BOXOFFICE_SECURITY_ISSUER_URI) counts: the development issuer must never run beside a real one.
        String issuer = Binder.get(context.getEnvironment())
                .bind(ShopSecurityProperties.ISSUER_URI_PROPERTY, String.class).orElse("");
        return issuer.isBlank()
                ? ConditionOutcome.noMatch(ShopSecurityProperties.ISSUER_URI_PROPERTY + " is blank")
                : ConditionOutcome.match(ShopSecurityProperties.ISSUER_URI_PROPERTY + " is " + issuer);
    }

    /** The opposite: no issuer configured. */
    static final class Not extends SpringBootCondition {

        private final OnIssuerConfigured configured = new OnIssuerConfigured();

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionOutcome outcome = configured.getMatchOutcome(context, metadata);
            return new ConditionOutcome(!outcome.isMatch(), outcome.getConditionMessage());
        }
    }
}
