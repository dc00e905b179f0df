package com.boxoffice.kernel.web;

import com.boxoffice.kernel.tracing.RequestIdFilter;
import com.boxoffice.kernel.web.BoxofficeWebProperties;
import com.boxoffice.kernel.web.FallbackProblemHandler;
import com.boxoffice.kernel.web.RequestBodyLimitFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The servlet filters every endpoint gets: the request id first (so even a refused body is answered with one), then
 * the request body limit; and the problem+json answers of errors no context's advice covers.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(BoxofficeWebProperties.class)
public class BoxofficeWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "requestIdFilter")
    public FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    public FallbackProblemHandler fallbackProblemHandler() {
        return new FallbackProblemHandler();
    }

    @Bean
    @ConditionalOnMissingBean(name = "requestBodyLimitFilter")
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(BoxofficeWebProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.maxRequestBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
