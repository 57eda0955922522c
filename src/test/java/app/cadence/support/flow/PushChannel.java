package app.cadence.support.flow;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The server-to-client half of {@code @Push(transport = WEBSOCKET_XHR)}: a WebSocket opened as
 * Flow's client opens it through atmosphere.js 4 ({@code VAADIN/push?v-r=push&v-uiId=…&v-pushId=…} plus
 * Atmosphere's query parameters, {@code X-atmo-protocol} and {@code TrackMessageSize} on). Every
 * message the server writes is prefixed by its length and {@code |}; one WebSocket frame may
 * hold part of a message or several. The first message is Atmosphere's handshake
 * ({@code trackingId|heartbeatInterval|padding|}); the rest are UIDL messages, handed to the
 * consumer in arrival order. Nothing is sent back here: the client's messages go as XHRs.
 */
final class PushChannel implements WebSocket.Listener {

    /** The atmosphere.js version Flow 25's client reports (vaadinPush.js). */
    static final String ATMOSPHERE_VERSION = "4.0.1";

    private final Consumer<String> messages;
    private final StringBuilder frame = new StringBuilder();
    private final StringBuilder stream = new StringBuilder();
    private final CompletableFuture<String> handshake = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile String closedBecause = "";

    private PushChannel(Consumer<String> messages) {
        this.messages = messages;
    }

    /**
     * Opens the push connection of one UI and waits for Atmosphere's handshake.
     *
     * @param http     the session's client (its cookies carry the session into the handshake)
     * @param base     the push address, e.g. {@code http://127.0.0.1:8080/VAADIN/push}
     * @param messages receives each complete server message (a UIDL JSON object)
     */
    static PushChannel open(HttpClient http, URI base, int uiId, String pushId, Consumer<String> messages) {
        PushChannel channel = new PushChannel(messages);
        String query = "v-r=push&v-uiId=" + uiId + "&v-pushId=" + encode(pushId)
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=" + ATMOSPHERE_VERSION
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=" + encode("application/json; charset=UTF-8") + "&X-atmo-protocol=true";
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws") + "?" + query);
        channel.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, channel).join();
        try {
            channel.handshake.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            channel.close();
            throw new IllegalStateException("No Atmosphere handshake on " + uri, e);
        }
        return channel;
    }

    boolean isOpen() {
        return socket != null && !socket.isInputClosed() && !closed.isDone();
    }

    /** The heartbeat padding the handshake ({@code trackingId|interval|padding|}) names: {@code X} by default. */
    private String padding() {
        String[] fields = handshake.getNow("").split("\\|", -1);
        return fields.length > 2 && !fields[2].isEmpty() ? fields[2] : "X";
    }

    /** Why the connection is closed, if the server closed it or it failed; empty otherwise. */
    String closedBecause() {
        return closedBecause;
    }

    void close() {
        WebSocket s = socket;
        if (s != null && !s.isOutputClosed()) {
            s.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        closed.complete(null);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        frame.append(data);
        if (last) {
            List<String> complete = decode(frame.toString());
            frame.setLength(0);
            for (String message : complete) {
                if (!handshake.isDone()) {
                    handshake.complete(message);
                } else if (!message.equals(padding())) { // the server's heartbeat, skipped as atmosphere.js does
                    messages.accept(message);
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    /** Splits the length-prefixed stream ({@code 123|{…}}) into complete messages; keeps a partial one. */
    private List<String> decode(String text) {
        stream.append(text);
        List<String> complete = new ArrayList<>();
        while (true) {
            int bar = stream.indexOf("|");
            if (bar < 0) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(stream.substring(0, bar).strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Not a length-prefixed Atmosphere message: " + stream, e);
            }
            if (stream.length() < bar + 1 + length) {
                break;
            }
            complete.add(stream.substring(bar + 1, bar + 1 + length));
            stream.delete(0, bar + 1 + length);
        }
        return complete;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedBecause = "closed by the server: " + statusCode + " " + reason;
        closed.complete(null);
        handshake.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedBecause = "failed: " + error;
        closed.completeExceptionally(error);
        handshake.completeExceptionally(error);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
