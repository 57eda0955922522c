package app.cadence.reporting.ui;

import app.cadence.live.LiveScreens;
import app.cadence.project.ui.ProjectPageSection;
import app.cadence.reporting.events.StatusReportChanged;
import app.cadence.reporting.domain.StatusReport;
import app.cadence.reporting.service.ReportRow;
import app.cadence.reporting.service.ReportView;
import app.cadence.reporting.service.StatusReports;
import app.cadence.shared.ui.MarkdownView;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The project page's status reports: the open draft — the narrative editor with its preview, the
 * report as the project's data stands now, Publish — and the history of published reports with
 * their PDFs. What is read live costs a dozen statements, so it is read when the draft is opened
 * (or the reader asks for the preview), not with every project page.
 */
@org.springframework.stereotype.Component
class StatusReportsSection implements ProjectPageSection {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final StatusReports reports;
    private final LiveScreens live;

    StatusReportsSection(StatusReports reports, LiveScreens live) {
        this.reports = reports;
        this.live = live;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String tab() {
        return STATUS_REPORTS;
    }

    @Override
    public Component create(Long projectId, boolean canEdit) {
        Panel panel = new Panel(reports, projectId);
        live.follow(panel, () -> List.of(StatusReportChanged.topicOf(projectId)), changes -> panel.othersChanged());
        return panel;
    }

    /** One project's reports on one page. */
    static final class Panel extends Div {

        private final StatusReports reports;
        private final Long projectId;
        private final boolean mayWrite;
        private final Div draftArea = new Div();
        private final Grid<ReportRow> history = new Grid<>();
        private final Span noHistory = new Span("No status report published yet.");
        private @Nullable ReportView draft;
        private @Nullable TextArea narrativeField;
        private final Span othersChanged = new Span();

        Panel(StatusReports reports, Long projectId) {
            this.reports = reports;
            this.projectId = projectId;
            this.mayWrite = reports.mayWrite();
            addClassName("status-reports");
            draftArea.addClassName("report-draft");
            configureHistory();
            noHistory.addClassNames("hint", "report-history-empty");
            othersChanged.addClassNames("hint", "report-changed-elsewhere");
            othersChanged.setVisible(false);
            add(new H3("Status reports"), othersChanged, draftArea, new H4("Published reports"), noHistory, history);
            showDraft(reports.openDraft(projectId).orElse(null));
            refreshHistory();
        }

        private void configureHistory() {
            history.addClassName("report-history");
            history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
            history.setAllRowsVisible(true);
            history.addColumn(r -> DAY.format(r.asOf())).setHeader("As of").setAutoWidth(true);
            history.addComponentColumn(r -> {
                Span rag = new Span(r.health().label());
                rag.addClassNames("health-badge", r.health().styleClass());
                return rag;
            }).setHeader("Health").setAutoWidth(true);
            history.addColumn(ReportRow::publishedBy).setHeader("Published by").setAutoWidth(true);
            history.addComponentColumn(r -> new Anchor(StatusReports.route(r.id()), r.title())).setHeader("Report").setFlexGrow(1);
            history.addComponentColumn(r -> ReportPdfLink.of(reports, r.id(), "PDF")).setHeader("PDF").setAutoWidth(true);
            history.setItems(query -> reports.history(projectId, query.getOffset(), query.getLimit()).stream(),
                    query -> Math.toIntExact(reports.countHistory(projectId)));
        }

        private void refreshHistory() {
            boolean any = reports.countHistory(projectId) > 0;
            noHistory.setVisible(!any);
            history.setVisible(any);
            history.getDataProvider().refreshAll();
        }

        /**
         * Someone else started, wrote or published the report: the history follows, and so does the
         * draft — unless this reader has typed a summary not yet saved, which stays on screen.
         */
        void othersChanged() {
            refreshHistory();
            TextArea typing = narrativeField;
            ReportView shown = draft;
            if (typing != null && shown != null && !typing.getValue().strip().equals(shown.narrative())) {
                othersChanged.setText("Someone else changed this report meanwhile. Your summary is kept here; saving it will say who.");
                othersChanged.setVisible(true);
                return;
            }
            othersChanged.setVisible(false);
            showDraft(reports.openDraft(projectId).orElse(null));
        }

        private void showDraft(@Nullable ReportView open) {
            this.draft = open;
            this.narrativeField = null;
            othersChanged.setVisible(false);
            draftArea.removeAll();
            if (open == null) {
                Span none = new Span(mayWrite ? "No draft open. Start one: Cadence fills in everything but your summary from the project's data."
                        : "No draft is being written.");
                none.addClassNames("hint", "report-no-draft");
                draftArea.add(none);
                HorizontalLayout buttons = new HorizontalLayout();
                if (mayWrite) {
                    Button start = new Button("Start a draft", e -> act(() -> showDraft(reports.startDraft(projectId))));
                    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    start.addClassName("start-draft");
                    buttons.add(start);
                }
                Button preview = new Button("Preview from live data", e -> showLivePreview(""));
                preview.addClassName("show-preview");
                buttons.add(preview);
                draftArea.add(buttons);
                return;
            }
            Span state = new Span("Draft, last saved by " + open.updatedBy() + " " + UserMessages.formatTime(open.updatedAt()) + ".");
            state.addClassNames("hint", "report-draft-state");
            draftArea.add(state);
            MarkdownView narrativePreview = new MarkdownView(open.narrative());
            narrativePreview.addClassName("narrative-preview");
            MarkdownView report = new MarkdownView(open.markdown());
            report.addClassName("report-preview");
            if (mayWrite) {
                TextArea narrative = new TextArea("Summary (Markdown: **bold**, - lists, a blank line between paragraphs)");
                narrative.addClassName("report-narrative");
                narrative.setWidthFull();
                narrative.setMinHeight("8em");
                narrative.setMaxLength(StatusReport.NARRATIVE_MAX);
                narrative.setValue(open.narrative());
                narrative.setValueChangeMode(ValueChangeMode.LAZY);
                narrative.addValueChangeListener(e -> narrativePreview.setMarkdown(e.getValue()));
                narrativeField = narrative;
                Button save = new Button("Save summary", e -> save(narrative.getValue()).ifPresent(this::showDraft));
                save.addClassName("save-narrative");
                Button publish = new Button("Publish…", e -> confirmPublish(narrative.getValue()));
                publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                publish.addClassName("publish-report");
                Button refresh = new Button("Refresh from live data", e -> save(narrative.getValue()).ifPresent(this::showDraft));
                refresh.addClassName("refresh-preview");
                Span previewLabel = new Span("Summary preview");
                previewLabel.addClassName("hint");
                draftArea.add(narrative, new HorizontalLayout(save, publish, refresh), previewLabel, narrativePreview);
            }
            H4 whole = new H4("The report as it stands now");
            draftArea.add(whole, report);
        }

        private void showLivePreview(String narrative) {
            draftArea.removeAll();
            MarkdownView report = new MarkdownView(reports.livePreview(projectId, narrative));
            report.addClassName("report-preview");
            Button close = new Button("Close preview", e -> showDraft(draft));
            draftArea.add(new H4("The report as it would read now"), report, close);
        }

        /** Saves the summary over the draft's version; on a refusal the text stays on screen. */
        private Optional<ReportView> save(String text) {
            ReportView open = draft;
            if (open == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(reports.saveNarrative(open.id(), text, open.version()));
            } catch (RuntimeException e) {
                UserMessages.showError(e);
                return Optional.empty();
            }
        }

        private void confirmPublish(String text) {
            ConfirmDialog confirm = new ConfirmDialog("Publish this status report?",
                    "The report is frozen as the project's data stands now and kept, with its PDF, in the report history. "
                            + "A published report cannot be changed.", "Publish",
                    e -> save(text).ifPresent(saved -> {
                        try {
                            reports.publish(saved.id(), saved.version());
                            UserMessages.showSuccess("The status report is published.");
                            showDraft(null);
                            refreshHistory();
                        } catch (RuntimeException ex) {
                            UserMessages.showError(ex);
                        }
                    }));
            confirm.addClassName("confirm-publish");
            confirm.setCancelable(true);
            confirm.open();
        }

        private void act(Runnable action) {
            try {
                action.run();
            } catch (RuntimeException e) {
                UserMessages.showError(e);
            }
        }
    }
}
