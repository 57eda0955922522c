package app.cadence.retro.service;

import app.cadence.retro.domain.RetroBoard.RatingView;
import app.cadence.retro.domain.RetroBoard.TopicView;
import app.cadence.shared.PdfFonts;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** The summary as a one- or two-page PDF (A4 portrait): ratings, top themes, actions. */
final class RetroSummaryDocument {

    private static final Color GREY = new Color(0x55, 0x5f, 0x6d);

    private final RetroSummary summary;

    RetroSummaryDocument(RetroSummary summary) {
        this.summary = summary;
    }

    byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Retrospective summary — " + summary.title() + " — " + summary.projectKey());
            document.addCreator("Cadence");
            document.open();
            document.add(new Paragraph(summary.title(), PdfFonts.bold(18)));
            document.add(new Paragraph(summary.projectKey() + " " + summary.projectName() + " · " + summary.format() + " · facilitated by "
                    + summary.facilitator() + " · " + summary.madeOn(), PdfFonts.coloured(10, com.lowagie.text.Font.NORMAL, GREY)));
            heading(document, "Ratings");
            if (summary.ratings().isEmpty()) {
                document.add(new Paragraph("No ratings were revealed.", PdfFonts.regular(10)));
            }
            for (RatingView rating : summary.ratings()) {
                String figures = rating.average() == null ? "no answers"
                        : String.format(Locale.ROOT, "%.1f of 5 · %d answers · 1–5: %s", rating.average(), rating.answers(),
                        String.join(" / ", rating.distribution().stream().map(String::valueOf).toList()));
                Paragraph p = new Paragraph();
                p.add(new Chunk(rating.question() + ": ", PdfFonts.bold(10)));
                p.add(new Chunk(figures, PdfFonts.regular(10)));
                document.add(p);
            }
            heading(document, "Top themes");
            if (summary.themes().isEmpty()) {
                document.add(new Paragraph("No cards were written.", PdfFonts.regular(10)));
            }
            int n = 1;
            for (TopicView theme : summary.themes()) {
                Paragraph p = new Paragraph();
                p.add(new Chunk(n++ + ". " + theme.title(), PdfFonts.bold(11)));
                p.add(new Chunk("  " + RetroSummary.votes(theme) + " · " + theme.columnTitle(), PdfFonts.coloured(9, com.lowagie.text.Font.NORMAL, GREY)));
                document.add(p);
                for (var card : theme.cards()) {
                    Paragraph c = new Paragraph("• " + card.text(), PdfFonts.regular(10));
                    c.setIndentationLeft(14);
                    document.add(c);
                }
                if (theme.notes() != null) {
                    Paragraph notes = new Paragraph("Notes: " + theme.notes(), PdfFonts.coloured(10, com.lowagie.text.Font.ITALIC, GREY));
                    notes.setIndentationLeft(14);
                    document.add(notes);
                }
            }
            heading(document, "Actions");
            if (summary.actions().isEmpty()) {
                document.add(new Paragraph("No actions were agreed.", PdfFonts.regular(10)));
            } else {
                PdfPTable table = new PdfPTable(new float[] {5, 2, 1.6f, 2});
                table.setWidthPercentage(100);
                for (String head : new String[] {"Action", "Owner", "Due", "Status"}) {
                    PdfPCell cell = new PdfPCell(new Phrase(head, PdfFonts.bold(9)));
                    cell.setBackgroundColor(new Color(0xee, 0xf1, 0xf5));
                    table.addCell(cell);
                }
                for (ActionRow action : summary.actions()) {
                    table.addCell(new Phrase(action.title(), PdfFonts.regular(9)));
                    table.addCell(new Phrase(action.ownerName(), PdfFonts.regular(9)));
                    table.addCell(new Phrase(action.dueOn() == null ? "—" : action.dueOn().toString(), PdfFonts.regular(9)));
                    table.addCell(new Phrase(action.status().label() + (action.reason() == null ? "" : ": " + action.reason()), PdfFonts.regular(9)));
                }
                document.add(table);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The retrospective summary could not be written.", e);
        }
        return out.toByteArray();
    }

    private static void heading(Document document, String text) throws DocumentException {
        Paragraph heading = new Paragraph(text, PdfFonts.bold(13));
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        heading.setAlignment(Element.ALIGN_LEFT);
        document.add(heading);
    }
}
