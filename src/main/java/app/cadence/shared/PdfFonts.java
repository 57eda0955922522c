package app.cadence.shared;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The typeface of Cadence's PDF documents (run reports, retrospective summaries): Liberation Sans,
 * embedded (subset) as Unicode. The standard PDF Helvetica speaks only Windows-1252, which has no
 * minus sign (U+2212) for {@code T−2h}, no arrow and no dot for a vote; Liberation Sans has them.
 * It is the TrueType font OpenPDF ships inside its own jar ({@code font-fallback/}, SIL Open Font
 * License), so no file comes from elsewhere. Bold is OpenPDF's stroked bold: the jar has only the
 * regular weight.
 */
public final class PdfFonts {

    private static final String RESOURCE = "/font-fallback/LiberationSans-Regular.ttf";
    private static final BaseFont BASE = load();

    private PdfFonts() {
    }

    public static BaseFont base() {
        return BASE;
    }

    public static Font regular(float size) {
        return new Font(BASE, size, Font.NORMAL);
    }

    public static Font bold(float size) {
        return new Font(BASE, size, Font.BOLD);
    }

    public static Font coloured(float size, int style, java.awt.Color colour) {
        return new Font(BASE, size, style, colour);
    }

    private static BaseFont load() {
        try (InputStream in = PdfFonts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenPDF's Liberation Sans (" + RESOURCE + ") is missing from the classpath.");
            }
            // Cached by OpenPDF under this name; IDENTITY_H keeps every Unicode character, EMBEDDED subsets the glyphs used.
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
