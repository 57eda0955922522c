package app.cadence.shell;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.JourneyTest;
import com.vaadin.flow.spring.SpringServlet;
import jakarta.websocket.server.ServerContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.web.context.WebApplicationContext;

/**
 * The push WebSockets' receive sizes reach Tomcat and Atmosphere (see {@link PushConnections}):
 * the real embedded Tomcat, not a mock. It runs with the browser journeys, on their server: the
 * same properties, so the same application context — a second context in one test JVM would
 * replace Spring Security's static context holder strategy under the first one's tests.
 */
@JourneyTest
class PushConnectionsTest {

    @Autowired WebApplicationContext context;
    @Autowired ServletRegistrationBean<SpringServlet> vaadinServlet;

    @Test
    void tomcatAllocatesSmallReceiveBuffersPerWebSocket() {
        ServerContainer container = (ServerContainer) context.getServletContext().getAttribute(ServerContainer.class.getName());
        assertThat(container.getDefaultMaxTextMessageBufferSize()).isEqualTo(PushConnections.RECEIVE_BUFFER);
        assertThat(container.getDefaultMaxBinaryMessageBufferSize()).isEqualTo(PushConnections.RECEIVE_BUFFER);
    }

    @Test
    void atmosphereKeepsTheSameLimitSoTomcatNeverGrowsThem() {
        // Vaadin sets 16384 unless the servlet has the parameter; Atmosphere applies it to each session on open.
        assertThat(vaadinServlet.getInitParameters())
                .containsEntry("org.atmosphere.websocket.maxTextMessageSize", String.valueOf(PushConnections.RECEIVE_BUFFER))
                .containsEntry("org.atmosphere.websocket.maxBinaryMessageSize", String.valueOf(PushConnections.RECEIVE_BUFFER))
                .containsEntry("org.atmosphere.websocket.bufferSize", String.valueOf(PushConnections.RECEIVE_BUFFER));
    }

    @Test
    void tomcatFramesEachWebSocketInSmallBuffers() throws ReflectiveOperationException {
        // Read by Tomcat's WebSocket constants when the server started; what each connection's three framing buffers get.
        java.lang.reflect.Field size = Class.forName("org.apache.tomcat.websocket.Constants").getDeclaredField("DEFAULT_BUFFER_SIZE");
        size.setAccessible(true);
        assertThat(size.getInt(null)).isEqualTo(PushConnections.FRAME_BUFFER);
    }

    @Test
    void eachConnectionsSocketBuffersAreSmall() {
        var connector = ((org.springframework.boot.tomcat.TomcatWebServer)
                ((org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext) context).getWebServer())
                .getTomcat().getConnector();
        assertThat(String.valueOf(connector.getProperty("socket.appReadBufSize"))).isEqualTo(String.valueOf(PushConnections.SOCKET_BUFFER));
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isEqualTo(String.valueOf(PushConnections.SOCKET_BUFFER));
    }
}
