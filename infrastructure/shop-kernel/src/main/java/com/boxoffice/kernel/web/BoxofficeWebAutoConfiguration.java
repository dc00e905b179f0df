package com.boxoffice.kernel.web;

import com.boxoffice.kernel.tracing.RequestIdFilter;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web edge every endpoint shares: the servlet filters (the request id first, so that even a refused request is
 * answered with one, then the request's shape, then the body limit), the strict JSON reading of request bodies, the
 * problem+json answers of errors no context's advice covers, the container's error page and Tomcat's error report.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
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
    @ConditionalOnMissingBean(name = "requestShapeFilter")
    public FilterRegistrationBean<RequestShapeFilter> requestShapeFilter() {
        FilterRegistrationBean<RequestShapeFilter> registration = new FilterRegistrationBean<>(new RequestShapeFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "requestBodyLimitFilter")
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(BoxofficeWebProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.maxRequestBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    public FallbackProblemHandler fallbackProblemHandler() {
        return new FallbackProblemHandler();
    }

    /**
     * Request bodies read strictly ({@link StrictJson}): Spring MVC's JSON converter gets a strict copy of the
     * application's {@code JsonMapper}, which itself is left as it is (and so is Axon's serializer, which builds its
     * own). Set last, after Spring Boot's own converter configuration ({@code @Order(0)}), in the JSON converter's
     * slot: a converter bean would instead be put before the string converter.
     */
    @Bean
    @ConditionalOnMissingBean(name = "strictJsonBodies")
    public StrictJsonBodies strictJsonBodies(ObjectProvider<JsonMapper> jsonMapper) {
        return new StrictJsonBodies(StrictJson.strict(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build())));
    }

    /** Puts the strict JSON converter into Spring MVC's converters. */
    public static final class StrictJsonBodies implements WebMvcConfigurer, Ordered {

        private final JsonMapper strict;

        StrictJsonBodies(JsonMapper strict) {
            this.strict = strict;
        }

        @Override
        public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
            builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** In place of Spring Boot's error controller, which answers plain JSON (and 500 for {@code GET /error}). */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.startup.Tomcat",
            "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory"})
    static class TomcatErrorReport {

        /**
         * Tomcat's error report valve of the host replaced by {@link ProblemErrorReportValve}. Ordered last, after
         * Spring Boot's customizer, which adds a plain {@link ErrorReportValve} of its own.
         */
        @Bean
        ProblemErrorReportCustomizer problemErrorReportCustomizer() {
            return new ProblemErrorReportCustomizer();
        }

        static final class ProblemErrorReportCustomizer
                implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(TomcatErrorReport::replaceErrorReport);
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }
        }

        static void replaceErrorReport(Context context) {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            boolean present = false;
            for (Valve valve : host.getPipeline().getValves()) {
                present |= valve instanceof ProblemErrorReportValve;
            }
            if (!present) {
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        }
    }
}
