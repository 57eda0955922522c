package app.cadence.notify.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.notify.domain.WebhookAddress;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chat message's JSON, the address rules for every kind of address, and the masked form (unit tests, no Spring). */
class ChatMessageFormatTest {

    @Test
    void theTextIsEscapedAsJsonRequires() {
        assertThat(ChatDispatcher.json("Line \"one\"\\\nTab\there\u0001")).isEqualTo("{\"text\":\"Line \\\"one\\\"\\\\\\nTab\\there\\u0001\"}");
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, a loopback address", "::1, a loopback address", "10.20.30.40, a private address",
            "172.31.255.255, a private address", "192.168.0.1, a private address", "169.254.169.254, a link-local address",
            "fe80::1, a link-local address", "fd12:3456::1, a unique-local (private) IPv6 address", "100.100.100.100, a shared (CGNAT) address",
            "0.0.0.0, an unspecified address", "::, an unspecified address", "239.1.1.1, a multicast address", "ff02::1, a multicast address",
            "255.255.255.255, a reserved address", "198.18.0.1, a reserved address", "2002:0a00:0001::1, a private address",
            "64:ff9b::7f00:1, a loopback address", "::ffff:192.168.1.1, a private address"})
    void internalAddressesAreRefusedWithTheirReason(String address, String reason) throws Exception {
        assertThat(WebhookAddress.refusal(InetAddress.getByName(address), false)).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"93.184.216.34", "52.44.1.2", "2606:4700::6810:85e5", "172.32.0.1", "100.128.0.1"})
    void publicAddressesAreAccepted(String address) throws Exception {
        assertThat(WebhookAddress.refusal(InetAddress.getByName(address), false)).isEmpty();
    }

    @Test
    void loopbackIsAllowedOnlyWhenTestsSaySo() throws Exception {
        assertThat(WebhookAddress.refusal(InetAddress.getByName("127.0.0.1"), true)).isEmpty();
        assertThat(WebhookAddress.refusal(InetAddress.getByName("10.0.0.1"), true)).contains("a private address");
    }

    @Test
    void theMaskedAddressShowsHostAndTheStartOfThePathOnly() {
        assertThat(WebhookAddress.masked("https://hooks.slack.com/services/T0001/B0002/XyZsecret"))
                .isEqualTo("https://hooks.slack.com/services/… (hidden)");
        assertThat(WebhookAddress.masked("https://acme.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456?x=secret"))
                .isEqualTo("https://acme.webhook.office.com/webhookb2… (hidden)").doesNotContain("secret");
    }
}
