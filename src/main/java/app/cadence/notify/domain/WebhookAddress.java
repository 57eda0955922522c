package app.cadence.notify.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rules for a chat webhook's address: an https URL whose host is a public internet address.
 * Cadence posts to it from inside the organisation's network, so an address that leads back inside
 * (a private, loopback, link-local, multicast, unspecified, CGNAT or unique-local address — the
 * cloud's metadata service at 169.254.169.254 among them) would let an ADMIN make the server call
 * its own neighbours. The host is checked as written and again for every address its name resolves
 * to (the caller resolves; see {@code ChatAddressCheck}).
 */
public final class WebhookAddress {

    private WebhookAddress() {
    }

    /** The URL's host, or why the URL is not acceptable as written. */
    public static Result parse(String url, boolean allowHttp) {
        String text = url.strip();
        if (text.isEmpty() || text.length() > ChatSettings.URL_MAX) {
            return Result.refused("Enter the webhook address (up to " + ChatSettings.URL_MAX + " characters).");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Result.refused("This is not a valid web address: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Result.refused("The webhook address must start with https:// — chat messages are not sent unencrypted.");
        }
        if (uri.getRawUserInfo() != null) {
            return Result.refused("The webhook address must not contain a user name or password.");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Result.refused("The webhook address needs a host name, e.g. https://hooks.slack.com/services/….");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Result(text, host, null);
    }

    /** Whether the host as written is an IP address rather than a name (no lookup is made for a literal). */
    public static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** A literal host as an address, without any DNS lookup. */
    public static Optional<InetAddress> literal(String host) {
        if (!isLiteral(host)) {
            return Optional.empty();
        }
        try {
            // getByName does not resolve a literal; it only parses it.
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Why Cadence must not connect to this address, or empty when it is a public one. */
    public static Optional<String> refusal(InetAddress address, boolean allowLoopback) {
        byte[] b = address.getAddress();
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address) {
            return ipv4Refusal(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("a unique-local (private) IPv6 address");
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            // IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) forms carry an IPv4 address.
            if (zeroPrefix && (b[10] == 0 && b[11] == 0 || b[10] == (byte) 0xff && b[11] == (byte) 0xff)) {
                return ipv4Refusal(new byte[] {b[12], b[13], b[14], b[15]}).or(() -> Optional.of("an IPv4 address in IPv6 form"));
            }
            // 6to4 (2002::/16) and NAT64 (64:ff9b::/96) reach an embedded IPv4 address.
            if (b[0] == 0x20 && b[1] == 0x02) {
                return ipv4Refusal(new byte[] {b[2], b[3], b[4], b[5]});
            }
            if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
                return ipv4Refusal(new byte[] {b[12], b[13], b[14], b[15]});
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4Refusal(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("an unspecified address");
        }
        if (first == 127) {
            return Optional.of("a loopback address");
        }
        if (first == 10 || first == 172 && second >= 16 && second <= 31 || first == 192 && second == 168) {
            return Optional.of("a private address");
        }
        if (first == 169 && second == 254) {
            return Optional.of("a link-local address");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("a shared (CGNAT) address");
        }
        if (first >= 224) {
            return Optional.of(first < 240 ? "a multicast address" : "a reserved address");
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second == 18 || second == 19)) {
            return Optional.of("a reserved address");
        }
        return Optional.empty();
    }

    /** A parsed address: the URL as entered and its host, or the reason it was refused. */
    public record Result(String url, String host, @Nullable String problem) {

        static Result refused(String problem) {
            return new Result("", "", problem);
        }

        public boolean isRefused() {
            return problem != null;
        }
    }

    /** "https://hooks.slack.com/services/T0…/B0…/…": the scheme, host and a hint of the path, never the secret part. */
    public static String masked(String url) {
        Result parsed = parse(url, true);
        if (parsed.isRefused()) {
            return "(set)";
        }
        String scheme = url.strip().substring(0, url.strip().indexOf(':'));
        String path = URI.create(parsed.url()).getRawPath();
        String hint = path == null || path.length() <= 1 ? "/" : path.substring(0, Math.min(path.length(), 10)) + "…";
        return scheme + "://" + parsed.host() + hint + " (hidden)";
    }
}
