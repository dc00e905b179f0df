package com.boxoffice.axon.springboot.axon;

import com.boxoffice.axon.dynamodb.serialization.TrackingTokenTyping;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Axon's Jackson 3 serializer, able to read the replay and merged tokens it writes (see {@link TrackingTokenTyping}). */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class AxonJackson3AutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Jackson3SerializerCustomizer trackingTokenTypingCustomizer() {
        return TrackingTokenTyping.customizer();
    }
}
