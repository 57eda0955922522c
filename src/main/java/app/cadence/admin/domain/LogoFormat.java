package app.cadence.admin.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats a logo may have, recognised by the file's first bytes. The name and the
 * content type a browser sends are the uploader's claim; the bytes are what a browser will
 * actually render. SVG is not among them: it is a document that can carry scripts and links.
 */
public enum LogoFormat {
    PNG("image/png", "PNG"),
    JPEG("image/jpeg", "JPEG"),
    WEBP("image/webp", "WebP");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String contentType;
    private final String label;

    LogoFormat(String contentType, String label) {
        this.contentType = contentType;
        this.label = label;
    }

    public String contentType() {
        return contentType;
    }

    public String label() {
        return label;
    }

    public static Optional<LogoFormat> detect(byte[] bytes) {
        if (bytes.length >= PNG_SIGNATURE.length && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (bytes.length >= 12 && ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 4).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    public static Optional<LogoFormat> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)).findFirst();
    }

    static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
