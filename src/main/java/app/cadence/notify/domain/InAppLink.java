package app.cadence.notify.domain;

import java.util.Optional;

/**
 * Where a notification leads: a route of this app, as a path from its root ({@code /instances/42?item=7}).
 * Never an absolute or protocol-relative address: a notice must not send people to another site,
 * and the email's absolute link is built from the configured base address, not from this text.
 */
public final class InAppLink {

    public static final int MAX = 500;

    private InAppLink() {
    }

    /** Why {@code link} is not an in-app route path, or empty when it is one. */
    public static Optional<String> problem(String link) {
        if (link.isEmpty() || link.length() > MAX) {
            return Optional.of("a link needs 1 to " + MAX + " characters");
        }
        if (!link.startsWith("/") || link.startsWith("//")) {
            return Optional.of("a link is a path inside Cadence starting with a single /: " + link);
        }
        if (link.chars().anyMatch(c -> c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("a link has no spaces, backslashes or control characters: " + link);
        }
        return Optional.empty();
    }

    /** The route as the router takes it: the path without its leading slash, and the query after {@code ?}, if any. */
    public static String path(String link) {
        int query = link.indexOf('?');
        return (query < 0 ? link : link.substring(0, query)).substring(1);
    }

    public static String query(String link) {
        int query = link.indexOf('?');
        return query < 0 ? "" : link.substring(query + 1);
    }
}
