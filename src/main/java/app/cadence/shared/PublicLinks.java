package app.cadence.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links for emails (invitations, sign-up confirmations, password resets). Built from
 * configuration, never from the request's Host header, which an attacker could choose to
 * have a reset link point at their own site.
 */
@Component
public class PublicLinks {

    private final String baseUrl;

    PublicLinks(@Value("${cadence.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The address of a route, e.g. {@code to("invitation/abc")}. */
    public String to(String route) {
        return baseUrl + "/" + (route.startsWith("/") ? route.substring(1) : route);
    }
}
