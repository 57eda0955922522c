package app.cadence.admin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;

/** Real image files, made on the fly, and files that only pretend to be images. */
public final class LogoImages {

    private LogoImages() {
    }

    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x15, 0x65, 0xc0));
        g.fillRect(0, 0, width, height / 2);
        g.dispose();
        return encode(image, "png");
    }

    static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return encode(image, "jpeg");
    }

    /** Random pixels do not compress: a PNG well over 256 KB with ordinary dimensions. */
    static byte[] noisyPng(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return encode(image, "png");
    }

    static byte[] svgWithScript() {
        return """
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>
                """.getBytes(StandardCharsets.UTF_8);
    }

    /** What a file called logo.png holds when it is really a text file. */
    static byte[] textNamedPng() {
        return "This is not an image, whatever its name says.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** A PNG signature followed by rubbish: passes a magic-byte check, fails to decode. */
    static byte[] truncatedPng() {
        byte[] real = png(40, 20);
        byte[] cut = new byte[40];
        System.arraycopy(real, 0, cut, 0, 20);
        return cut;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
