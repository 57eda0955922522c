package app.cadence.portfolio.service;

import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.domain.PortfolioQueries;
import app.cadence.portfolio.domain.PortfolioRow;
import app.cadence.portfolio.domain.PortfolioTiles;
import app.cadence.project.domain.Health;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelection;
import app.cadence.tenancy.service.TenantSettings;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.annotation.security.RolesAllowed;
import java.awt.Color;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio status pack as PDF: the tiles, two charts drawn as vector bars, the templates in
 * use and the project table with the screen's filters and sort. The table is written in chunks,
 * so a large tenant's pack is never held in memory whole.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class PortfolioStatusPack {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.UK);
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d/M", Locale.UK);
    private static final Color RED = new Color(0xc6, 0x28, 0x28);
    private static final Color AMBER = new Color(0xef, 0x8f, 0x00);
    private static final Color GREEN = new Color(0x2e, 0x7d, 0x32);
    private static final Color NOT_ASSESSED = new Color(0x61, 0x61, 0x61);
    private static final Color BLUE = new Color(0x15, 0x65, 0xc0);
    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9);
    private static final Font SMALL = new Font(Font.HELVETICA, 8);
    private static final Font HEADER_CELL = new Font(Font.HELVETICA, 8, Font.BOLD);

    private final PortfolioQueries queries;
    private final PortfolioService portfolio;
    private final TenantSettings settings;
    private final Clock clock;
    private final PortfolioCommentaries commentaries;

    PortfolioStatusPack(PortfolioQueries queries, PortfolioService portfolio, TenantSettings settings, Clock clock,
                        PortfolioCommentaries commentaries) {
        this.commentaries = commentaries;
        this.queries = queries;
        this.portfolio = portfolio;
        this.settings = settings;
        this.clock = clock;
    }

    public void write(PortfolioFilter filter, Sort sort, OutputStream out) {
        TenantSelection tenant = TenantContext.currentSelection().orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
        ZoneId zone = settings.zone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        PortfolioTiles tiles = portfolio.tiles();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("Portfolio status pack — " + tenant.tenantName());
            document.addCreator("Cadence");
            document.open();
            document.add(new Paragraph("Portfolio status pack — " + tenant.tenantName(), TITLE));
            document.add(new Paragraph("As of " + DAY.format(today) + " (" + zone.getId() + ")", SMALL));
            document.add(new Paragraph(" ", SMALL));
            commentary(document, zone);
            document.add(tileTable(tiles));
            document.add(new Paragraph(" ", SMALL));
            charts(writer, document, tiles, zone);
            document.add(new Paragraph("Templates in use", HEADING));
            if (tiles.templatesInUse().isEmpty()) {
                document.add(new Paragraph("None applied yet.", BODY));
            }
            for (PortfolioTiles.TemplateUsage usage : tiles.templatesInUse()) {
                document.add(new Paragraph(usage.templateName() + " v" + usage.versionNumber() + " — " + usage.instances()
                        + (usage.instances() == 1 ? " instance on " : " instances on ") + usage.projects()
                        + (usage.projects() == 1 ? " project" : " projects"), BODY));
            }
            document.newPage();
            document.add(new Paragraph("Projects", HEADING));
            document.add(new Paragraph(" ", SMALL));
            projectTable(document, tenant.tenantId(), filter, sort, now, today);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The status pack could not be written.", e);
        }
    }

    /** The PMO's commentary, first: what the director wants read before the figures. */
    private void commentary(Document document, ZoneId zone) throws DocumentException {
        PortfolioCommentaries.Commentary commentary = commentaries.current();
        if (commentary.text().isBlank()) {
            return;
        }
        document.add(new Paragraph("PMO commentary", HEADING));
        if (commentary.updatedAt() != null) {
            document.add(new Paragraph("By " + commentary.updatedBy() + ", " + DAY.format(commentary.updatedAt().atZone(zone)), SMALL));
        }
        app.cadence.shared.MarkdownPdf.write(document, commentary.text(), 9);
        document.add(new Paragraph(" ", SMALL));
    }

    private static PdfPTable tileTable(PortfolioTiles tiles) {
        PdfPTable table = new PdfPTable(6);
        table.setWidthPercentage(100);
        table.addCell(tile(tiles.projectsByHealth().get(Health.RED) + " red", RED));
        table.addCell(tile(tiles.projectsByHealth().get(Health.AMBER) + " amber", AMBER));
        table.addCell(tile(tiles.projectsByHealth().get(Health.GREEN) + " green", GREEN));
        table.addCell(tile(tiles.projectsByHealth().get(Health.NOT_ASSESSED) + " not assessed", NOT_ASSESSED));
        table.addCell(tile(tiles.overdueItems() + (tiles.overdueItems() == 1 ? " overdue item" : " overdue items"), Color.DARK_GRAY));
        table.addCell(tile(tiles.goLivesNext30Days() + (tiles.goLivesNext30Days() == 1 ? " go-live" : " go-lives") + " in 30 days", Color.DARK_GRAY));
        return table;
    }

    private static PdfPCell tile(String text, Color colour) {
        PdfPCell cell = new PdfPCell(new Phrase(text, new Font(Font.HELVETICA, 14, Font.BOLD, colour)));
        cell.setPadding(8);
        cell.setBorderColor(Color.LIGHT_GRAY);
        return cell;
    }

    /** Projects by health and go-lives by month, as bars drawn straight onto the page. */
    /** Every other week is named, the last (now) always: twelve dates side by side would run into each other. */
    private static String[] weekLabels(List<PortfolioTiles.WeekCount> weeks, ZoneId zone) {
        String[] labels = new String[weeks.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (labels.length - 1 - i) % 2 == 0 ? WEEK.format(weeks.get(i).weekEnd().atZone(zone)) : "";
        }
        return labels;
    }

    private static Color[] filled(int n, Color colour) {
        Color[] colours = new Color[n];
        java.util.Arrays.fill(colours, colour);
        return colours;
    }

    private static void charts(PdfWriter writer, Document document, PortfolioTiles tiles, ZoneId zone) throws DocumentException {
        float top = writer.getVerticalPosition(true) - 10;
        float height = 110;
        PdfContentByte canvas = writer.getDirectContent();
        // Headings in a table whose columns line up with the three charts drawn below them.
        PdfPTable headings = new PdfPTable(new float[] {190, 330, 266});
        headings.setWidthPercentage(100);
        for (String heading : List.of("Projects by health", "Go-lives by month, next 12 months", "Overdue items, last 12 weeks")) {
            PdfPCell cell = new PdfPCell(new Phrase(heading, HEADING));
            cell.setBorder(Rectangle.NO_BORDER);
            headings.addCell(cell);
        }
        document.add(headings);
        float base = top - 24 - height;
        long[] health = {tiles.projectsByHealth().get(Health.RED), tiles.projectsByHealth().get(Health.AMBER),
                tiles.projectsByHealth().get(Health.GREEN), tiles.projectsByHealth().get(Health.NOT_ASSESSED)};
        bars(canvas, 32, base, 160, height, health, new String[] {"Red", "Amber", "Green", "Not assessed"},
                new Color[] {RED, AMBER, GREEN, NOT_ASSESSED});
        List<PortfolioTiles.MonthCount> months = tiles.goLivesByMonth();
        bars(canvas, 224, base, 310, height, months.stream().mapToLong(PortfolioTiles.MonthCount::projects).toArray(),
                months.stream().map(m -> MONTH.format(m.month())).toArray(String[]::new), filled(months.size(), BLUE));
        List<PortfolioTiles.WeekCount> weeks = tiles.overdueTrend();
        bars(canvas, 556, base, 256, height, weeks.stream().mapToLong(PortfolioTiles.WeekCount::overdue).toArray(),
                weekLabels(weeks, zone), filled(weeks.size(), RED));
        // Room for the charts before what follows.
        Paragraph spacer = new Paragraph(" ");
        spacer.setSpacingAfter(height + 30); // bars, values above and labels below them
        document.add(spacer);
    }

    private static void bars(PdfContentByte canvas, float x, float y, float width, float height, long[] values, String[] labels,
                             Color[] colours) {
        long max = Math.max(1, java.util.Arrays.stream(values).max().orElse(1));
        float slot = width / Math.max(1, values.length);
        float barWidth = Math.min(40, slot * 0.7f);
        BaseFont font = new Font(Font.HELVETICA, 8).getCalculatedBaseFont(false);
        canvas.setColorStroke(Color.LIGHT_GRAY);
        canvas.moveTo(x, y);
        canvas.lineTo(x + width, y);
        canvas.stroke();
        for (int i = 0; i < values.length; i++) {
            float barHeight = (height - 14) * values[i] / max;
            float left = x + slot * i + (slot - barWidth) / 2;
            canvas.setColorFill(colours[i]);
            canvas.rectangle(left, y, barWidth, barHeight);
            canvas.fill();
            canvas.beginText();
            canvas.setColorFill(Color.DARK_GRAY);
            canvas.setFontAndSize(font, 8);
            canvas.showTextAligned(Element.ALIGN_CENTER, String.valueOf(values[i]), left + barWidth / 2, y + barHeight + 3, 0);
            canvas.showTextAligned(Element.ALIGN_CENTER, labels[i], left + barWidth / 2, y - 10, 0);
            canvas.endText();
        }
    }

    private void projectTable(Document document, Long tenantId, PortfolioFilter filter, Sort sort, Instant now, LocalDate today)
            throws DocumentException {
        float[] widths = {7, 20, 6, 22, 7, 11, 8, 8, 5, 5};
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        // Rows go to the document in chunks: a large table is never held whole.
        table.setComplete(false);
        for (String header : List.of("Key", "Name", "Health", "Reason", "Status", "PM", "Next key date", "Go-live", "Overdue", "Blocked")) {
            PdfPCell cell = new PdfPCell(new Phrase(header, HEADER_CELL));
            cell.setBackgroundColor(new Color(0xee, 0xee, 0xee));
            table.addCell(cell);
        }
        int[] written = {0};
        PortfolioQueries.HealthBasis basis = PortfolioService.healthBasis(settings, clock);
        queries.forEachRow(tenantId, filter, sort, now, basis, row -> {
            table.addCell(cell(row.key()));
            table.addCell(cell(row.name()));
            PdfPCell health = cell(row.health().label() + (row.healthOverridden() ? " (set by hand)" : ""));
            health.setBackgroundColor(switch (row.health()) {
                case RED -> new Color(0xfd, 0xe0, 0xdf);
                case AMBER -> new Color(0xff, 0xef, 0xd5);
                case GREEN -> new Color(0xe3, 0xf4, 0xe4);
                case NOT_ASSESSED -> new Color(0xf2, 0xf2, 0xf2);
            });
            table.addCell(health);
            table.addCell(cell(row.healthReason()));
            table.addCell(cell(row.status().label()));
            table.addCell(cell(row.pmName()));
            table.addCell(cell(date(row.nextKeyDate(today))));
            table.addCell(cell(date(row.goLiveDate())));
            table.addCell(cell(String.valueOf(row.overdue())));
            table.addCell(cell(String.valueOf(row.blocked())));
            if (++written[0] % PortfolioExport.PAGE == 0) {
                document.add(table); // the rows so far go to the document, and out of memory
            }
        });
        table.setComplete(true);
        document.add(table);
        if (written[0] == 0) {
            document.add(new Paragraph("No project matches these filters.", BODY));
        }
    }

    private static PdfPCell cell(@Nullable String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "—" : text, BODY));
        cell.setPadding(3);
        cell.setBorderColor(Color.LIGHT_GRAY);
        return cell;
    }

    private static String date(@Nullable LocalDate date) {
        return date == null ? "—" : DAY.format(date);
    }
}
