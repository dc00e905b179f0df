package com.boxoffice.kernel.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether {@value ShopSecurityProperties#ISSUER_URI_PROPERTY} names an issuer; a blank value is none. The development
 * issuer is the negation of this condition, so it can never run beside a configured issuer.
 */
class OnIssuerConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String issuer = context.getEnvironment().getProperty(ShopSecurityProperties.ISSUER_URI_PROPERTY, "");
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
