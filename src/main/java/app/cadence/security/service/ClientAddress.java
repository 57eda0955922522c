package app.cadence.security.service;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.modulith.NamedInterface;

/**
 * The address of the client whose request is being served, as the servlet container saw it (in
 * production Tomcat's RemoteIpValve takes it from the proxy's X-Forwarded-For, see
 * docs/security.md#the-production-profile). Per-address caps and throttles key by it.
 */
@NamedInterface("api")
public final class ClientAddress {

    /** What the tables that keep an address can hold; IPv6 needs 45. */
    public static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    /** Null outside a web request (a job, a test calling a service directly). */
    public static @Nullable String ofCurrentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String address = attributes.getRequest().getRemoteAddr();
            return address == null || address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH);
        }
        return null;
    }
}
