package app.cadence.shared.ui;

import app.cadence.shared.domain.RecordNotFoundException;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A file made by a service when its link is followed. The link lives as long as the page, so
 * the reader's access may have changed since the page was drawn (a demotion, a deactivation, a
 * suspended organisation): the service checks it again, as every service call does, and a file
 * the reader may no longer have is answered "404 Not Found" — the answer for something that
 * does not exist, as everywhere in Cadence — rather than as an empty file or an error page.
 *
 * <p>The file is made in full before anything is sent, so that a refusal or a failure halfway
 * never reaches the browser as a truncated file with a success status. Exports are bounded by
 * what one organisation holds; a few megabytes at most.
 */
public final class FileDownload implements DownloadHandler {

    /** Writes the file; the service it calls is secured and tenant-scoped. */
    @FunctionalInterface
    public interface Content extends Serializable {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file made whole by a service, with the name and type it decided. */
    public record MadeFile(String name, String contentType, byte[] bytes) {
    }

    /** Makes the file; throws what the service throws. */
    @FunctionalInterface
    public interface Maker extends Serializable {
        MadeFile make() throws IOException;
    }

    private final Maker maker;

    private FileDownload(Maker maker) {
        this.maker = maker;
    }

    /** An attachment written by {@code content}, named when the link is followed (the name may carry the date). */
    public static FileDownload attachment(SerializableSupplier<String> fileName, String contentType, Content content) {
        return new FileDownload(() -> {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            content.writeTo(file);
            return new MadeFile(fileName.get(), contentType, file.toByteArray());
        });
    }

    /** An attachment that a service makes whole, name and type included. */
    public static FileDownload of(Maker maker) {
        return new FileDownload(maker);
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        MadeFile file;
        try {
            file = maker.make();
        } catch (AccessDeniedException | RecordNotFoundException gone) {
            event.getResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        event.setFileName(file.name());
        event.setContentType(file.contentType());
        event.setContentLength(file.bytes().length);
        try (OutputStream out = event.getOutputStream()) {
            out.write(file.bytes());
        }
    }
}
