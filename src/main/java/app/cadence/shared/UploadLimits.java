package app.cadence.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest file anyone may upload ({@code cadence.upload.max-file-size}, env
 * {@code CADENCE_UPLOAD_MAX_FILE_SIZE}). Every Upload component takes its limit from here, and
 * the server enforces it while reading, so that a client that skips the browser's check cannot
 * make a node buffer an arbitrarily large body in memory.
 */
@ConfigurationProperties("cadence.upload")
public record UploadLimits(DataSize maxFileSize) {

    private static final DataSize DEFAULT = DataSize.ofMegabytes(1);

    public UploadLimits {
        if (maxFileSize == null || maxFileSize.toBytes() <= 0) {
            maxFileSize = DEFAULT;
        }
        if (maxFileSize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("cadence.upload.max-file-size must be below 2 GB: uploads are held in memory.");
        }
    }

    public int maxFileBytes() {
        return (int) maxFileSize.toBytes();
    }

    /** The limit as users read it, e.g. "1 MB" or "512 KB". */
    public String label() {
        long bytes = maxFileSize.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return maxFileSize.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return maxFileSize.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
