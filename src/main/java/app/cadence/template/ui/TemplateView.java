package app.cadence.template.ui;

import app.cadence.live.LiveMessage;
import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.FileDownload;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.ScheduleWarning;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.domain.TemplateStatus;
import app.cadence.template.domain.VersionComparison;
import app.cadence.template.domain.VersionRangeComparison;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateProposals;
import app.cadence.template.service.TemplateTransfer.ExportFile;
import app.cadence.template.service.TemplateTransfer;
import app.cadence.template.service.TemplateViews.ChangeSummary;
import app.cadence.template.service.TemplateViews.TemplateDetails;
import app.cadence.template.service.TemplateViews.VersionContent;
import app.cadence.template.service.TemplateViews.VersionSummary;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantChoice;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One template: its versions (read-only), publishing, new drafts, retiring, and its history.
 * Editing a draft's items is the designer's job (next step of the template issue).
 */
@Route("templates")
@RolesAllowed(RoleSets.MEMBERS)
public class TemplateView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final TemplateLibrary library;
    private final TemplateTransfer transfer;
    private final boolean author;
    private final boolean canApply;
    private final H2 heading = new H2();
    private final Paragraph description = new Paragraph();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Select<VersionSummary> versionPicker = new Select<>();
    private final Div versionContent = new Div();
    private final VerticalLayout history = new VerticalLayout();
    private TemplateDetails details;
    private final LiveScreens.Following following;
    private final Paragraph changedElsewhere = new Paragraph();
    private final TemplateProposals proposals;
    private final VerticalLayout proposalsTab = new VerticalLayout();
    private final com.vaadin.flow.component.tabs.Tab proposalsTabTitle;
    private final List<TemplatePageSection> sections;
    private final List<VerticalLayout> sectionTabs = new java.util.ArrayList<>();
    private @org.jspecify.annotations.Nullable Long sectionsOf;
    private final TabSheet tabs = new TabSheet();
    private final Button proposalsWaiting = new Button();

    TemplateView(TemplateLibrary library, TemplateTransfer transfer, AuthenticationContext authentication, LiveScreens live,
                 TemplateProposals proposals, List<TemplatePageSection> sections) {
        this.library = library;
        this.proposals = proposals;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(TemplatePageSection::order)).toList();
        this.following = live.follow(this, () -> details == null ? List.of() : List.of(Topic.template(details.id())), this::followChanges);
        this.transfer = transfer;
        this.author = authentication.hasRole(RoleSets.PORTFOLIO_OFFICE);
        this.canApply = authentication.hasRole(RoleSets.PROJECT_MANAGERS);
        addClassName("template-view");
        versionPicker.setLabel("Version");
        versionPicker.setItemLabelGenerator(v -> v.label() + (v.number() == null ? " (being edited)" : ""));
        versionPicker.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showVersion(e.getValue());
            }
        });
        description.addClassName("template-description");
        actions.setWrap(true);
        tabs.add("Content", new VerticalLayout(versionPicker, versionContent));
        proposalsTab.setPadding(false);
        proposalsTabTitle = tabs.add("Proposals", proposalsTab);
        proposalsTabTitle.addClassName("proposals-tab");
        tabs.add("History", history);
        for (TemplatePageSection section : this.sections) {
            VerticalLayout tab = new VerticalLayout();
            tab.setPadding(false);
            sectionTabs.add(tab);
            tabs.add(section.title(), tab);
        }
        tabs.setWidthFull();
        versionContent.setWidthFull();
        changedElsewhere.addClassName("changed-elsewhere");
        changedElsewhere.setVisible(false);
        proposalsWaiting.addClassName("proposals-waiting");
        proposalsWaiting.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        proposalsWaiting.setVisible(false);
        proposalsWaiting.addClickListener(e -> tabs.setSelectedTab(proposalsTabTitle));
        add(heading, changedElsewhere, description, actions, proposalsWaiting, tabs);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            load(Long.valueOf(parameter));
        } catch (NumberFormatException | RecordNotFoundException e) {
            throw new NotFoundException();
        }
    }

    @Override
    public String getPageTitle() {
        return (details == null ? "Template" : details.name()) + " · Cadence";
    }

    /**
     * Someone else changed the template (a draft saved, a version published, retired): the page
     * shows the template as it is now, on the version the reader had open if it still exists.
     */
    private void followChanges(List<LiveMessage> changes) {
        Long id = details.id();
        VersionSummary reading = versionPicker.getValue();
        try {
            load(id);
        } catch (RecordNotFoundException e) {
            return;
        }
        if (reading != null) {
            details.versions().stream().filter(v -> v.id().equals(reading.id())).findFirst().ifPresent(versionPicker::setValue);
        }
        LiveMessage last = changes.getLast();
        changedElsewhere.setText(last.changedByName() + " changed this template just now ("
                + String.join(", ", last.changed()).replace('_', ' ').toLowerCase(java.util.Locale.ROOT) + ").");
        changedElsewhere.setVisible(true);
    }

    private void load(Long id) {
        boolean first = details == null || !details.id().equals(id);
        details = library.details(id);
        if (first) {
            following.refollow();
        }
        heading.setText(details.name());
        Span kind = new Span(details.kind().label());
        kind.addClassNames("status-badge", "status-proposed");
        boolean published = details.versions().stream().anyMatch(v -> v.number() != null) || !author;
        Span status = new Span(published ? details.status().label() : "Draft only");
        status.addClassNames("status-badge", !published ? "status-proposed"
                : details.status() == TemplateStatus.ACTIVE ? "status-active" : "status-closed");
        heading.add(new Span(" "), kind, new Span(" "), status);
        description.setText(details.description() == null ? "" : details.description());
        description.setVisible(details.description() != null);
        buildActions();
        versionPicker.setItems(details.versions());
        if (details.versions().isEmpty()) {
            versionContent.removeAll();
            versionContent.add(new Paragraph("No version has been published yet."));
        } else {
            versionPicker.setValue(details.versions().getFirst());
        }
        history.removeAll();
        for (ChangeSummary change : details.changes()) {
            Paragraph line = new Paragraph(TemplatesView.WHEN.format(change.at()) + " — " + change.by() + ": " + change.summary());
            line.addClassName("history-line");
            history.add(line);
        }
        if (details.changes().isEmpty()) {
            history.add(new Paragraph("No changes recorded yet."));
        }
        showProposals();
        if (!details.id().equals(sectionsOf)) {
            sectionsOf = details.id();
            for (int i = 0; i < sections.size(); i++) {
                VerticalLayout tab = sectionTabs.get(i);
                tab.removeAll();
                sections.get(i).create(details.id(), details.kind(), author).ifPresent(tab::add);
            }
        }
    }

    /** The queue of change proposals raised from lessons; the tab's title counts those pending. */
    private void showProposals() {
        proposalsTab.removeAll();
        Long id = details.id();
        proposalsTab.add(new ProposalQueue(proposals, id, author, () -> load(id)));
        long pending = proposals.pendingCount(id);
        proposalsTabTitle.setLabel(pending == 0 ? "Proposals" : "Proposals (" + pending + ")");
        // ADMIN and PMO decide: tell them on arrival, not only on a tab they may not open.
        proposalsWaiting.setVisible(author && pending > 0);
        proposalsWaiting.setText(pending == 1 ? "1 change proposal from a lesson waits for your decision"
                : pending + " change proposals from lessons wait for your decision");
    }

    private void buildActions() {
        actions.removeAll();
        if (details.versions().size() >= 2) {
            actions.add(new Button("Compare versions…", e -> openCompareDialog()));
        }
        boolean applicable = details.versions().stream().anyMatch(v -> v.number() != null);
        if (canApply && applicable && details.status() == TemplateStatus.ACTIVE) {
            // By route name: the project feature depends on templates, not the other way round.
            Button apply = new Button("Apply to a project…", e -> getUI().ifPresent(ui -> ui.navigate("apply",
                    QueryParameters.of("template", String.valueOf(details.id())))));
            apply.addClassName("apply-to-project");
            actions.add(apply);
        }
        if (!author) {
            return;
        }
        if (!details.versions().isEmpty() && !transfer.copyTargets().isEmpty()) {
            actions.add(new Button("Copy to another organisation…", e -> openCopyDialog()));
        }
        boolean hasDraft = details.versions().stream().anyMatch(v -> v.number() == null);
        if (hasDraft) {
            Button edit = new Button("Edit draft", e -> getUI().ifPresent(ui -> ui.navigate(TemplateDesignerView.class, details.id())));
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(edit, new Button("Publish draft…", e -> openPublishDialog()));
            if (details.versions().stream().anyMatch(v -> v.number() != null)) {
                Button discard = new Button("Discard draft…", e -> confirmDiscard());
                discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                actions.add(discard);
            }
        } else if (!details.versions().isEmpty()) {
            actions.add(new Button("Start a new draft", e -> {
                try {
                    library.startDraft(details.id());
                    getUI().ifPresent(ui -> ui.navigate(TemplateDesignerView.class, details.id()));
                } catch (RuntimeException ex) {
                    UserMessages.showError(ex);
                }
            }));
        }
        boolean published = details.versions().stream().anyMatch(v -> v.number() != null);
        if (details.status() == TemplateStatus.ACTIVE && published) {
            Button retire = new Button("Retire…", e -> confirmRetire());
            retire.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(retire);
        } else if (details.status() == TemplateStatus.RETIRED) {
            actions.add(new Button("Reactivate", e -> run(() -> {
                library.reactivate(details.id());
                return null;
            }, "The template is active again.")));
        }
    }

    private void openCompareDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Compare versions of “" + details.name() + "”");
        dialog.setWidth("min(90vw, 60rem)");
        Select<VersionSummary> older = new Select<>();
        Select<VersionSummary> newer = new Select<>();
        older.setLabel("From");
        newer.setLabel("To");
        for (Select<VersionSummary> select : java.util.List.of(older, newer)) {
            select.setItems(details.versions());
            select.setItemLabelGenerator(VersionSummary::label);
        }
        newer.setValue(details.versions().get(0));
        older.setValue(details.versions().get(1));
        VerticalLayout result = new VerticalLayout();
        result.setPadding(false);
        result.addClassName("comparison");
        Runnable compare = () -> showComparison(result, older.getValue(), newer.getValue());
        older.addValueChangeListener(e -> compare.run());
        newer.addValueChangeListener(e -> compare.run());
        compare.run();
        dialog.add(new HorizontalLayout(older, newer), result);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    /**
     * The cumulative change from the older of the two chosen versions to the newer, whichever way
     * round they were chosen; over more than one step, the versions in between with their notes and,
     * for each change, the version that made it.
     */
    private void showComparison(VerticalLayout result, VersionSummary from, VersionSummary to) {
        result.removeAll();
        if (from == null || to == null) {
            return;
        }
        if (from.id().equals(to.id())) {
            result.add(new Paragraph("Choose two different versions to compare."));
            return;
        }
        // details.versions() lists the newest first.
        boolean inOrder = details.versions().indexOf(from) >= details.versions().indexOf(to);
        VersionSummary older = inOrder ? from : to;
        VersionSummary newer = inOrder ? to : from;
        VersionRangeComparison comparison;
        try {
            comparison = library.compareRange(details.id(), older.id(), newer.id());
        } catch (RuntimeException e) {
            UserMessages.showError(e);
            return;
        }
        String span = older.label() + " to " + newer.label().toLowerCase(java.util.Locale.ROOT);
        boolean several = comparison.steps().size() > 1;
        Paragraph heading = new Paragraph("Changes from " + span
                + (several ? ", all " + comparison.steps().size() + " versions together:" : "."));
        heading.addClassName("comparison-range");
        result.add(heading);
        if (several) {
            Div steps = new Div();
            steps.addClassName("comparison-versions");
            for (VersionRangeComparison.Step step : comparison.steps()) {
                Div line = new Div(new Span(step.label() + (step.changeNote() == null ? "" : ": " + step.changeNote())
                        + " (" + changes(step.comparison().entries().size()) + ")"));
                steps.add(line);
            }
            result.add(steps);
        }
        if (comparison.isEmpty()) {
            result.add(new Paragraph(older.label() + " and " + newer.label().toLowerCase(java.util.Locale.ROOT) + " have the same content."
                    + (several && comparison.steps().stream().anyMatch(s -> !s.comparison().isEmpty())
                    ? " What the versions between changed was changed back." : "")));
            return;
        }
        for (VersionComparison.Entry entry : comparison.net().entries()) {
            Span change = new Span(switch (entry.change()) {
                case ADDED -> "Added";
                case REMOVED -> "Removed";
                case CHANGED -> "Changed";
                case MOVED -> "Moved";
            });
            change.addClassNames("status-badge", "change-" + entry.change().name().toLowerCase(java.util.Locale.ROOT));
            Div line = new Div(change, new Span(" " + entry.title() + " (" + entry.where() + ")"));
            line.addClassName("comparison-entry");
            if (several) {
                Span madeIn = new Span(" · in " + String.join(", ", comparison.madeIn(entry)).toLowerCase(java.util.Locale.ROOT));
                madeIn.addClassName("comparison-made-in");
                line.add(madeIn);
            }
            result.add(line);
            for (VersionComparison.FieldChange field : entry.fields()) {
                Div detail = new Div(new Span(field.field() + ": "), new Span("“" + field.before() + "” → “" + field.after() + "”"));
                detail.addClassName("comparison-field");
                result.add(detail);
            }
        }
    }

    private static String changes(int count) {
        return count == 0 ? "no change" : count == 1 ? "1 change" : count + " changes";
    }

    private void openCopyDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Copy “" + details.name() + "” to another organisation");
        Select<VersionSummary> version = new Select<>();
        version.setLabel("Version to copy");
        version.setItems(details.versions());
        version.setItemLabelGenerator(VersionSummary::label);
        version.setValue(details.versions().getFirst());
        Select<TenantChoice> target = new Select<>();
        target.setLabel("Into");
        target.setItems(transfer.copyTargets());
        target.setItemLabelGenerator(TenantChoice::tenantName);
        target.setPlaceholder("Choose an organisation");
        dialog.add(new Paragraph("The copy becomes a new draft there. Only the template itself crosses over: nothing else of this organisation."),
                new VerticalLayout(version, target));
        Button copy = new Button("Copy", e -> {
            if (target.getValue() == null) {
                target.setErrorMessage("Choose the organisation to copy into.");
                target.setInvalid(true);
                return;
            }
            try {
                transfer.copyTo(details.id(), version.getValue().id(), target.getValue().tenantId());
                dialog.close();
                UserMessages.showSuccess("“" + details.name() + "” was copied to " + target.getValue().tenantName()
                        + " as a draft. Switch to that organisation to publish it.");
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
            }
        });
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), copy);
        dialog.open();
    }

    private void openPublishDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Publish the draft");
        TextArea note = new TextArea("What changed in this version?");
        note.setRequiredIndicatorVisible(true);
        note.setMaxLength(2000);
        note.setWidth("32rem");
        note.setHelperText("Project teams read this when they choose a version.");
        note.setAutofocus(true);
        dialog.add(note);
        Button cancel = new Button("Cancel", e -> dialog.close());
        Button publish = new Button("Publish", e -> {
            try {
                int number = library.publish(details.id(), note.getValue());
                dialog.close();
                UserMessages.showSuccess("Version " + number + " of “" + details.name() + "” is published.");
                load(details.id());
            } catch (RuleViolationException ex) {
                if ("changeNote".equals(ex.field())) {
                    note.setErrorMessage(ex.getMessage());
                    note.setInvalid(true);
                } else {
                    UserMessages.showError(ex);
                }
            }
        });
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        List<ScheduleWarning> warnings = library.draft(details.id()).map(d -> d.content().scheduleWarnings()).orElse(List.of());
        if (!warnings.isEmpty()) {
            // Advisory, so not a refusal: the overlap may be intended. But it must not go out unseen.
            ScheduleWarningsList list = new ScheduleWarningsList();
            list.show(warnings, "Project teams will plan with these timings. Correct them in the designer, or confirm that they are intended.");
            list.setWidth("32rem");
            Checkbox checked = new Checkbox("I have checked these timings");
            checked.addClassName("timings-checked");
            publish.setEnabled(false);
            checked.addValueChangeListener(e -> publish.setEnabled(e.getValue()));
            dialog.add(list, checked);
        }
        dialog.getFooter().add(cancel, publish);
        dialog.open();
    }

    private void confirmDiscard() {
        ConfirmDialog dialog = new ConfirmDialog("Discard the draft of “" + details.name() + "”?",
                "Its unpublished changes are thrown away; the published versions stay as they are.",
                "Discard draft", e -> run(() -> {
                    library.discardDraft(details.id());
                    return null;
                }, "The draft was discarded."));
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void confirmRetire() {
        ConfirmDialog dialog = new ConfirmDialog("Retire “" + details.name() + "”?",
                "It stays readable, with all its versions, but projects can no longer apply it. You can reactivate it later.",
                "Retire template", e -> run(() -> {
                    library.retire(details.id());
                    return null;
                }, "The template is retired."));
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void run(java.util.function.Supplier<?> action, String success) {
        try {
            action.get();
            UserMessages.showSuccess(success);
            load(details.id());
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }

    private void showVersion(VersionSummary summary) {
        versionContent.removeAll();
        VersionContent version;
        try {
            version = library.version(details.id(), summary.id());
        } catch (RecordNotFoundException e) {
            UserMessages.showError(e);
            return;
        }
        String meta = summary.number() == null
                ? "Draft, last saved by " + summary.updatedBy() + " on " + TemplatesView.WHEN.format(summary.updatedAt()) + "."
                : "Published by " + summary.publishedBy() + " on " + TemplatesView.WHEN.format(summary.publishedAt()) + ": " + summary.changeNote();
        Paragraph info = new Paragraph(meta);
        info.addClassName("last-change");
        Long templateId = details.id();
        Anchor export = new Anchor(FileDownload.of(() -> {
            ExportFile file = transfer.export(templateId, summary.id());
            return new FileDownload.MadeFile(file.fileName(), "application/json", file.bytes());
        }), AttachmentType.DOWNLOAD, "Export " + summary.label().toLowerCase(java.util.Locale.ROOT) + " as JSON");
        export.addClassName("export-link");
        Anchor spreadsheet = new Anchor(FileDownload.of(() -> {
            ExportFile file = transfer.exportSpreadsheet(templateId, summary.id());
            return new FileDownload.MadeFile(file.fileName(), TemplateTransfer.XLSX, file.bytes());
        }), AttachmentType.DOWNLOAD, "Export " + summary.label().toLowerCase(java.util.Locale.ROOT) + " as XLSX");
        spreadsheet.addClassName("export-xlsx");
        Div exports = new Div(export, spreadsheet);
        exports.addClassName("template-exports");
        versionContent.add(info, exports);
        if (summary.number() != null) {
            List<TemplateProposals.ProposalView> takenIn = proposals.takenInto(details.id(), summary.id());
            if (!takenIn.isEmpty()) {
                Div lessons = new Div(new Span("Lessons taken in: "));
                lessons.addClassName("lessons-taken-in");
                for (int i = 0; i < takenIn.size(); i++) {
                    TemplateProposals.ProposalView p = takenIn.get(i);
                    if (i > 0) {
                        lessons.add(new Span(", "));
                    }
                    String label = "“" + (p.lessonTitle() == null ? p.summary() : p.lessonTitle()) + "”";
                    lessons.add(p.lessonLink() == null ? new Span(label) : new Anchor(p.lessonLink().substring(1), label));
                }
                versionContent.add(lessons);
            }
        }
        TemplateContent content = version.content();
        if (content.retro() != null) {
            versionContent.add(new Paragraph("Format: " + content.retro().format() + " · " + content.retro().votingBudget()
                    + " votes per person · cards " + (content.retro().anonymousByDefault() ? "anonymous" : "named") + " by default"));
        }
        if (content.sections().isEmpty()) {
            versionContent.add(new Paragraph("This version has no sections yet."));
        } else {
            TreeGrid<Line> grid = contentGrid(content);
            List<Line> withDetails = grid.getTreeData().getRootItems().stream().flatMap(section -> grid.getTreeData().getChildren(section).stream())
                    .filter(line -> line instanceof ItemLine(TemplateItem item) && !detailFields(item).isEmpty()).toList();
            if (!withDetails.isEmpty()) {
                // Descriptions, rollback triggers and instructions are what a team reads before it applies the template.
                Checkbox all = new Checkbox(content.kind() == app.cadence.template.domain.TemplateKind.CUTOVER
                        ? "Show every step's description and rollback" : "Show every item's details");
                all.addClassName("show-all-details");
                all.addValueChangeListener(e -> {
                    withDetails.forEach(line -> grid.setDetailsVisible(line, e.getValue()));
                    grid.getDataProvider().refreshAll();
                });
                versionContent.add(all);
            }
            versionContent.add(grid);
        }
    }

    /** A row of the content grid: a section (a group row) or one of its items. */
    sealed interface Line permits SectionLine, ItemLine {
    }

    /** Equal by key: the grid hashes its rows, and a section's record would hash all its items. */
    record SectionLine(UUID key, String label) implements Line {
        @Override
        public boolean equals(Object other) {
            return other instanceof SectionLine s && s.key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    record ItemLine(TemplateItem item) implements Line {
        @Override
        public boolean equals(Object other) {
            return other instanceof ItemLine i && i.item.key().equals(item.key());
        }

        @Override
        public int hashCode() {
            return item.key().hashCode();
        }
    }

    /** Up to this many rows the grid is as tall as its content; beyond, it scrolls and draws only what shows. */
    static final int ROWS_SHOWN_WHOLE = 60;

    /**
     * The whole version in one tree grid, sections as collapsible group rows. One grid, not one per
     * section: a template may hold {@value TemplateContent#MAX_ITEMS} items or
     * {@value TemplateContent#MAX_SECTIONS} sections, and a virtualised grid sends the browser only
     * the rows in view, where grids showing all their rows sent (and the browser laid out) every one.
     */
    private static TreeGrid<Line> contentGrid(TemplateContent content) {
        Map<UUID, String> titles = content.items().collect(Collectors.toMap(TemplateItem::key, TemplateItem::title));
        TreeData<Line> tree = new TreeData<>();
        for (TemplateSection section : content.sections()) {
            boolean roleSaysMore = section.role() != null && !section.role().label().equalsIgnoreCase(section.title());
            int count = section.items().size();
            SectionLine line = new SectionLine(section.key(), section.title() + (roleSaysMore ? " · " + section.role().label() : "")
                    + " · " + String.format(java.util.Locale.ENGLISH, "%,d", count) + (count == 1 ? " item" : " items"));
            tree.addItem(null, line);
            tree.addItems(line, section.items().stream().<Line>map(ItemLine::new).toList());
        }
        TreeGrid<Line> grid = new TreeGrid<>();
        grid.addClassName("template-content");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setWidthFull();
        grid.setPartNameGenerator(line -> line instanceof SectionLine ? "section-row" : null);
        switch (content.kind()) {
            case CUTOVER -> {
                grid.addHierarchyColumn(line -> label(line)).setHeader("Step").setFlexGrow(3);
                grid.addColumn(step(s -> RelativeTime.clock(s.offsetMinutes()))).setHeader("Planned").setAutoWidth(true).setFlexGrow(0);
                grid.addColumn(step(s -> s.type().label())).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
                grid.addColumn(step(s -> RelativeTime.formatDuration(s.durationMinutes()))).setHeader("Duration").setAutoWidth(true).setFlexGrow(0);
                grid.addColumn(step(s -> text(s.ownerRole()))).setHeader("Owner").setFlexGrow(1);
                grid.addColumn(step(s -> s.predecessors().stream().map(k -> titles.getOrDefault(k, "?")).collect(Collectors.joining("; "))))
                        .setHeader("After").setFlexGrow(2);
                grid.addColumn(step(s -> s.evidenceRequired() ? "Yes" : "")).setHeader("Evidence").setAutoWidth(true).setFlexGrow(0);
            }
            case RETROSPECTIVE -> {
                grid.addHierarchyColumn(line -> label(line)).setHeader("Title").setFlexGrow(1);
                grid.addColumn(line -> line instanceof ItemLine(RetroPrompt r) ? text(r.prompt()) : "").setHeader("Prompt").setFlexGrow(3);
            }
            case COMMUNICATION_PLAN -> {
                grid.addHierarchyColumn(line -> label(line)).setHeader("Communication").setFlexGrow(2);
                grid.addColumn(entry(CommunicationEntry::audience)).setHeader("Audience").setFlexGrow(2);
                grid.addColumn(entry(c -> c.cadence().label())).setHeader("Cadence").setAutoWidth(true).setFlexGrow(0);
                grid.addColumn(entry(c -> text(c.channel()))).setHeader("Channel").setAutoWidth(true).setFlexGrow(0);
                grid.addColumn(entry(c -> text(c.ownerRole()))).setHeader("Owner").setFlexGrow(1);
            }
        }
        grid.addComponentColumn(line -> line instanceof ItemLine(TemplateItem item) && !detailFields(item).isEmpty()
                        ? detailsToggle(grid, line, item) : new Span())
                .setHeader("Details").setAutoWidth(true).setFlexGrow(0).setKey("details");
        // What does not fit in a column (description, rollback trigger and instructions …) opens
        // under the item: with its button, or a click on the row.
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(
                line -> line instanceof ItemLine(TemplateItem item) ? itemDetails(item) : new Div()));
        grid.setDetailsVisibleOnClick(false);
        grid.addItemClickListener(e -> {
            if (e.getItem() instanceof ItemLine) {
                grid.setDetailsVisible(e.getItem(), !grid.isDetailsVisible(e.getItem()));
            }
        });
        grid.setDataProvider(new TreeDataProvider<>(tree));
        grid.expand(tree.getRootItems());
        int rows = tree.getRootItems().size() + content.itemCount();
        if (rows <= ROWS_SHOWN_WHOLE) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("70vh");
        }
        return grid;
    }

    private static String label(Line line) {
        return switch (line) {
            case SectionLine s -> s.label();
            case ItemLine i -> i.item().title();
        };
    }

    private static ValueProvider<Line, String> step(java.util.function.Function<CutoverStep, String> value) {
        return line -> line instanceof ItemLine(CutoverStep s) ? value.apply(s) : "";
    }

    private static ValueProvider<Line, String> entry(java.util.function.Function<CommunicationEntry, String> value) {
        return line -> line instanceof ItemLine(CommunicationEntry c) ? value.apply(c) : "";
    }

    private static Component detailsToggle(TreeGrid<Line> grid, Line line, TemplateItem item) {
        boolean open = grid.isDetailsVisible(line);
        Button toggle = new Button(open ? "Hide" : "Show", (open ? VaadinIcon.ANGLE_UP : VaadinIcon.ANGLE_DOWN).create());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        toggle.addClassName("details-toggle");
        toggle.setAriaLabel((open ? "Hide" : "Show") + " the details of “" + item.title() + "”");
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        toggle.addClickListener(e -> {
            grid.setDetailsVisible(line, !grid.isDetailsVisible(line));
            grid.getDataProvider().refreshItem(line);
        });
        return toggle;
    }

    /** The fields no column shows, with a value: what opens under an item. */
    static Map<String, String> detailFields(TemplateItem item) {
        java.util.Set<String> inColumns = switch (item) {
            case CutoverStep s -> java.util.Set.of("Title", "Type", "Planned start", "Duration", "Owner role", "Predecessors", "Evidence required");
            case RetroPrompt r -> java.util.Set.of("Title", "Prompt");
            case CommunicationEntry c -> java.util.Set.of("Title", "Audience", "Cadence", "Channel", "Owner role");
        };
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        item.fields().forEach((field, value) -> {
            if (!value.isBlank() && !inColumns.contains(field)) {
                shown.put(field, value);
            }
        });
        return shown;
    }

    private static Component itemDetails(TemplateItem item) {
        Div details = new Div();
        details.addClassName("item-details");
        detailFields(item).forEach((field, value) -> {
            Span label = new Span(field);
            label.addClassName("item-detail-label");
            Div text = new Div();
            text.setText(value); // as typed: new lines kept by the stylesheet, never read as HTML
            text.addClassName("item-detail-text");
            Div line = new Div(label, text);
            line.addClassName("item-detail");
            details.add(line);
        });
        return details;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
