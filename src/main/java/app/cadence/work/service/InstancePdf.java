package app.cadence.work.service;

import app.cadence.shared.PdfFonts;
import app.cadence.template.domain.TemplateKind;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceViews.InstanceDetails;
import app.cadence.work.service.InstanceViews.ItemView;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One instance as a PDF: what it is (project, template version, anchors, progress) and its items
 * section by section — title with the template's details under it, status, assignee, due, who
 * completed it and when, notes and evidence link. A4 landscape, so that the columns keep room to
 * read; the table's heading repeats on every page. Liberation Sans ({@link PdfFonts}), so that
 * every character a person typed prints.
 */
final class InstancePdf {

    private static final Font TITLE = PdfFonts.bold(16);
    private static final Font BODY = PdfFonts.regular(8.5f);
    private static final Font SMALL = PdfFonts.regular(7.5f);
    private static final Font DETAILS = PdfFonts.coloured(7.5f, Font.NORMAL, new Color(0x55, 0x55, 0x55));
    private static final Font BOLD = PdfFonts.bold(8.5f);
    private static final Color HEADER_FILL = new Color(0xee, 0xee, 0xee);
    private static final Color SECTION_FILL = new Color(0xf5, 0xf7, 0xfa);
    private static final Color BORDER = new Color(0xdd, 0xdd, 0xdd);
    /** Items laid out at a time: OpenPDF writes each chunk out and lets go of it. */
    private static final int CHUNK = 100;

    private final InstanceDetails instance;
    private final Instant madeAt;
    private final ZoneId zone;

    InstancePdf(InstanceDetails instance, Instant madeAt) {
        this.instance = instance;
        this.madeAt = madeAt;
        this.zone = instance.zone();
    }

    byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 34);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(instance.projectKey() + " · " + instance.name() + " · made "
                    + InstanceColumn.MOMENT.format(madeAt.atZone(zone)) + " (" + zone.getId() + ")"));
            document.addTitle(instance.name() + " — " + instance.projectKey() + " " + instance.projectName());
            document.addCreator("Cadence");
            document.open();
            document.add(new Paragraph(instance.name(), TITLE));
            PdfPTable facts = new PdfPTable(new float[] {1, 5});
            facts.setWidthPercentage(60);
            facts.setHorizontalAlignment(Element.ALIGN_LEFT);
            facts.setSpacingBefore(6);
            facts.setSpacingAfter(10);
            for (String[] fact : InstanceExports.facts(instance)) {
                facts.addCell(plain(new Phrase(fact[0], BOLD)));
                facts.addCell(plain(new Phrase(fact[1], BODY)));
            }
            document.add(facts);
            items(document);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF of “" + instance.name() + "” could not be written.", e);
        }
        return out.toByteArray();
    }

    private void items(Document document) throws DocumentException {
        boolean due = instance.kind() != TemplateKind.RETROSPECTIVE;
        List<String> headers = due ? List.of("Item", "Status", "Assignee", "Due", "Completed", "Notes", "Evidence")
                : List.of("Item", "Status", "Assignee", "Completed", "Notes", "Evidence");
        float[] widths = due ? new float[] {28, 11, 10, 9, 11, 19, 12} : new float[] {31, 11, 11, 12, 22, 13};
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setComplete(false); // written in chunks: a runbook of 2,000 steps is never laid out whole
        for (String header : headers) {
            PdfPCell cell = cell(new Phrase(header, BOLD));
            cell.setBackgroundColor(HEADER_FILL);
            table.addCell(cell);
        }
        if (instance.items().isEmpty()) {
            PdfPCell none = cell(new Phrase("This instance has no items.", BODY));
            none.setColspan(headers.size());
            table.addCell(none);
        }
        UUID section = null;
        int written = 0;
        for (ItemView item : instance.items()) {
            if (!item.sectionKey().equals(section)) {
                section = item.sectionKey();
                PdfPCell heading = cell(new Phrase(item.sectionTitle() + (item.rollback() ? " — rollback: only if rollback is invoked" : ""), BOLD));
                heading.setColspan(headers.size());
                heading.setBackgroundColor(SECTION_FILL);
                table.addCell(heading);
            }
            Phrase title = new Phrase(item.title(), BODY);
            String facts = InstanceColumn.planFacts(item);
            if (!facts.isEmpty()) {
                title.add(new Chunk("\n" + facts, SMALL));
            }
            if (item.details() != null) {
                title.add(new Chunk("\n" + item.details(), DETAILS));
            }
            table.addCell(cell(title));
            String status = item.status().label() + (item.status() == ItemStatus.BLOCKED && item.blockedReason() != null
                    ? ": " + item.blockedReason() : "") + (item.overdue(madeAt) ? " · overdue" : "");
            table.addCell(cell(new Phrase(status, item.status() == ItemStatus.BLOCKED || item.overdue(madeAt) ? BOLD : BODY)));
            table.addCell(cell(new Phrase(text(item.assigneeName()), BODY)));
            if (due) {
                table.addCell(cell(new Phrase(InstanceColumn.DUE.text(item, zone), BODY)));
            }
            String completed = item.completedAt() == null ? "" : InstanceColumn.COMPLETED_AT.text(item, zone)
                    + (item.completedBy() == null ? "" : "\nby " + item.completedBy());
            table.addCell(cell(new Phrase(completed, BODY)));
            table.addCell(cell(new Phrase(text(item.notes()), BODY)));
            table.addCell(cell(new Phrase(text(item.evidenceUrl()), SMALL)));
            if (++written % CHUNK == 0) {
                document.add(table);
            }
        }
        table.setComplete(true);
        document.add(table);
    }

    private static String text(@org.jspecify.annotations.Nullable String value) {
        return Objects.requireNonNullElse(value, "");
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setPadding(3);
        cell.setBorderColor(BORDER);
        return cell;
    }

    private static PdfPCell plain(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setPadding(1.5f);
        return cell;
    }

    private static final class Footer extends PdfPageEventHelper {
        private final String text;

        Footer(String text) {
            this.text = text;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            canvas.beginText();
            canvas.setFontAndSize(PdfFonts.base(), 7);
            canvas.setColorFill(Color.GRAY);
            canvas.showTextAligned(Element.ALIGN_LEFT, text, document.left(), document.bottom() - 18, 0);
            canvas.showTextAligned(Element.ALIGN_RIGHT, "Page " + writer.getPageNumber(), document.right(), document.bottom() - 18, 0);
            canvas.endText();
        }
    }
}
