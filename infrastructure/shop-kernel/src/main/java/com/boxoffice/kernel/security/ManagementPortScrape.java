package com.boxoffice.kernel.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * {@code /actuator/prometheus} asked on the management port, when the actuator has a port of its own
 * ({@code management.server.port}): a port that the load balancer does not serve and only the network inside reaches,
 * where Prometheus (or the CloudWatch agent beside the application) scrapes without a token. On the application's
 * port the endpoint stays for operators. The port is read when asked, as it is known only once the management server
 * listens (it may be a random one).
 */
final class ManagementPortScrape implements RequestMatcher {

    private final Environment environment;
    private final RequestMatcher prometheus = EndpointRequest.to("prometheus");

    ManagementPortScrape(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        Integer managementPort = environment.getProperty("local.management.port", Integer.class);
        Integer serverPort = environment.getProperty("local.server.port", Integer.class);
        return managementPort != null && !managementPort.equals(serverPort) && request.getLocalPort() == managementPort
                && prometheus.matches(request);
    }
}
