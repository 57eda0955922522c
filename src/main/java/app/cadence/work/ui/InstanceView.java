package app.cadence.work.ui;

import app.cadence.project.ui.ProjectView;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MembershipDirectory;

import app.cadence.live.LiveMessage;
import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.ui.UnsavedChanges;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.TemplateKind;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.events.ItemChanged;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceExports;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceUpgrades;
import app.cadence.work.service.InstanceViews.InstanceDetails;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemWork;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An instance: its items grouped by section, with progress, filters, bulk changes for editors,
 * and an item panel to work one item. Reached from the project page and from My work
 * ({@code ?item=ID} opens that item).
 */
@Route("instances")
@RolesAllowed(RoleSets.MEMBERS)
public class InstanceView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle, BeforeLeaveObserver {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.UK);
    private static final DateTimeFormatter ANCHOR = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.UK);

    /**
     * At most this many items changed by others are read and refreshed one by one; more (a bulk
     * change of a large runbook) reload the whole instance in one read.
     */
    public static final int MAX_FOLLOWED_ITEMS = 50;

    /**
     * A row of the tree: a section heading or an item. A row is the same object while the page
     * shows the instance (equal by section key or item id), so a change refreshes that row alone.
     */
    sealed interface Row permits SectionRow, ItemRow {
    }

    static final class SectionRow implements Row {
        private final UUID key;
        private final String title;
        private long done;
        private long counted;

        SectionRow(UUID key, String title, long done, long counted) {
            this.key = key;
            this.title = title;
            this.done = done;
            this.counted = counted;
        }

        String title() {
            return title;
        }

        long done() {
            return done;
        }

        long counted() {
            return counted;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SectionRow s && s.key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    static final class ItemRow implements Row {
        private ItemView item;

        ItemRow(ItemView item) {
            this.item = item;
        }

        ItemView item() {
            return item;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ItemRow r && r.item.id().equals(item.id());
        }

        @Override
        public int hashCode() {
            return item.id().hashCode();
        }
    }

    enum Show {
        ALL("All items"), OPEN("Open"), OVERDUE("Overdue"), BLOCKED("Blocked");

        private final String label;

        Show(String label) {
            this.label = label;
        }
    }

    private final InstanceApplication applying;
    private final InstanceReading reading;

    /** For the assignee pickers, which fetch members as the person types. */
    private final MembershipDirectory members;
    private final ItemWork itemWork;
    private final Clock clock;
    private final LiveScreens.Following following;

    private final RouterLink projectLink = new RouterLink();
    private final H2 heading = new H2();
    private final Paragraph subtitle = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Checkbox mine = new Checkbox("Only mine");
    private final Select<Show> show = new Select<>();
    private final TreeGrid<Row> grid = new TreeGrid<>();
    /** Where the bulk bar goes once the first item is selected. */
    private final Div bulkHolder = new Div();
    private @Nullable BulkBar bulkBar;
    private final Button delete = new Button("Remove", VaadinIcon.TRASH.create());
    /** Made when the first item is opened: a page on which nobody opens an item keeps none of its fields. */
    private @Nullable ItemPanel panel;
    private @Nullable HorizontalLayout body;
    private @Nullable InstanceDetails details;
    private final Map<Long, ItemView> itemsById = new LinkedHashMap<>();
    /** The rows the grid shows now, by item id and by section key: what a change refreshes in place. */
    private final Map<Long, ItemRow> rowsById = new HashMap<>();
    private final Map<UUID, SectionRow> sectionRows = new HashMap<>();
    private boolean leavingConfirmed;
    private final List<InstancePageSection> sections;
    /** What other modules show of this instance (a cutover's runs), replaced when another instance is shown. */
    private final Div sectionsHolder = new Div();
    private final InstanceExports exports;
    /** The instance's XLSX, PDF and print view, replaced when another instance is shown. */
    private final Div downloadsHolder = new Div();

    private final InstanceUpgradePanel upgradePanel;

    InstanceView(InstanceApplication applying, InstanceReading reading, ItemWork itemWork, Clock clock, LiveScreens live,
                 List<InstancePageSection> sections, InstanceExports exports, InstanceUpgrades upgrades, MembershipDirectory members) {
        this.exports = exports;
        this.members = members;
        this.applying = applying;
        this.sections = sections;
        this.reading = reading;
        this.itemWork = itemWork;
        this.clock = clock;
        this.following = live.follow(this, () -> details == null ? List.of() : List.of(Topic.instance(details.id())), this::followChanges);
        addClassName("instance-view");
        setSizeFull();

        progress.setWidth("16rem");
        progressText.addClassName("progress-text");
        HorizontalLayout progressRow = new HorizontalLayout(progress, progressText);
        progressRow.setAlignItems(FlexComponent.Alignment.CENTER);

        mine.addValueChangeListener(e -> refreshRows());
        show.setItems(Show.values());
        show.setItemLabelGenerator(s -> s.label);
        show.setValue(Show.ALL);
        show.setAriaLabel("Show");
        show.addValueChangeListener(e -> refreshRows());
        HorizontalLayout filters = new HorizontalLayout(show, mine);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        configureGrid();

        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> confirmDelete());
        subtitle.addClassName("instance-subtitle");
        HorizontalLayout title = new HorizontalLayout(heading, delete);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        sectionsHolder.addClassName("instance-sections");
        sectionsHolder.setWidthFull();
        upgradePanel = new InstanceUpgradePanel(upgrades, this::reload);
        add(projectLink, title, subtitle, downloadsHolder, upgradePanel, progressRow, sectionsHolder, filters, bulkHolder);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            load(id);
        } catch (RecordNotFoundException e) {
            throw new NotFoundException();
        }
        Optional.ofNullable(event.getLocation().getQueryParameters().getParameters().get("item"))
                .flatMap(values -> values.stream().findFirst())
                .flatMap(InstanceView::parseLong)
                .map(itemsById::get)
                .ifPresent(this::openItem);
    }

    /** Where My work links to: the instance with the item open. */
    public static QueryParameters itemParameters(Long itemId) {
        return QueryParameters.of("item", String.valueOf(itemId));
    }

    /**
     * Where one item of an instance opens (this view's {@code @Route} with the item), for links in
     * Lit templates: the same address a RouterLink would compute, without resolving the route for
     * every row.
     */
    public static String itemLocation(Long instanceId, Long itemId) {
        return "instances/" + instanceId + "?" + itemParameters(itemId).getQueryString();
    }

    @Override
    public String getPageTitle() {
        return (details == null ? "Instance" : details.name() + " · " + details.projectKey()) + " · Cadence";
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (panel != null && panel.hasChanges() && !leavingConfirmed) {
            UnsavedChanges.confirmLeaving(event, "this item");
        }
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return Optional.of(Long.valueOf(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void load(Long id) {
        InstanceDetails loaded = reading.details(id);
        if (details == null) {
            configureSelection(loaded.canManage());
        }
        boolean otherInstance = details != null && !details.id().equals(loaded.id());
        boolean firstLoad = details == null;
        this.details = loaded;
        if (otherInstance) {
            following.refollow();
        }
        if (firstLoad || otherInstance) {
            sectionsHolder.removeAll();
            downloadsHolder.removeAll();
            downloadsHolder.add(new InstanceDownloads(loaded.id(), exports));
            sections.forEach(section -> section.create(loaded.id(), loaded.kind(), loaded.canManage()).ifPresent(sectionsHolder::add));
        }
        itemsById.clear();
        loaded.items().forEach(i -> itemsById.put(i.id(), i));
        projectLink.setText("← " + loaded.projectKey() + " · " + loaded.projectName());
        projectLink.setRoute(ProjectView.class, String.valueOf(loaded.projectId()));
        heading.setText(loaded.name());
        subtitle.setText(loaded.kind().label() + " · " + loaded.templateName() + " version " + loaded.versionNumber() + " · " + anchorText(loaded));
        grid.getColumnByKey("due").setVisible(loaded.kind() != TemplateKind.RETROSPECTIVE); // its prompts are not due
        delete.setVisible(loaded.canManage());
        upgradePanel.show(loaded.id());
        if (body == null) {
            HorizontalLayout layout = new HorizontalLayout(grid);
            layout.setWidthFull();
            layout.setFlexGrow(1, grid);
            layout.addClassName("instance-body");
            add(layout);
            body = layout;
        } else if (panel != null && panel.item() != null && !itemsById.containsKey(panel.item().id())) {
            panel.setVisible(false); // another instance is shown now
        }
        refreshRows();
    }

    private String anchorText(InstanceDetails d) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        return switch (d.kind()) {
            case CUTOVER -> d.anchorAt() == null ? "" : "T0 " + ANCHOR.format(d.anchorAt().atZone(d.zone()));
            case RETROSPECTIVE -> d.anchorAt() == null ? "" : "Session " + ANCHOR.format(d.anchorAt().atZone(d.zone()));
            case COMMUNICATION_PLAN -> "From " + (d.planStart() == null ? "?" : day.format(d.planStart())) + " to "
                    + (d.planEnd() == null ? "?" : day.format(d.planEnd()))
                    + (d.goLive() == null ? "" : ", go-live " + day.format(d.goLive()));
        };
    }

    private void configureGrid() {
        // The hierarchy column as TreeGrid's own addHierarchyColumn makes it (a Lit template in the
        // tree toggle), with the title's button and tags in it. Each tag's text is a property, empty
        // (and the tag hidden) when the item has none.
        grid.addColumn(LitRenderer.<Row>of("""
                        <vaadin-grid-tree-toggle @click=${onClick} .leaf=${!model.hasChildren} .expanded=${live(model.expanded)} \
                        .level=${model.level}><span class="${item.sectionClass}" ?hidden=${!item.section}>${item.section}</span>\
                        <div ?hidden=${!item.title}><vaadin-button class="${item.titleClass}" theme="tertiary-inline" @click=${open}>${item.title}</vaadin-button>\
                        <span class="tag tag-outside-template" ?hidden=${!item.outside} \
                        title="A newer version of the template dropped this item; it stays because the team worked on it.">${item.outside}</span>\
                        <span class="tag tag-critical" ?hidden=${!item.critical}>${item.critical}</span>\
                        <span class="tag" ?hidden=${!item.role}>${item.role}</span>\
                        <span class="tag tag-completed" ?hidden=${!item.completed}>${item.completed}</span>\
                        <span class="tag tag-critical" ?hidden=${!item.blocked}>${item.blocked}</span></div></vaadin-grid-tree-toggle>""")
                        .withProperty("section", row -> row instanceof SectionRow s ? s.title() + " · " + s.done() + " of " + s.counted() + " done" : "")
                        .withProperty("sectionClass", row -> row instanceof SectionRow ? "section-title" : "")
                        .withProperty("title", row -> row instanceof ItemRow r ? r.item().title() : "")
                        .withProperty("titleClass", row -> row instanceof ItemRow ? "item-title" : "")
                        .withProperty("outside", row -> row instanceof ItemRow r && r.item().outsideTemplate() ? "No longer in the template" : "")
                        .withProperty("critical", row -> row instanceof ItemRow r && r.item().criticalPath() ? "Critical path" : "")
                        .withProperty("role", row -> row instanceof ItemRow r && r.item().ownerRole() != null ? r.item().ownerRole() : "")
                        .withProperty("completed", row -> row instanceof ItemRow r && r.item().completedAt() != null && details != null
                                ? "Done by " + r.item().completedBy() + ", " + DUE.format(r.item().completedAt().atZone(details.zone())) : "")
                        .withProperty("blocked", row -> row instanceof ItemRow r && r.item().status() == ItemStatus.BLOCKED && r.item().blockedReason() != null
                                ? "Blocked: " + r.item().blockedReason() : "")
                        // The toggle: a section opens and closes; an item has nothing below it.
                        .withFunction("onClick", row -> {
                            if (row instanceof SectionRow) {
                                if (grid.isExpanded(row)) {
                                    grid.collapse(row);
                                } else {
                                    grid.expand(row);
                                }
                            }
                        })
                        .withFunction("open", row -> {
                            if (row instanceof ItemRow r) {
                                openItem(r.item());
                            }
                        }))
                .setHeader("Item").setWidth("16rem").setFlexGrow(3).setKey("title");
        // Status, due and the quick action are Lit templates rendered in the browser, not components
        // per row: each component is a state node with its element, features and listeners held in
        // the session for every row sent (a 100-step runbook sent 50 rows × 6 of them, about 250 KB
        // per open page; see docs/performance.md, "What a session costs").
        grid.addColumn(LitRenderer.<Row>of("<span class=\"item-status ${item.statusClass}\" title=\"${item.statusTitle}\">${item.status}</span>")
                        .withProperty("status", row -> row instanceof ItemRow r ? r.item().status().label() : "")
                        .withProperty("statusClass", row -> row instanceof ItemRow r
                                ? "item-status-" + r.item().status().name().toLowerCase(Locale.ROOT).replace('_', '-') : "item-status-none")
                        .withProperty("statusTitle", row -> row instanceof ItemRow r && r.item().status() == ItemStatus.BLOCKED
                                && r.item().blockedReason() != null ? r.item().blockedReason() : ""))
                .setHeader("Status").setAutoWidth(true).setFlexGrow(0).setKey("status");
        grid.addColumn(row -> row instanceof ItemRow r && r.item().assigneeName() != null ? r.item().assigneeName() : "")
                .setHeader("Assignee").setAutoWidth(true).setFlexGrow(0).setKey("assignee");
        grid.addColumn(LitRenderer.<Row>of("<span class=\"${item.dueClass}\" title=\"${item.dueTitle}\">${item.due}</span>")
                        .withProperty("due", this::dueText)
                        .withProperty("dueClass", row -> overdue(row) ? "overdue" : "")
                        .withProperty("dueTitle", row -> overdue(row) ? "Overdue" : ""))
                .setHeader("Due").setAutoWidth(true).setFlexGrow(0).setKey("due");
        // One click for the commonest change. An icon keeps the row narrow beside the item panel; the
        // tooltip and label say what it does. Rows without the action get a hidden button without
        // the mark-done class.
        grid.addColumn(LitRenderer.<Row>of("""
                        <vaadin-button class="${item.markClass}" theme="small success icon" ?hidden=${!item.markLabel} \
                        aria-label="${item.markLabel}" @click=${markDone}><vaadin-icon icon="vaadin:check"></vaadin-icon>\
                        <vaadin-tooltip slot="tooltip" text="Mark done"></vaadin-tooltip></vaadin-button>""")
                        .withProperty("markLabel", row -> canMarkDone(row) ? "Mark “" + ((ItemRow) row).item().title() + "” done" : "")
                        .withProperty("markClass", row -> canMarkDone(row) ? "mark-done" : "")
                        // The browser may send this for any row it was sent: checked again here.
                        .withFunction("markDone", row -> {
                            if (canMarkDone(row)) {
                                markDone(((ItemRow) row).item());
                            }
                        }))
                .setHeader("").setAutoWidth(true).setFlexGrow(0).setKey("action");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPartNameGenerator(row -> row instanceof SectionRow ? "section-row" : null);
        grid.setHeight("36rem");
        // As on the portfolio: the browser asks for the pages covering the first 61–75 rows, which
        // the session then keeps; pages of 25 make that 75 rows, the default 50 made it 100.
        grid.setPageSize(25);
        grid.setEmptyStateText("No items match these filters.");
    }

    /** Once, on the first load: a new selection model drops the listeners of the old one. */
    private void configureSelection(boolean canManage) {
        if (!canManage) {
            grid.setSelectionMode(Grid.SelectionMode.NONE);
            return;
        }
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> {
            long count = e.getAllSelectedItems().stream().filter(r -> r instanceof ItemRow).count();
            BulkBar bar = bulkBar;
            if (bar == null && count > 0) {
                bar = new BulkBar(members, new BulkBar.Actions() {
                    @Override
                    public void setStatus(ItemStatus status, @Nullable String reason) {
                        bulkStatus(status, reason);
                    }

                    @Override
                    public void assign(@Nullable MemberSummary person) {
                        bulkAssign(person);
                    }
                });
                bulkHolder.add(bar);
                bulkBar = bar;
            }
            if (bar != null) {
                bar.selected(count);
            }
        });
    }

    private String dueText(Row row) {
        if (!(row instanceof ItemRow r) || r.item().dueAt() == null || details == null) {
            return "";
        }
        String due = DUE.format(r.item().dueAt().atZone(details.zone()));
        return overdue(row) ? due + " · overdue" : due;
    }

    private boolean overdue(Row row) {
        return row instanceof ItemRow r && r.item().dueAt() != null && details != null && r.item().overdue(clock.instant());
    }

    /** The quick action's rule: an outstanding item whose status this person may change. */
    private static boolean canMarkDone(Row row) {
        return row instanceof ItemRow r && r.item().canEdit(ItemField.STATUS) && r.item().status().isOutstanding();
    }

    private void markDone(ItemView item) {
        if (ItemStatus.DONE.lacksEvidence(item.status(), item.evidenceRequired(), item.evidenceUrl())) {
            openItem(item);
            UserMessages.showError(new app.cadence.shared.domain.RuleViolationException("evidenceUrl",
                    "“" + item.title() + "” needs evidence: add a link to it, set the status to Done and save."));
            return;
        }
        try {
            saved(itemWork.update(ItemUpdate.from(item).withStatus(ItemStatus.DONE, null)));
            UserMessages.showSuccess("“" + item.title() + "” marked done.");
        } catch (RuntimeException e) {
            UserMessages.showError(e);
            reload();
        }
    }

    private List<ItemRef> selectedRefs() {
        return grid.getSelectedItems().stream().filter(r -> r instanceof ItemRow).map(r -> ((ItemRow) r).item())
                .map(i -> new ItemRef(i.id(), i.version())).toList();
    }

    private void bulkStatus(ItemStatus status, @Nullable String reason) {
        try {
            int n = itemWork.bulkStatus(Objects.requireNonNull(details).id(), selectedRefs(), status, reason);
            UserMessages.showSuccess(n + " items set to " + status.label() + ".");
            Objects.requireNonNull(bulkBar).statusApplied();
            reload();
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }

    private void bulkAssign(@Nullable MemberSummary person) {
        try {
            int n = itemWork.bulkAssign(Objects.requireNonNull(details).id(), selectedRefs(), person == null ? null : person.userId());
            UserMessages.showSuccess(n + " items " + (person == null ? "unassigned." : "assigned to " + person.displayName() + "."));
            Objects.requireNonNull(bulkBar).assigned();
            reload();
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }

    /** After a bulk change: fresh rows; the open item follows unless the user has typed into it. */
    private void reload() {
        ItemPanel open = panel;
        Long openItem = open != null && open.isVisible() && open.item() != null && !open.hasChanges() ? open.item().id() : null;
        grid.deselectAll();
        load(Objects.requireNonNull(details).id());
        if (openItem != null && itemsById.containsKey(openItem)) {
            show(itemsById.get(openItem));
        }
    }

    /**
     * Others changed this instance: rows, section counts and progress follow. The open item
     * follows too, unless the user has typed into it: then their input stays and the panel says
     * who changed the item. Selected rows stay selected unless they changed.
     *
     * <p>When the messages name items (up to {@link #MAX_FOLLOWED_ITEMS}), only those are read
     * again (a read the pages following the same change share) and only their rows and sections
     * are refreshed; the progress is counted from the rows in memory. Anything else reloads the
     * instance.
     */
    private void followChanges(List<LiveMessage> changes) {
        InstanceDetails shown = details;
        if (shown == null) {
            return;
        }
        ItemPanel open = panel;
        Long openItem = open != null && open.isVisible() && open.item() != null ? open.item().id() : null;
        boolean typing = open != null && open.hasChanges();
        Map<Long, String> changedBy = new LinkedHashMap<>();
        changes.stream().filter(m -> ItemChanged.SUBJECT.equals(m.subject())).forEach(m -> changedBy.put(m.subjectId(), m.changedByName()));
        grid.getSelectedItems().stream().filter(r -> r instanceof ItemRow ir && changedBy.containsKey(ir.item().id())).toList()
                .forEach(grid::deselect);
        try {
            if (!followItems(shown, changes)) {
                List<Long> keepSelected = grid.getSelectedItems().stream().filter(r -> r instanceof ItemRow).map(r -> ((ItemRow) r).item().id()).toList();
                load(shown.id());
                keepSelected.stream().map(rowsById::get).filter(Objects::nonNull).forEach(grid::select);
            }
        } catch (RecordNotFoundException e) {
            String who = changes.getLast().changedByName();
            UserMessages.showError(new app.cadence.shared.domain.RuleViolationException(null,
                    who + " removed “" + shown.name() + "” from " + shown.projectKey() + ". Go back to the project to see what is left."));
            return;
        }
        if (openItem != null && changedBy.containsKey(openItem) && itemsById.containsKey(openItem)) {
            if (typing) {
                Objects.requireNonNull(open).changedMeanwhile(changedBy.get(openItem));
            } else {
                show(itemsById.get(openItem));
            }
        }
    }

    /**
     * Follows changes that name only items of this page, at most {@link #MAX_FOLLOWED_ITEMS}:
     * reads those again and refreshes their rows. False when the instance must be reloaded instead.
     */
    private boolean followItems(InstanceDetails shown, List<LiveMessage> changes) {
        if (changes.stream().anyMatch(m -> !ItemChanged.SUBJECT.equals(m.subject()))) {
            return false;
        }
        Map<Long, Instant> latest = new HashMap<>();
        changes.forEach(m -> latest.merge(m.subjectId(), m.at(), (a, b) -> a.isAfter(b) ? a : b));
        if (latest.size() > MAX_FOLLOWED_ITEMS || !itemsById.keySet().containsAll(latest.keySet())) {
            return false;
        }
        List<ItemView> fresh = reading.changedItems(shown.id(), latest);
        if (fresh.size() != latest.size()) {
            return false; // an item went away meanwhile: the instance changed more than its items
        }
        replaceItems(fresh);
        return true;
    }

    /** Opens an item in the panel; unsaved input for another item is only dropped when the user agrees. */
    private void openItem(ItemView item) {
        ItemPanel open = panel;
        ItemView current = open == null ? null : open.item();
        if (open != null && open.hasChanges() && current != null && !current.id().equals(item.id())) {
            ConfirmDialog confirm = new ConfirmDialog("Discard your changes?",
                    "Your changes to “" + current.title() + "” are not saved.", "Discard and open “" + item.title() + "”",
                    e -> show(item));
            confirm.setCancelable(true);
            confirm.setCancelText("Keep editing");
            confirm.open();
            return;
        }
        show(item);
    }

    private void show(ItemView item) {
        ItemPanel open = panel;
        if (open == null) {
            InstanceDetails d = Objects.requireNonNull(details);
            open = new ItemPanel(members, d.zone(), itemWork::update, reading::item, this::saved, this::closePanel);
            Objects.requireNonNull(body).add(open);
            panel = open;
        }
        open.show(item);
    }

    private void closePanel() {
        ItemPanel open = panel;
        if (open == null) {
            return;
        }
        if (open.hasChanges()) {
            ConfirmDialog confirm = new ConfirmDialog("Discard your changes?", "Your changes to “"
                    + Objects.requireNonNull(open.item()).title() + "” are not saved.", "Discard", e -> open.setVisible(false));
            confirm.setCancelable(true);
            confirm.setCancelText("Keep editing");
            confirm.open();
            return;
        }
        open.setVisible(false);
    }

    /** After one item was saved: the row, the section counts and the progress follow. */
    private void saved(ItemView item) {
        replaceItems(List.of(item));
    }

    /**
     * Items changed (saved here or by others): their rows and their sections' counts are
     * refreshed in place, and the progress is counted again from the rows in memory. Only when a
     * change moves an item into or out of the filter is the tree rebuilt (still without a read).
     */
    private void replaceItems(List<ItemView> changed) {
        if (details == null) {
            return;
        }
        Instant now = clock.instant();
        Predicate<ItemView> filter = filter(now);
        boolean reshaped = false;
        for (ItemView item : changed) {
            ItemView before = itemsById.put(item.id(), item);
            reshaped |= before == null || filter.test(before) != filter.test(item) || (filter.test(item) && !rowsById.containsKey(item.id()));
        }
        if (reshaped) {
            refreshRows();
            return;
        }
        var rows = grid.getDataProvider();
        java.util.Set<UUID> sections = new java.util.HashSet<>();
        for (ItemView item : changed) {
            ItemRow row = rowsById.get(item.id());
            if (row != null) {
                row.item = item;
                rows.refreshItem(row);
            }
            sections.add(item.sectionKey());
        }
        for (UUID key : sections) {
            SectionRow section = sectionRows.get(key);
            if (section != null) {
                List<ItemView> inSection = itemsById.values().stream().filter(i -> i.sectionKey().equals(key)).toList();
                section.counted = inSection.stream().filter(i -> i.status().countsTowardsProgress()).count();
                section.done = inSection.stream().filter(i -> i.status() == ItemStatus.DONE).count();
                rows.refreshItem(section);
            }
        }
        updateProgress(now);
    }

    /** The rows the filters let through. */
    private Predicate<ItemView> filter(Instant now) {
        Long me = Objects.requireNonNull(details).currentUserId();
        Predicate<ItemView> filter = switch (show.getValue() == null ? Show.ALL : show.getValue()) {
            case ALL -> i -> true;
            case OPEN -> i -> i.status().isOutstanding();
            case OVERDUE -> i -> i.overdue(now);
            case BLOCKED -> i -> i.status() == ItemStatus.BLOCKED;
        };
        if (mine.getValue()) {
            filter = filter.and(i -> me.equals(i.assigneeUserId()));
        }
        return filter;
    }

    private void refreshRows() {
        if (details == null) {
            return;
        }
        Instant now = clock.instant();
        Predicate<ItemView> filter = filter(now);
        rowsById.clear();
        sectionRows.clear();
        TreeData<Row> tree = new TreeData<>();
        Map<UUID, List<ItemView>> bySection = new LinkedHashMap<>();
        itemsById.values().forEach(i -> bySection.computeIfAbsent(i.sectionKey(), k -> new ArrayList<>()).add(i));
        for (List<ItemView> section : bySection.values()) {
            List<ItemView> shown = section.stream().filter(filter).toList();
            if (shown.isEmpty()) {
                continue;
            }
            long counted = section.stream().filter(i -> i.status().countsTowardsProgress()).count();
            long done = section.stream().filter(i -> i.status() == ItemStatus.DONE).count();
            SectionRow heading = new SectionRow(section.getFirst().sectionKey(), section.getFirst().sectionTitle(), done, counted);
            tree.addItem(null, heading);
            sectionRows.put(heading.key, heading);
            shown.forEach(i -> {
                ItemRow row = new ItemRow(i);
                rowsById.put(i.id(), row);
                tree.addItem(heading, row);
            });
        }
        grid.setDataProvider(new TreeDataProvider<>(tree));
        grid.expand(tree.getRootItems());
        updateProgress(now);
    }

    private void updateProgress(Instant now) {
        long counted = itemsById.values().stream().filter(ItemView::counts).count();
        long done = itemsById.values().stream().filter(i -> i.counts() && i.status() == ItemStatus.DONE).count();
        long rollback = itemsById.values().stream().filter(ItemView::rollback).count();
        long notApplicable = itemsById.size() - counted - rollback;
        long overdue = itemsById.values().stream().filter(i -> i.overdue(now)).count();
        long blocked = itemsById.values().stream().filter(i -> i.status() == ItemStatus.BLOCKED).count();
        progress.setValue(counted == 0 ? 0 : (double) done / counted);
        String text = done + " of " + counted + " done (" + (counted == 0 ? 0 : Math.round(done * 100.0 / counted)) + "%)"
                + (notApplicable > 0 ? " · " + notApplicable + " not applicable, not counted" : "")
                + (rollback > 0 ? " · " + rollback + " rollback " + (rollback == 1 ? "step" : "steps") + " counted only if rollback is invoked" : "")
                + (overdue > 0 ? " · " + overdue + " overdue" : "")
                + (blocked > 0 ? " · " + blocked + " blocked" : "");
        progressText.setText(text);
        progress.getElement().setAttribute("aria-label", text);
    }

    private void confirmDelete() {
        InstanceDetails d = Objects.requireNonNull(details);
        ConfirmDialog dialog = new ConfirmDialog("Remove “" + d.name() + "”?",
                "Its " + d.items().size() + " items and their status, notes and evidence links will be removed from " + d.projectKey()
                        + ". The project's history keeps the record. This cannot be undone.",
                "Remove", e -> {
                    try {
                        applying.delete(d.id(), d.version());
                        leavingConfirmed = true;
                        UserMessages.showSuccess("“" + d.name() + "” removed.");
                        getUI().ifPresent(ui -> ui.navigate(ProjectView.class, String.valueOf(d.projectId())));
                    } catch (RuntimeException ex) {
                        UserMessages.showError(ex);
                    }
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    /** The item's plan facts in one line: type, duration, role, evidence. */
    static String facts(ItemView item) {
        List<String> parts = new ArrayList<>();
        parts.add(item.sectionTitle());
        if (item.stepType() != null) {
            parts.add(item.stepType().label());
        }
        if (item.durationMinutes() != null && item.durationMinutes() > 0) {
            parts.add(RelativeTime.formatDuration(item.durationMinutes()));
        }
        if (item.ownerRole() != null) {
            parts.add("Owner role: " + item.ownerRole());
        }
        if (item.criticalPath()) {
            parts.add("On the critical path");
        }
        if (item.evidenceRequired()) {
            parts.add("Evidence required");
        }
        return String.join(" · ", parts);
    }
}
