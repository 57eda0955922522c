package app.cadence.security;

import jakarta.servlet.ServletRequest;

/**
 * When a request reached the security filters, as {@link System#nanoTime()}: the moment from
 * which its checks must read the database, so that both checks of one request share one read and
 * nothing committed before the request arrived is missed.
 */
final class RequestArrival {

    private static final String ATTRIBUTE = RequestArrival.class.getName();

    private RequestArrival() {
    }

    static long of(ServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Long arrived) {
            return arrived;
        }
        long now = System.nanoTime();
        request.setAttribute(ATTRIBUTE, now);
        return now;
    }
}
