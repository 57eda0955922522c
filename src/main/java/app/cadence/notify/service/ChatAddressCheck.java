package app.cadence.notify.service;

import app.cadence.notify.domain.WebhookAddress;
import app.cadence.shared.domain.RuleViolationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks a webhook address before it is saved and again right before each post: the URL's rules
 * ({@link WebhookAddress}) and every address its host name resolves to at that moment. A name that
 * resolves to a private address today is refused even if it was public when it was saved.
 *
 * <p>Residual risk: Java's HTTP client resolves the name once more when it connects, so a DNS
 * server that answers differently within that instant (DNS rebinding) could still steer one post
 * inward; the client cannot be told to connect to the checked address while keeping the name for
 * TLS. The post carries only a notice's text, follows no redirect and reads no answer beyond its
 * status, which limits what such a post could do.
 */
@Component
public class ChatAddressCheck {

    /** Resolves a host name to its addresses; the system's DNS, or a stand-in in unit tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final Resolver resolver;

    @Autowired
    ChatAddressCheck(ChatProperties properties) {
        this(properties.allowLoopbackForTests(), InetAddress::getAllByName);
    }

    public ChatAddressCheck(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /** The address as it may be saved and posted to; refused with a message that says why. */
    public String check(String url) {
        WebhookAddress.Result parsed = WebhookAddress.parse(url, allowLoopback && isLoopbackHost(url));
        if (parsed.isRefused()) {
            throw new RuleViolationException("webhookUrl", parsed.problem());
        }
        List<InetAddress> addresses;
        try {
            addresses = WebhookAddress.isLiteral(parsed.host())
                    ? WebhookAddress.literal(parsed.host()).map(List::of).orElseThrow(() -> new UnknownHostException(parsed.host()))
                    : List.of(resolver.resolve(parsed.host()));
        } catch (UnknownHostException e) {
            throw new RuleViolationException("webhookUrl", "The host " + parsed.host() + " could not be found. Check the address.");
        }
        if (addresses.isEmpty()) {
            throw new RuleViolationException("webhookUrl", "The host " + parsed.host() + " could not be found. Check the address.");
        }
        for (InetAddress address : addresses) {
            String refusal = WebhookAddress.refusal(address, allowLoopback).orElse(null);
            if (refusal != null) {
                throw new RuleViolationException("webhookUrl", "Cadence does not post to " + parsed.host()
                        + (WebhookAddress.isLiteral(parsed.host()) ? "" : " (" + address.getHostAddress() + ")")
                        + ": it is " + refusal + ". Use the public address your chat service gave you.");
            }
        }
        return parsed.url();
    }

    /** Plain http is allowed in tests only, and then only to a loopback host (the local test server). */
    private boolean isLoopbackHost(String url) {
        WebhookAddress.Result parsed = WebhookAddress.parse(url, true);
        if (parsed.isRefused()) {
            return false;
        }
        try {
            for (InetAddress a : WebhookAddress.isLiteral(parsed.host())
                    ? WebhookAddress.literal(parsed.host()).map(x -> new InetAddress[] {x}).orElse(new InetAddress[0])
                    : resolver.resolve(parsed.host())) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
