package app.cadence.shell;

import com.vaadin.flow.spring.SpringServlet;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sizes what each open push WebSocket holds for as long as it is open — every signed-in tab's
 * whole life — for what travels on it. Push runs as {@code WEBSOCKET_XHR} ({@link AppShell}):
 * every UIDL message from the browser is an HTTP request, and the socket carries the server's
 * pushes one way. Out of the box an idle connection held about 94 KB of buffers sized for large
 * messages in both directions (docs/performance.md, "What a session costs"); sized here:
 *
 * <ul>
 *   <li>Tomcat's receive buffers for one message, 1 K chars of text and 1 KB binary
 *       ({@link #RECEIVE_BUFFER}; context parameters {@code org.apache.tomcat.websocket.textBufferSize}
 *       and {@code …binaryBufferSize}), with Atmosphere's message limits equal to them (init
 *       parameters {@code org.atmosphere.websocket.maxTextMessageSize} / {@code …maxBinaryMessageSize}
 *       on Vaadin's servlet, which Vaadin then leaves alone), so Tomcat never grows them: a larger
 *       incoming message closes the connection (1009, too big) and the client reconnects.</li>
 *   <li>Atmosphere's own per-WebSocket buffers (init parameter {@code org.atmosphere.websocket.bufferSize},
 *       16 K chars and 16 KB from Vaadin), also 1 K.</li>
 *   <li>Tomcat's three framing buffers, 2 KB each ({@link #FRAME_BUFFER}; a system property).</li>
 *   <li>The socket's read and write buffers, 2 KB each ({@link #SOCKET_BUFFER}; connector properties,
 *       which apply to every connection).</li>
 * </ul>
 *
 * What the server sends is unaffected: a push larger than the buffers goes out as several frames
 * of one message.
 */
@Configuration(proxyBeanMethods = false)
class PushConnections {

    /** Chars (text) or bytes (binary) a push WebSocket can receive in one message. */
    static final int RECEIVE_BUFFER = 1024;

    /**
     * Bytes of each of the three buffers Tomcat gives every WebSocket for framing: the frame
     * input buffer, the output buffer and the encoder's buffer (8 KB each out of the box). A
     * heartbeat and its frame header fit in 2 KB; a larger push goes out as several frames of
     * one message, which the browser reassembles.
     */
    static final int FRAME_BUFFER = 2048;

    /**
     * Bytes of each connection's socket read and write buffers (Tomcat's
     * {@code socket.appReadBufSize} / {@code appWriteBufSize}, 8 KB out of the box). A Tomcat
     * that terminates TLS itself grows them to the TLS record size; behind a proxy that ends TLS
     * (docs/deployment.md) they stay at this.
     */
    static final int SOCKET_BUFFER = 2048;

    /** Tomcat reads it once, when its WebSocket classes load (as the server starts). */
    static final String FRAME_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pushReceiveBuffers() {
        // A system property, so it applies to the JVM: set here, before Tomcat starts, unless the
        // command line chose another size.
        if (System.getProperty(FRAME_BUFFER_PROPERTY) == null) {
            System.setProperty(FRAME_BUFFER_PROPERTY, String.valueOf(FRAME_BUFFER));
        }
        return factory -> {
            factory.addContextCustomizers(context -> {
                context.addParameter("org.apache.tomcat.websocket.textBufferSize", String.valueOf(RECEIVE_BUFFER));
                context.addParameter("org.apache.tomcat.websocket.binaryBufferSize", String.valueOf(RECEIVE_BUFFER));
            });
            // The socket's own read and write buffers, kept for as long as the connection is
            // open: a push WebSocket's whole life. Larger reads and writes go straight between
            // the socket and the request's or response's buffers, so page loads and uploads
            // only take more system calls, not more memory.
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_BUFFER));
                connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_BUFFER));
            });
        };
    }

    /** Static: a post-processor is created before the other beans of its configuration. */
    @Bean
    static BeanPostProcessor pushMessageLimits() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ServletRegistrationBean<?> registration && registration.getServlet() instanceof SpringServlet) {
                    registration.addInitParameter("org.atmosphere.websocket.maxTextMessageSize", String.valueOf(RECEIVE_BUFFER));
                    registration.addInitParameter("org.atmosphere.websocket.maxBinaryMessageSize", String.valueOf(RECEIVE_BUFFER));
                    // Atmosphere's own per-WebSocket buffers (16 K chars and 16 KB from Vaadin): on
                    // JSR 356 they serve only stream-reading protocols, which Vaadin does not use.
                    registration.addInitParameter("org.atmosphere.websocket.bufferSize", String.valueOf(RECEIVE_BUFFER));
                }
                return bean;
            }
        };
    }
}
