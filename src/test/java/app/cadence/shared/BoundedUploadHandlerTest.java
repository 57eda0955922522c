package app.cadence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.cadence.shared.ui.BoundedUploadHandler;
import app.cadence.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The upload limit holds on the server, whatever the browser was told or the client claims. */
class BoundedUploadHandlerTest extends KaribuTest {

    @Autowired UploadLimits limits;

    private final List<byte[]> received = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    @Test
    void aFileAtTheLimitArrivesWhole() throws IOException {
        UploadEvent event = upload(limits.maxFileBytes(), limits.maxFileBytes());
        assertThat(event.isRejected()).isFalse();
        assertThat(received).singleElement().satisfies(bytes -> assertThat(bytes).hasSize(limits.maxFileBytes()));
        assertThat(refused).isEmpty();
    }

    @Test
    void aLargerFileIsRefusedBeforeItIsRead() throws IOException {
        CountingStream body = new CountingStream(limits.maxFileBytes() + 1L);
        UploadEvent event = upload(limits.maxFileBytes() + 1L, body);
        assertThat(event.isRejected()).isTrue();
        assertThat(body.read).isZero();
        assertThat(received).isEmpty();
        assertThat(refused).containsExactly("big.json");
    }

    @Test
    void aClientThatHidesTheSizeIsCutOffJustPastTheLimit() throws IOException {
        // No Content-Length (chunked) and ten times the limit: reading stops one byte past it.
        CountingStream body = new CountingStream(10L * limits.maxFileBytes());
        UploadEvent event = upload(-1, body);
        assertThat(event.isRejected()).isTrue();
        assertThat(body.read).isEqualTo(limits.maxFileBytes() + 1L);
        assertThat(received).isEmpty();
        assertThat(refused).containsExactly("big.json");
    }

    private UploadEvent upload(long declaredSize, long actualSize) throws IOException {
        return upload(declaredSize, new CountingStream(actualSize));
    }

    private UploadEvent upload(long declaredSize, InputStream body) throws IOException {
        Div owner = new Div();
        UI.getCurrent().add(owner);
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getInputStream()).thenReturn(body);
        UploadEvent event = new UploadEvent(request, mock(VaadinResponse.class), VaadinSession.getCurrent(), "big.json",
                declaredSize, "application/json", owner.getElement(), null);
        new BoundedUploadHandler(limits.maxFileBytes(), (metadata, bytes) -> received.add(bytes), refused::add)
                .handleUploadRequest(event);
        MockVaadin.runUIQueue();
        return event;
    }

    /** A body of {@code size} bytes that counts how many were read. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - read);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            read += n;
            return n;
        }
    }
}
