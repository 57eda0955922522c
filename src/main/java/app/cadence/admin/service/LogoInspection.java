package app.cadence.admin.service;

import app.cadence.admin.domain.LogoFormat;
import app.cadence.shared.domain.RuleViolationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether uploaded bytes may become a logo: the format from the bytes themselves, the
 * size in pixels from the header before anything is decoded (a small file can declare a huge
 * image, and decoding it would take gigabytes), then a full decode of PNG and JPEG so that a
 * damaged or disguised file is refused. The JDK has no WebP decoder: a WebP's header is checked.
 */
final class LogoInspection {

    /** Far beyond what a header logo needs; keeps a decode below ~16 MB of pixels. */
    static final int MAX_SIDE = 2048;

    static final String FORMATS_HINT = "Choose a PNG, JPEG or WebP image.";

    record Inspected(LogoFormat format, int width, int height) {
    }

    private LogoInspection() {
    }

    static Inspected inspect(byte[] bytes) {
        LogoFormat format = LogoFormat.detect(bytes).orElseThrow(() -> new RuleViolationException("logo", looksLikeMarkup(bytes)
                ? "SVG and other text-based images are not accepted, because they can contain scripts. " + FORMATS_HINT
                : "This file is not a PNG, JPEG or WebP image, whatever its name says. " + FORMATS_HINT));
        int[] size = format == LogoFormat.WEBP ? webpSize(bytes) : decode(format, bytes);
        if (size[0] < 1 || size[1] < 1) {
            throw damaged(format);
        }
        if (size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            throw new RuleViolationException("logo", "The image is " + size[0] + " × " + size[1] + " pixels; a logo may be at most "
                    + MAX_SIDE + " pixels wide and high. Scale it down and upload it again.");
        }
        return new Inspected(format, size[0], size[1]);
    }

    private static int[] decode(LogoFormat format, byte[] bytes) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw damaged(format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width > MAX_SIDE || height > MAX_SIDE) {
                return new int[] {width, height};
            }
            reader.read(0);
            return new int[] {width, height};
        } catch (IOException | RuntimeException e) {
            throw damaged(format);
        } finally {
            reader.dispose();
        }
    }

    /** Canvas size from the first chunk of a WebP (lossy VP8, lossless VP8L or extended VP8X). */
    private static int[] webpSize(byte[] b) {
        if (b.length < 30 || Integer.toUnsignedLong(littleEndian(b, 4, 4)) + 8L > b.length) {
            throw damaged(LogoFormat.WEBP);
        }
        String chunk = new String(b, 12, 4, StandardCharsets.ISO_8859_1);
        return switch (chunk) {
            case "VP8 " -> {
                if ((b[23] & 0xff) != 0x9d || (b[24] & 0xff) != 0x01 || (b[25] & 0xff) != 0x2a) {
                    throw damaged(LogoFormat.WEBP);
                }
                yield new int[] {littleEndian(b, 26, 2) & 0x3fff, littleEndian(b, 28, 2) & 0x3fff};
            }
            case "VP8L" -> {
                if ((b[20] & 0xff) != 0x2f) {
                    throw damaged(LogoFormat.WEBP);
                }
                int bits = littleEndian(b, 21, 4);
                yield new int[] {(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1};
            }
            case "VP8X" -> new int[] {littleEndian(b, 24, 3) + 1, littleEndian(b, 27, 3) + 1};
            default -> throw damaged(LogoFormat.WEBP);
        };
    }

    private static int littleEndian(byte[] b, int offset, int length) {
        int value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (b[offset + i] & 0xff);
        }
        return value;
    }

    private static boolean looksLikeMarkup(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8).stripLeading().replace("\uFEFF", "");
        return start.startsWith("<");
    }

    private static RuleViolationException damaged(LogoFormat format) {
        return new RuleViolationException("logo", "This " + format.label() + " file could not be read; it may be damaged. "
                + "Save it again from an image editor, or " + FORMATS_HINT.substring(0, 1).toLowerCase(Locale.ROOT) + FORMATS_HINT.substring(1));
    }
}
