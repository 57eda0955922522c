package app.cadence.shell;

import com.vaadin.flow.spring.SpringServlet;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sizes the receiving side of each push WebSocket for what the browser sends on it. Push runs as
 * {@code WEBSOCKET_XHR} ({@link AppShell}): every UIDL message from the browser is an HTTP request,
 * and the only thing atmosphere.js sends on the WebSocket is its heartbeat padding ({@code X})
 * every heartbeat interval. Out of the box each open connection holds receive buffers for large
 * messages all the same: Tomcat allocates an 8 K-char text buffer (16 KB) and an 8 KB binary
 * buffer per connection, and Vaadin tells Atmosphere to allow 16 K messages, so the text buffer
 * is reallocated to 16 K chars (32 KB) by the first heartbeat. 1 K of each is plenty for a
 * heartbeat; a larger message would close the connection (1009, too big) and the client would
 * reconnect. See docs/performance.md for the measured effect.
 *
 * The framing buffers Tomcat gives each WebSocket are 8 KB each as well ({@link #FRAME_BUFFER}).
 *
 * <p>Both limits are plain settings: Tomcat's WebSocket buffer sizes are context parameters
 * ({@code org.apache.tomcat.websocket.textBufferSize}, {@code …binaryBufferSize}), and Vaadin
 * keeps an Atmosphere parameter that is set on its servlet as an init parameter
 * ({@code org.atmosphere.websocket.maxTextMessageSize}, {@code …maxBinaryMessageSize}). The two
 * are equal, so Tomcat never reallocates. What the server sends is unaffected (Tomcat's send
 * buffers are fixed, and larger messages go out in several frames).
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

    /** Tomcat reads it once, when its WebSocket classes load (as the server starts). */
    static final String FRAME_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pushReceiveBuffers() {
        // A system property, so it applies to the JVM: set here, before Tomcat starts, unless the
        // command line chose another size.
        if (System.getProperty(FRAME_BUFFER_PROPERTY) == null) {
            System.setProperty(FRAME_BUFFER_PROPERTY, String.valueOf(FRAME_BUFFER));
        }
        return factory -> factory.addContextCustomizers(context -> {
            context.addParameter("org.apache.tomcat.websocket.textBufferSize", String.valueOf(RECEIVE_BUFFER));
            context.addParameter("org.apache.tomcat.websocket.binaryBufferSize", String.valueOf(RECEIVE_BUFFER));
        });
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
                }
                return bean;
            }
        };
    }
}
