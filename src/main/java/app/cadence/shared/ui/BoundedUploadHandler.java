package app.cadence.shared.ui;

import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An in-memory upload that stops reading at {@code maxBytes}. Vaadin's own in-memory handler
 * reads whatever arrives, and its size limits apply only to multipart requests, while
 * vaadin-upload sends raw bodies by default: the Upload component's max file size is a browser
 * check that a script can skip.
 */
public final class BoundedUploadHandler implements UploadHandler {

    /** Room for a multipart request's boundaries and part headers around the file. */
    private static final long MULTIPART_OVERHEAD = 16 * 1024;

    private final int maxBytes;
    private final InMemoryUploadCallback onUploaded;
    private final SerializableConsumer<String> onTooLarge;

    /**
     * @param onUploaded called in the UI's session lock with the complete file
     * @param onTooLarge called in the UI's session lock with the file name of a refused file
     */
    public BoundedUploadHandler(int maxBytes, InMemoryUploadCallback onUploaded, SerializableConsumer<String> onTooLarge) {
        this.maxBytes = maxBytes;
        this.onUploaded = onUploaded;
        this.onTooLarge = onTooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        // The declared size refuses an honest oversized request before reading a byte; the
        // bounded read catches one that lies about its size or sends no length at all.
        if (event.getFileSize() > maxBytes) {
            refuse(event);
            return;
        }
        byte[] data;
        try (InputStream in = event.getInputStream()) {
            data = in.readNBytes(maxBytes + 1);
        }
        if (data.length > maxBytes) {
            refuse(event);
            return;
        }
        UploadMetadata metadata = new UploadMetadata(event.getFileName(), event.getContentType(), data.length);
        event.getUI().access(() -> {
            try {
                onUploaded.complete(metadata, data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void refuse(UploadEvent event) {
        event.reject("The file is larger than the limit of " + maxBytes + " bytes.");
        String fileName = event.getFileName();
        event.getUI().access(() -> onTooLarge.accept(fileName));
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + MULTIPART_OVERHEAD;
    }
}
