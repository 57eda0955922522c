package app.cadence.reporting.service;

import app.cadence.project.domain.Health;
import app.cadence.shared.MarkdownPdf;
import app.cadence.shared.PdfFonts;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;

/** A published report's PDF: the title, a coloured RAG badge with its reason, then the narrative and sections from their Markdown. */
final class StatusReportPdf {

    private StatusReportPdf() {
    }

    static byte[] write(String title, String asOf, String publishedBy, Health health, String reason, String narrative, String sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addCreator("Cadence");
            document.open();
            document.add(new Paragraph(title, PdfFonts.bold(16)));
            document.add(new Paragraph("As of " + asOf + " · published by " + publishedBy, PdfFonts.regular(9)));
            PdfPTable badge = new PdfPTable(new float[]{1, 4});
            badge.setWidthPercentage(100);
            badge.setSpacingBefore(10);
            badge.setSpacingAfter(10);
            PdfPCell rag = new PdfPCell(new Phrase(health.label(), PdfFonts.coloured(12, Font.BOLD, Color.WHITE)));
            rag.setBackgroundColor(colour(health));
            rag.setPadding(8);
            rag.setBorder(0);
            PdfPCell why = new PdfPCell(new Phrase(reason, PdfFonts.regular(10)));
            why.setPadding(8);
            why.setBorderColor(Color.LIGHT_GRAY);
            badge.addCell(rag);
            badge.addCell(why);
            document.add(badge);
            document.add(new Paragraph("Summary", PdfFonts.bold(13)));
            MarkdownPdf.write(document, narrative.isBlank() ? "No summary written." : narrative, 10);
            MarkdownPdf.write(document, sections, 10);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The status report's PDF could not be written.", e);
        }
        return out.toByteArray();
    }

    private static Color colour(Health health) {
        return switch (health) {
            case RED -> new Color(0xc6, 0x28, 0x28);
            case AMBER -> new Color(0xef, 0x8f, 0x00);
            case GREEN -> new Color(0x2e, 0x7d, 0x32);
            case NOT_ASSESSED -> new Color(0x61, 0x61, 0x61);
        };
    }
}
