package app.cadence.template.ui;

import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UnsavedChanges;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.RetroSettings;
import app.cadence.template.domain.ScheduleWarning;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.TemplateDetails;
import app.cadence.template.service.TemplateViews.VersionContent;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The designer: edits a template's draft — sections (add, rename, reorder, remove) and items
 * (add, edit, reorder, move between sections, remove). Changes stay on screen until saved; the
 * page warns before leaving with unsaved changes.
 */
@Route("templates/design")
@RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
public class TemplateDesignerView extends VerticalLayout implements HasUrlParameter<Long>, BeforeLeaveObserver, HasDynamicTitle {

    /** A section being edited: its items are replaced, never mutated. */
    private static final class SectionDraft {
        final UUID key;
        String title;
        @Nullable SectionRole role;
        final List<TemplateItem> items;

        SectionDraft(UUID key, String title, @Nullable SectionRole role, List<TemplateItem> items) {
            this.key = key;
            this.title = title;
            this.role = role;
            this.items = new ArrayList<>(items);
        }
    }

    private final TemplateLibrary library;
    private final H2 heading = new H2();
    private final Paragraph status = new Paragraph();
    private final Div retroSettings = new Div();
    private final com.vaadin.flow.component.checkbox.Checkbox followsCalendar = new com.vaadin.flow.component.checkbox.Checkbox(
            "Follow the working calendar: steps a day or more from T0 move off weekends and holidays");
    private final VerticalLayout sectionsLayout = new VerticalLayout();
    private final Details timeline = new Details("Planned timeline");
    private final ScheduleWarningsList scheduleWarnings = new ScheduleWarningsList();
    /** The warnings of what is on screen, by the step that starts too early: rows to mark. */
    private Map<UUID, List<String>> warningsByStep = Map.of();
    private final Button save = new Button("Save draft");
    private final List<SectionDraft> sections = new ArrayList<>();
    private TemplateDetails details;
    private TemplateKind kind = TemplateKind.CUTOVER;
    private long draftVersion;
    private final TextField retroFormat = new TextField("Format");
    private final IntegerField votingBudget = new IntegerField("Votes per person");
    private final Checkbox anonymous = new Checkbox("Cards anonymous by default");
    private boolean dirty;

    TemplateDesignerView(TemplateLibrary library) {
        this.library = library;
        addClassName("template-designer");
        addDetachListener(e -> e.getUI().getPage().executeJs("window.onbeforeunload = null;"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL).listenOn(this);
        Button addSection = new Button("Add section", VaadinIcon.PLUS.create(), e -> addSection());
        Button back = new Button("Back to template", VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(TemplateView.class, String.valueOf(details.id()))));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout toolbar = new HorizontalLayout(save, addSection, back);
        toolbar.setWrap(true);
        status.addClassName("last-change");
        votingBudget.setMin(0);
        votingBudget.setMax(50);
        votingBudget.setStepButtonsVisible(true);
        retroFormat.setMaxLength(TemplateContent.RETRO_FORMAT_MAX);
        retroFormat.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                markDirty();
            }
        });
        votingBudget.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                markDirty();
            }
        });
        followsCalendar.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                markDirty();
            }
        });
        anonymous.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                markDirty();
            }
        });
        retroSettings.add(new HorizontalLayout(retroFormat, votingBudget, anonymous));
        sectionsLayout.setPadding(false);
        followsCalendar.addClassName("follows-calendar");
        followsCalendar.setTooltipText("Off by default: cutovers run at weekends on purpose. The apply preview says which dates moved.");
        add(heading, status, toolbar, retroSettings, followsCalendar, scheduleWarnings, timeline, sectionsLayout);
    }

    @Override
    public void setParameter(BeforeEvent event, Long templateId) {
        Optional<VersionContent> draft;
        try {
            details = library.details(templateId);
            draft = library.draft(templateId);
        } catch (RecordNotFoundException e) {
            throw new NotFoundException();
        }
        if (draft.isEmpty()) {
            // Nothing to design: back to the template, where a new draft can be started.
            event.forwardTo(TemplateView.class, String.valueOf(templateId));
            return;
        }
        load(draft.get());
    }

    @Override
    public String getPageTitle() {
        return "Design " + (details == null ? "template" : details.name()) + " · Cadence";
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (dirty) {
            UnsavedChanges.confirmLeaving(event, "this draft");
        }
    }

    private void load(VersionContent draft) {
        TemplateContent content = draft.content();
        kind = content.kind();
        draftVersion = draft.summary().version();
        heading.setText("Designing “" + details.name() + "” · draft");
        status.setText("Last saved by " + draft.summary().updatedBy() + " on " + TemplatesView.WHEN.format(draft.summary().updatedAt()) + ".");
        sections.clear();
        content.sections().forEach(s -> sections.add(new SectionDraft(s.key(), s.title(), s.role(), s.items())));
        retroSettings.setVisible(kind == TemplateKind.RETROSPECTIVE);
        followsCalendar.setVisible(kind == TemplateKind.CUTOVER);
        RetroSettings retro = content.retro() == null ? new RetroSettings("Retrospective", 3, true) : content.retro();
        retroFormat.setValue(retro.format());
        votingBudget.setValue(retro.votingBudget());
        anonymous.setValue(retro.anonymousByDefault());
        followsCalendar.setValue(content.followsWorkingCalendar());
        timeline.setVisible(kind == TemplateKind.CUTOVER);
        timeline.setWidthFull();
        dirty = false;
        warnOnUnload(false);
        render();
    }

    private TemplateContent content() {
        RetroSettings retro = kind == TemplateKind.RETROSPECTIVE
                ? new RetroSettings(retroFormat.getValue().isBlank() ? "Retrospective" : retroFormat.getValue().strip(),
                votingBudget.getValue() == null ? 0 : votingBudget.getValue(), anonymous.getValue())
                : null;
        return new TemplateContent(kind, sections.stream()
                .map(s -> new TemplateSection(s.key, s.title, s.role, s.items)).toList(), retro,
                kind == TemplateKind.CUTOVER && followsCalendar.getValue());
    }

    private void save() {
        try {
            library.saveDraft(details.id(), draftVersion, content());
            UserMessages.showSuccess("Draft saved.");
            load(library.draft(details.id()).orElseThrow());
        } catch (RuleViolationException | ConcurrentChangeException e) {
            // Nothing is lost: the designer keeps every change on screen.
            UserMessages.showError(e);
        }
    }

    private void markDirty() {
        dirty = true;
        save.setText("Save draft *");
        warnOnUnload(true);
    }

    /** A browser reload or tab close also asks first while there are unsaved changes. */
    private void warnOnUnload(boolean warn) {
        getElement().executeJs("window.onbeforeunload = $0 ? function (e) { e.preventDefault(); e.returnValue = ''; } : null;", warn);
    }

    private void render() {
        save.setText(dirty ? "Save draft *" : "Save draft");
        checkSchedule();
        sectionsLayout.removeAll();
        if (sections.isEmpty()) {
            sectionsLayout.add(new Paragraph("This draft has no sections yet. Add a section, then add items to it."));
        }
        Map<UUID, String> titles = sections.stream().flatMap(s -> s.items.stream())
                .collect(Collectors.toMap(TemplateItem::key, TemplateItem::title, (a, b) -> a));
        for (int i = 0; i < sections.size(); i++) {
            sectionsLayout.add(sectionCard(sections.get(i), i, titles));
        }
        if (kind == TemplateKind.CUTOVER) {
            renderTimeline();
        }
    }

    /** Checked on every edit, before the grids are drawn, so that they can mark the rows concerned. */
    private void checkSchedule() {
        List<ScheduleWarning> warnings = content().scheduleWarnings();
        warningsByStep = warnings.stream().collect(Collectors.groupingBy(ScheduleWarning::stepKey,
                Collectors.mapping(ScheduleWarning::message, Collectors.toList())));
        scheduleWarnings.show(warnings, "These steps are planned to start before a step they wait for finishes. Change an offset or a "
                + "duration, or keep the overlap if it is intended: the draft saves either way, and publishing asks you to confirm.");
    }

    /** Marks a step that starts before a predecessor finishes, with the warning as its tooltip. */
    private @Nullable String warningPart(UUID stepKey) {
        return warningsByStep.containsKey(stepKey) ? "schedule-warning" : null;
    }

    private @Nullable String warningTooltip(UUID stepKey) {
        List<String> messages = warningsByStep.get(stepKey);
        return messages == null ? null : String.join(" ", messages);
    }

    private Component sectionCard(SectionDraft section, int index, Map<UUID, String> titles) {
        TextField title = new TextField();
        title.setAriaLabel("Section title");
        title.setPlaceholder("Section title");
        title.setWidth("min(100%, 22rem)");
        title.setValue(section.title);
        title.setMaxLength(TemplateContent.TITLE_MAX);
        title.setRequired(true);
        title.addValueChangeListener(e -> {
            if (e.getValue().isBlank()) {
                title.setErrorMessage("A section needs a title.");
                title.setInvalid(true);
                return;
            }
            section.title = e.getValue().strip();
            markDirty();
        });
        HorizontalLayout header = new HorizontalLayout(title);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        header.addClassName("section-header");
        if (kind == TemplateKind.CUTOVER) {
            Select<SectionRole> role = new Select<>();
            role.setAriaLabel("Section role");
            role.setPlaceholder("Phase");
            role.setItems(SectionRole.values());
            role.setItemLabelGenerator(SectionRole::label);
            role.setValue(section.role);
            role.addValueChangeListener(e -> {
                section.role = e.getValue();
                // Drawn again: moving a section into or out of rollback changes which steps are checked.
                changed();
            });
            header.add(role);
        }
        header.add(iconButton(VaadinIcon.ARROW_UP, "Move section up", index > 0, () -> swap(sections, index, index - 1)),
                iconButton(VaadinIcon.ARROW_DOWN, "Move section down", index < sections.size() - 1, () -> swap(sections, index, index + 1)),
                new Button("Add item", VaadinIcon.PLUS.create(), e -> editItem(section, null)),
                removeSectionButton(section));
        Grid<TemplateItem> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        fitOrScroll(grid, section.items.size());
        itemColumns(grid, titles);
        grid.addComponentColumn(item -> itemActions(section, item)).setKey("actions").setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(section.items);
        grid.setEmptyStateText("No items in this section yet.");
        VerticalLayout card = new VerticalLayout(header, grid);
        card.addClassName("designer-section");
        return card;
    }

    private void itemColumns(Grid<TemplateItem> grid, Map<UUID, String> titles) {
        switch (kind) {
            case CUTOVER -> {
                grid.addColumn(i -> RelativeTime.clock(((CutoverStep) i).offsetMinutes())).setHeader("Planned").setAutoWidth(true).setFlexGrow(0);
                grid.addColumn(TemplateItem::title).setHeader("Step").setFlexGrow(3).setTooltipGenerator(i -> warningTooltip(i.key()));
                grid.setPartNameGenerator(i -> warningPart(i.key()));
                grid.addColumn(i -> ((CutoverStep) i).type().label()).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
                grid.addColumn(i -> RelativeTime.formatDuration(((CutoverStep) i).durationMinutes())).setHeader("Duration").setAutoWidth(true).setFlexGrow(0);
                grid.addColumn(i -> ((CutoverStep) i).ownerRole() == null ? "" : ((CutoverStep) i).ownerRole()).setHeader("Owner").setFlexGrow(1);
                grid.addColumn(i -> ((CutoverStep) i).predecessors().stream().map(k -> titles.getOrDefault(k, "?")).collect(Collectors.joining("; ")))
                        .setHeader("After").setFlexGrow(2);
            }
            case RETROSPECTIVE -> {
                grid.addColumn(TemplateItem::title).setHeader("Title").setFlexGrow(1);
                grid.addColumn(i -> ((RetroPrompt) i).rating() ? "Rating 1–5" : "Column").setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
                grid.addColumn(i -> String.valueOf(((RetroPrompt) i).prompt() == null ? "" : ((RetroPrompt) i).prompt())).setHeader("Prompt").setFlexGrow(3);
            }
            case COMMUNICATION_PLAN -> {
                grid.addColumn(TemplateItem::title).setHeader("Communication").setFlexGrow(2);
                grid.addColumn(i -> ((CommunicationEntry) i).audience()).setHeader("Audience").setFlexGrow(2);
                grid.addColumn(i -> ((CommunicationEntry) i).cadence().label()).setHeader("Cadence").setAutoWidth(true).setFlexGrow(0);
                grid.addColumn(i -> ((CommunicationEntry) i).anchor().label() + " " + signed(((CommunicationEntry) i).offsetDays()) + "d")
                        .setHeader("When").setAutoWidth(true).setFlexGrow(0);
            }
        }
    }

    private Component itemActions(SectionDraft section, TemplateItem item) {
        int index = section.items.indexOf(item);
        Select<SectionDraft> moveTo = new Select<>();
        moveTo.setAriaLabel("Move “" + item.title() + "” to section");
        moveTo.setPlaceholder("Move to…");
        moveTo.setItems(sections.stream().filter(s -> s != section).toList());
        moveTo.setItemLabelGenerator(s -> s.title);
        moveTo.setVisible(sections.size() > 1);
        moveTo.setWidth("9rem");
        moveTo.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                section.items.remove(item);
                e.getValue().items.add(item);
                changed();
            }
        });
        HorizontalLayout actions = new HorizontalLayout(
                iconButton(VaadinIcon.EDIT, "Edit “" + item.title() + "”", true, () -> editItem(section, item)),
                iconButton(VaadinIcon.ARROW_UP, "Move “" + item.title() + "” up", index > 0, () -> swap(section.items, index, index - 1)),
                iconButton(VaadinIcon.ARROW_DOWN, "Move “" + item.title() + "” down", index < section.items.size() - 1,
                        () -> swap(section.items, index, index + 1)),
                moveTo,
                iconButton(VaadinIcon.TRASH, "Remove “" + item.title() + "”", true, () -> removeItem(item)));
        actions.setSpacing(false);
        return actions;
    }

    private void editItem(SectionDraft section, @Nullable TemplateItem existing) {
        List<TemplateItem> all = sections.stream().flatMap(s -> s.items.stream()).toList();
        UUID self = existing == null ? UUID.randomUUID() : existing.key();
        new ItemEditor(kind, section.role, existing, ItemEditor.steps(all, self), candidate -> content().cycleIfPut(section.key, candidate),
                item -> show(content().withItem(section.key, item))).open();
    }

    private void removeItem(TemplateItem item) {
        show(content().withoutItem(item.key()));
    }

    /** Takes the content an edit of the domain returned as the draft on screen. */
    private void show(TemplateContent edited) {
        sections.clear();
        edited.sections().forEach(s -> sections.add(new SectionDraft(s.key(), s.title(), s.role(), s.items())));
        changed();
    }

    private Button removeSectionButton(SectionDraft section) {
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            if (section.items.isEmpty()) {
                sections.remove(section);
                changed();
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog("Remove section “" + section.title + "”?",
                    "Its " + section.items.size() + " items are removed from the draft too. Nothing is saved until you save the draft.",
                    "Remove section", c -> show(content().withoutSection(section.key)));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel("Remove section “" + section.title + "”");
        remove.setTooltipText("Remove section");
        return remove;
    }

    private void addSection() {
        sections.add(new SectionDraft(UUID.randomUUID(), "New section " + (sections.size() + 1),
                kind == TemplateKind.CUTOVER ? SectionRole.EXECUTION : null, List.of()));
        changed();
    }

    private void renderTimeline() {
        record Row(UUID key, String start, String end, String title, String section) {
        }
        List<Row> rows = sections.stream().flatMap(s -> s.items.stream().map(i -> (CutoverStep) i)
                        .map(step -> new Object[] {step, s.title}))
                .sorted(Comparator.comparingInt(o -> ((CutoverStep) o[0]).offsetMinutes()))
                .map(o -> {
                    CutoverStep step = (CutoverStep) o[0];
                    return new Row(step.key(), RelativeTime.clock(step.offsetMinutes()), RelativeTime.clock(step.offsetMinutes() + step.durationMinutes()),
                            step.title(), (String) o[1]);
                })
                .toList();
        Grid<Row> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setWidthFull();
        fitOrScroll(grid, rows.size());
        grid.addColumn(Row::start).setHeader("Starts").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Row::end).setHeader("Ends").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Row::title).setHeader("Step").setFlexGrow(3).setTooltipGenerator(r -> warningTooltip(r.key()));
        grid.addColumn(Row::section).setHeader("Section").setFlexGrow(1);
        grid.setPartNameGenerator(r -> warningPart(r.key()));
        grid.setItems(rows);
        timeline.removeAll();
        timeline.add(grid);
    }

    /**
     * A short list shows whole, in the flow of the page. A long one scrolls inside a grid of fixed
     * height, which sends the browser only the rows in view (and builds the row buttons only for
     * them): a grid showing all its rows asks for all of them at once, which Vaadin refuses beyond
     * a few hundred rows, and draws slowly well before that.
     */
    private static void fitOrScroll(Grid<?> grid, int rows) {
        if (rows <= TemplateView.ROWS_SHOWN_WHOLE) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("32rem");
        }
    }

    private void changed() {
        markDirty();
        render();
    }

    private <T> void swap(List<T> list, int a, int b) {
        T first = list.get(a);
        list.set(a, list.get(b));
        list.set(b, first);
        changed();
    }

    private static Button iconButton(VaadinIcon icon, String label, boolean enabled, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.setEnabled(enabled);
        return button;
    }

    private static String signed(int days) {
        return days >= 0 ? "+" + days : String.valueOf(days);
    }
}
