package app.cadence.shared;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import java.awt.Color;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown that people typed (a status report's narrative, the PMO's commentary) written into a
 * PDF: headings, paragraphs, bullet and numbered lists (nested), bold, italics, code, quotes and
 * links (their text, then the address). Raw HTML is printed as the text it is, never interpreted.
 * Uses {@link PdfFonts}, so every Unicode character a person typed prints.
 */
public final class MarkdownPdf {

    private static final Parser PARSER = Parser.builder().build();
    private static final Color LINK = new Color(0x15, 0x65, 0xc0);

    private final float size;

    private MarkdownPdf(float size) {
        this.size = size;
    }

    /** Adds the Markdown to the document as paragraphs in body text of {@code size} points. */
    public static void write(Document document, String markdown, float size) throws DocumentException {
        new MarkdownPdf(size).blocks(document, PARSER.parse(markdown), 0);
    }

    private void blocks(Document document, Node parent, float indent) throws DocumentException {
        for (Node block = parent.getFirstChild(); block != null; block = block.getNext()) {
            block(document, block, indent);
        }
    }

    private void block(Document document, Node block, float indent) throws DocumentException {
        switch (block) {
            case Heading heading -> {
                float headingSize = heading.getLevel() <= 1 ? size + 6 : heading.getLevel() == 2 ? size + 3 : size + 1;
                Paragraph p = paragraph(inlines(heading, PdfFonts.bold(headingSize)), indent);
                p.setSpacingBefore(size * 0.8f);
                document.add(p);
            }
            case BulletList list -> items(document, list, indent, false, 1);
            case OrderedList list -> items(document, list, indent, true, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber());
            case BlockQuote quote -> blocks(document, quote, indent + 16);
            case FencedCodeBlock code -> document.add(paragraph(new Phrase(code.getLiteral(), PdfFonts.regular(size - 1)), indent + 8));
            case IndentedCodeBlock code -> document.add(paragraph(new Phrase(code.getLiteral(), PdfFonts.regular(size - 1)), indent + 8));
            case HtmlBlock html -> document.add(paragraph(new Phrase(html.getLiteral(), PdfFonts.regular(size)), indent));
            case ThematicBreak ignored -> document.add(paragraph(new Phrase("—", PdfFonts.regular(size)), indent));
            default -> document.add(paragraph(inlines(block, PdfFonts.regular(size)), indent));
        }
    }

    private void items(Document document, Node list, float indent, boolean numbered, int start) throws DocumentException {
        int number = start;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            String marker = numbered ? (number++) + ". " : "• ";
            boolean first = true;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (first && !(child instanceof BulletList) && !(child instanceof OrderedList)) {
                    Phrase phrase = new Phrase(marker, PdfFonts.regular(size));
                    phrase.add(inlines(child, PdfFonts.regular(size)));
                    Paragraph p = paragraph(phrase, indent + 12);
                    p.setFirstLineIndent(-10);
                    p.setSpacingAfter(1);
                    document.add(p);
                } else {
                    block(document, child, indent + 12);
                }
                first = false;
            }
        }
    }

    private Paragraph paragraph(Phrase phrase, float indent) {
        Paragraph p = new Paragraph(phrase);
        p.setIndentationLeft(indent);
        p.setSpacingAfter(size * 0.4f);
        p.setAlignment(Element.ALIGN_LEFT);
        return p;
    }

    private Phrase inlines(Node parent, Font font) {
        Phrase phrase = new Phrase();
        phrase.setFont(font);
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(phrase, node, font);
        }
        return phrase;
    }

    private void inline(Phrase phrase, Node node, Font font) {
        switch (node) {
            case Text text -> phrase.add(new Chunk(text.getLiteral(), font));
            case Code code -> phrase.add(new Chunk(code.getLiteral(), font));
            case HtmlInline html -> phrase.add(new Chunk(html.getLiteral(), font));
            case SoftLineBreak ignored -> phrase.add(new Chunk(" ", font));
            case HardLineBreak ignored -> phrase.add(Chunk.NEWLINE);
            case StrongEmphasis strong -> children(phrase, strong, PdfFonts.coloured(font.getSize(), font.getStyle() | Font.BOLD, colour(font)));
            case Emphasis emphasis -> children(phrase, emphasis, PdfFonts.coloured(font.getSize(), font.getStyle() | Font.ITALIC, colour(font)));
            case Link link -> {
                children(phrase, link, PdfFonts.coloured(font.getSize(), font.getStyle() | Font.UNDERLINE, LINK));
                String text = plain(link);
                if (!text.equals(link.getDestination())) {
                    phrase.add(new Chunk(" (" + link.getDestination() + ")", font));
                }
            }
            default -> children(phrase, node, font);
        }
    }

    private void children(Phrase phrase, Node parent, Font font) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(phrase, node, font);
        }
    }

    private static Color colour(Font font) {
        return font.getColor() == null ? Color.BLACK : font.getColor();
    }

    private static String plain(Node parent) {
        StringBuilder text = new StringBuilder();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text t) {
                text.append(t.getLiteral());
            } else {
                text.append(plain(node));
            }
        }
        return text.toString();
    }
}
