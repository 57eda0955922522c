package app.cadence.work.ui;

import app.cadence.shared.ui.FileDownload;
import app.cadence.work.service.InstanceExports;
import app.cadence.work.service.InstanceExports.InstanceFile;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;

/**
 * An instance's files and printout, for the instance page's header: the items as XLSX, as a PDF,
 * and the print view (a page of its own, in a new tab). Each file is made by the service when the
 * link is followed, with the reader's rights at that moment ({@link FileDownload}).
 */
class InstanceDownloads extends Div {

    InstanceDownloads(Long instanceId, InstanceExports exports) {
        addClassName("instance-downloads");
        Anchor xlsx = new Anchor(download(() -> exports.xlsx(instanceId)), AttachmentType.DOWNLOAD, "Items (XLSX)");
        xlsx.addClassName("export-instance-xlsx");
        Anchor pdf = new Anchor(download(() -> exports.pdf(instanceId)), AttachmentType.DOWNLOAD, "Items (PDF)");
        pdf.addClassName("export-instance-pdf");
        Anchor print = new Anchor(InstancePrintView.path(instanceId), "Print view");
        print.setTarget(AnchorTarget.BLANK);
        print.addClassName("export-instance-print");
        add(xlsx, pdf, print);
    }

    private static FileDownload download(FileMaker maker) {
        return FileDownload.of(() -> {
            InstanceFile file = maker.make();
            return new FileDownload.MadeFile(file.fileName(), file.contentType(), file.bytes());
        });
    }

    @FunctionalInterface
    private interface FileMaker extends java.io.Serializable {
        InstanceFile make();
    }
}
