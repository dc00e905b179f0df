package com.boxoffice.app;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /v3/api-docs} (and Swagger UI at {@code /swagger-ui/index.html}) says about the API as a whole; the
 * operations come from the controllers. The bearer tokens are declared so Swagger UI can send them.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI boxofficeApi() {
        return new OpenAPI()
                .info(new Info().title("Boxoffice").version("1")
                        .description("Concerts, carts and orders. Errors are RFC 9457 application/problem+json; every "
                                + "response carries X-Request-Id. Queries read projections that lag commands by a moment. "
                                + "Every operation but browsing concerts needs a JWT of the shop's issuer (roles customer, "
                                + "staff, operator): 401 without one, 403 when its roles do not allow the operation."))
                .components(new Components().addSecuritySchemes("bearerJwt", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("A token of the OpenID Connect issuer (boxoffice.security.issuer-uri), or of "
                                        + "the development issuer: POST /oauth2/token with grant_type=client_credentials"))
                        .addSecuritySchemes("adminToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("boxoffice.admin.token, opt-in, for /api/admin/** besides operators' JWTs")));
    }
}
