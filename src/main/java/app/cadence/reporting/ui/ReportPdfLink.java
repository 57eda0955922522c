package app.cadence.reporting.ui;

import app.cadence.reporting.service.ReportFile;
import app.cadence.reporting.service.StatusReports;
import app.cadence.shared.ui.FileDownload;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;

/** The stored PDF of a published report; the service checks the reader's access again when the link is followed. */
final class ReportPdfLink {

    private ReportPdfLink() {
    }

    static Anchor of(StatusReports reports, Long reportId, String text) {
        Anchor pdf = new Anchor(FileDownload.of(() -> {
            ReportFile file = reports.pdf(reportId);
            return new FileDownload.MadeFile(file.fileName(), "application/pdf", file.bytes());
        }), AttachmentType.DOWNLOAD, text);
        pdf.addClassName("report-pdf");
        return pdf;
    }
}
