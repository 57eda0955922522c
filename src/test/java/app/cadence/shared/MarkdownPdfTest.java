package app.cadence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.PdfText;
import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Markdown people typed, printed: paragraphs, headings, nested lists, emphasis, links with their address, raw HTML as text. */
class MarkdownPdfTest {

    static String printed(String markdown) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        MarkdownPdf.write(document, markdown, 10);
        document.close();
        return PdfText.of(out.toByteArray());
    }

    @Test
    void printsTheTextAsItReadsNotTheMarkup() throws Exception {
        String text = printed("""
                ## Wave 1

                **UAT closed** with *no* severity-1 defects.
                Second line of the paragraph.

                - Training done
                  - DACH next
                - See [the plan](https://example.com/plan)

                1. First
                2. Second

                <script>alert('x')</script> stays text − and so does T−2h →
                """);
        assertThat(text).contains("Wave 1").contains("UAT closed with no severity-1 defects. Second line of the paragraph.")
                .contains("• Training done").contains("• DACH next").contains("the plan (https://example.com/plan)")
                .contains("1. First").contains("2. Second").contains("<script>alert('x')</script> stays text")
                .contains("T−2h →")
                .doesNotContain("**").doesNotContain("## ");
    }
}
