package app.cadence.portfolio.ui;

import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.domain.PortfolioRow;
import app.cadence.portfolio.domain.PortfolioTiles;
import app.cadence.portfolio.service.PortfolioExport;
import app.cadence.portfolio.service.PortfolioService;
import app.cadence.portfolio.service.PortfolioStatusPack;
import app.cadence.project.domain.Health;
import app.cadence.project.domain.ProgramRow;
import app.cadence.project.domain.ProjectStatus;
import app.cadence.project.service.ProgramService;
import app.cadence.project.ui.ProjectView;
import app.cadence.shared.ui.FileDownload;
import app.cadence.shared.ui.LiveGridPages;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

/**
 * The PMO director's view across all projects: tiles on top, then one row per project with its
 * health and roll-up; filters, search and sorting run in the database, the grid pages lazily.
 */
@Route("portfolio")
@Menu(order = 1, icon = "vaadin:dashboard", title = "Portfolio")
@PageTitle("Portfolio · Cadence")
@RolesAllowed(RoleSets.MEMBERS)
public class PortfolioView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final PortfolioService portfolio;
    private final PortfolioExport export;
    private final PortfolioStatusPack pack;
    /** What the exports use; read by the download request, which does not hold the UI lock. */
    private volatile PortfolioFilter exportFilter = PortfolioFilter.none();
    private volatile Sort exportSort = Sort.unsorted();
    private boolean restoring;
    private final LocalDate today;
    private final Div tiles = new Div();
    private final Div charts = new Div();
    private final java.util.Map<Health, Button> healthTiles = new java.util.EnumMap<>(Health.class);
    private final Button overdueTile = new Button();
    private final Div goLivesTile = new Div();
    private final Button driftTile = new Button();
    private final Span templateLines = new Span();
    private final TextField search = new TextField();
    private final ComboBox<ProgramRow> program = new ComboBox<>();
    private final ComboBox<MemberSummary> pm = new ComboBox<>();
    // Combo boxes, not selects: a select keeps a component per option in every session, a combo
    // box sends its options only when opened (docs/performance.md, "What a session costs").
    private final ComboBox<ProjectStatus> status = new ComboBox<>();
    private final ComboBox<Health> health = new ComboBox<>();
    private final Checkbox overdue = new Checkbox("Has overdue items");
    private final Checkbox drifted = new Checkbox("Template drift");
    private final Grid<PortfolioRow> grid = new Grid<>();
    private final Span emptyState = new Span();
    /**
     * Set by a live refresh: when this node heard of the changes it shows, so that its reads may
     * be shared with other portfolios refreshing for them; null after the person's own filtering
     * or sorting, which reads afresh.
     */
    private @Nullable Long heardAt;
    /** The grid's pages as the browser has them, so that a live refresh sends only changed rows. */
    private final LiveGridPages<PortfolioRow, Long> shownPages = new LiveGridPages<>(PortfolioRow::projectId);
    /** The sort of the rows the grid last fetched: a refresh reads the same pages. */
    private Sort shownSort = Sort.unsorted();
    /** When the rows were last read, for "Updated": one clock reading per read, not a service call per row. */
    private Instant rowsReadAt;
    /** The tiles and charts on screen, to skip rebuilding them when a refresh reads the same. */
    private @Nullable PortfolioTiles shownTiles;

    PortfolioView(PortfolioService portfolio, PortfolioExport export, PortfolioStatusPack pack, ProgramService programs,
                  MembershipDirectory members, LiveScreens live, app.cadence.portfolio.service.PortfolioCommentaries commentaries) {
        this.portfolio = portfolio;
        this.export = export;
        this.pack = pack;
        this.today = portfolio.today();
        this.rowsReadAt = portfolio.now();
        addClassName("portfolio-view");
        setWidthFull();

        tiles.addClassName("portfolio-tiles");
        configureFilters(programs.list(), members.activeMembers());
        configureGrid();
        HorizontalLayout filters = new HorizontalLayout(search, program, pm, status, health, overdue, drifted, exports());
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("portfolio-filters");
        charts.addClassName("portfolio-charts");
        // The page scrolls; the grid keeps a useful height of its own below the summary.
        add(new H2("Portfolio"), tiles, new CommentaryPanel(commentaries), charts, filters, grid);
        showTiles();
        // Any project or item change of the tenant: rows, tiles and charts follow; filters and sort stay.
        live.follow(this, () -> List.of(Topic.PORTFOLIO), (changes, heardAtNanos) -> {
            heardAt = heardAtNanos;
            rowsReadAt = portfolio.now();
            // Only the rows that changed go to the browser: most changes alter one row or none.
            shownPages.refresh(grid.getDataProvider(), () -> portfolio.count(filter(), heardAt),
                    (offset, limit) -> portfolio.rows(filter(), shownSort, offset, limit, heardAt));
            showTiles();
        });
    }

    private void configureFilters(List<ProgramRow> programs, List<MemberSummary> people) {
        search.setPlaceholder("Search projects");
        search.setAriaLabel("Search projects by key, name, PM or program");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        program.setItems(programs);
        program.setItemLabelGenerator(ProgramRow::name);
        program.setPlaceholder("All programs");
        program.setAriaLabel("Program");
        program.setClearButtonVisible(true);
        pm.setItems(people.stream().filter(m -> m.role().managesProjects()).toList());
        pm.setItemLabelGenerator(MemberSummary::displayName);
        pm.setPlaceholder("All project managers");
        pm.setAriaLabel("Project manager");
        pm.setClearButtonVisible(true);
        status.setItems(ProjectStatus.values());
        status.setItemLabelGenerator(ProjectStatus::label);
        status.setPlaceholder("All statuses");
        status.setAriaLabel("Status");
        status.setClearButtonVisible(true);
        health.setItems(Health.values());
        health.setItemLabelGenerator(Health::label);
        health.setPlaceholder("Any health");
        health.setAriaLabel("Health");
        health.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        program.addValueChangeListener(e -> refresh());
        pm.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        health.addValueChangeListener(e -> refresh());
        overdue.addValueChangeListener(e -> refresh());
        drifted.setTooltipText("Only projects with an instance behind its template's latest published version");
        drifted.addValueChangeListener(e -> refresh());
    }

    private void configureGrid() {
        // Templates rendered in the browser rather than components per cell: an idle session then
        // holds the page's values only, not 2 × 50 component trees (docs/performance.md).
        // Lit binds the values as text and attributes, never as markup.
        grid.addColumn(LitRenderer.<PortfolioRow>of("""
                        <div class="health-cell"><span class="health-badge ${item.healthClass}">${item.health}</span>\
                        <span class="health-reason-line">${item.reason}</span></div>""")
                        .withProperty("health", r -> r.health().label() + (r.healthOverridden() ? " (set by hand)" : ""))
                        .withProperty("healthClass", r -> r.health().styleClass())
                        .withProperty("reason", PortfolioRow::healthReason))
                .setHeader("Health").setKey("health").setSortable(true).setWidth("13rem").setFlexGrow(0).setFrozen(true);
        // Key, name and status in one column, go-live and the next key date in another: each column
        // costs every open portfolio about 5 KB on the server (its element, properties and five
        // synchronised properties' listeners), whatever it shows (docs/performance.md, "What a
        // session costs"). The status shows only when it is not the usual "Active".
        grid.addColumn(LitRenderer.<PortfolioRow>of("""
                        <div class="project-cell"><span><a router-link href="${item.href}">${item.key}</a>\
                        <span class="project-status" ?hidden="${!item.status}">${item.status}</span></span>\
                        <span class="project-name">${item.name}</span></div>""")
                        .withProperty("href", r -> RouteConfiguration.forApplicationScope().getUrl(ProjectView.class, String.valueOf(r.projectId())))
                        .withProperty("key", PortfolioRow::key)
                        .withProperty("status", r -> r.status() == ProjectStatus.ACTIVE ? "" : r.status().label())
                        .withProperty("name", PortfolioRow::name))
                // Fixed widths: auto width measures the rows, and an empty portfolio would squeeze the headers.
                .setHeader("Project").setKey("key").setSortable(true).setWidth("15rem").setFlexGrow(3).setFrozen(true);
        grid.addColumn(r -> dash(r.programName())).setHeader("Program").setKey("program").setSortable(true).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(r -> dash(r.pmName())).setHeader("PM").setKey("pm").setSortable(true).setWidth("9rem").setFlexGrow(1);
        grid.addColumn(LitRenderer.<PortfolioRow>of("""
                        <div class="go-live-cell"><span>${item.goLive}</span>\
                        <span class="next-key-date" ?hidden="${!item.next}">${item.next}</span></div>""")
                        .withProperty("goLive", r -> format(r.goLiveDate()))
                        .withProperty("next", this::nextKeyDateUnlessGoLive))
                .setHeader("Go-live").setKey("goLive").setSortable(true).setWidth("11rem").setFlexGrow(0);
        grid.addColumn(r -> percent(r.cutoverPercent())).setHeader("Cutover").setKey("cutover").setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(r -> percent(r.communicationPercent())).setHeader("Comms").setKey("communication").setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(r -> percent(r.retrospectivePercent())).setHeader("Retro").setKey("retrospective").setSortable(true).setWidth("6rem").setFlexGrow(0);
        grid.addColumn(r -> r.overdue() == 0 ? "—" : String.valueOf(r.overdue())).setHeader("Overdue").setKey("overdue").setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(r -> r.blocked() == 0 ? "—" : String.valueOf(r.blocked())).setHeader("Blocked").setKey("blocked").setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(this::daysSince).setHeader("Updated").setKey("lastUpdate").setSortable(true).setWidth("7.5rem").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // The session keeps every row the browser was sent (the grid's key mapper, the last response
        // that carried them), about 1 KB each. Chromium asks for the pages that cover the grid's
        // first 61–75 rows when it opens (a dozen are on screen): 100 rows in pages of 50, 90 in
        // pages of 30, 75 in pages of 25.
        grid.setPageSize(25);
        grid.setHeight("40rem");
        // A click sorts by that column; Shift-click adds a second one.
        grid.setMultiSort(true, Grid.MultiSortPriority.APPEND, true);
        grid.addClassName("portfolio-grid");
        grid.addSortListener(e -> {
            heardAt = null;
            shownPages.reset();
            exportSort = Sort.by(e.getSortOrder().stream()
                    .map(o -> o.getDirection() == SortDirection.ASCENDING ? Sort.Order.asc(o.getSorted().getKey()) : Sort.Order.desc(o.getSorted().getKey()))
                    .toList());
            if (!restoring) {
                rememberInAddress();
            }
        });
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ProjectView.class,
                String.valueOf(e.getItem().projectId()))));
        // Rows are identified by project, so that a live refresh can replace one changed row.
        grid.setItems(new CallbackDataProvider<PortfolioRow, Void>(
                query -> {
                    shownSort = VaadinSpringDataHelpers.toSpringDataSort(query);
                    rowsReadAt = portfolio.now();
                    return shownPages.fetched(query.getOffset(), query.getLimit(),
                            portfolio.rows(filter(), shownSort, query.getOffset(), query.getLimit(), heardAt)).stream();
                },
                query -> Math.toIntExact(shownPages.counted(countAndShowEmptyState())),
                PortfolioRow::projectId));
        emptyState.addClassName("empty-state");
        grid.setEmptyStateComponent(emptyState);
    }

    private int countAndShowEmptyState() {
        int count = Math.toIntExact(portfolio.count(filter(), heardAt));
        if (count == 0) {
            emptyState.setText(filter().equals(PortfolioFilter.none())
                    ? "No projects yet. Projects appear here with their health as soon as they are created."
                    : "No project matches these filters.");
        }
        return count;
    }

    PortfolioFilter filter() {
        return new PortfolioFilter(program.getValue() == null ? null : program.getValue().id(), pm.getValue() == null ? null : pm.getValue().userId(),
                status.getValue(), health.getValue(), overdue.getValue(), search.getValue(), drifted.getValue());
    }

    private void markChosenTile() {
        healthTiles.forEach((h, tile) -> {
            boolean chosen = h == health.getValue();
            tile.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
            if (chosen) {
                tile.addClassName("tile-chosen");
            } else {
                tile.removeClassName("tile-chosen");
            }
        });
    }

    /**
     * Filters come back from the address (e.g. after Back from a project, or from a shared
     * link). Ids from it only preselect: the lists offered are the tenant's own.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        try {
            // The address is the whole truth: what it does not name is cleared.
            search.clear();
            health.clear();
            status.clear();
            overdue.setValue(false);
            drifted.setValue(false);
            program.clear();
            pm.clear();
            first(parameters, "q").ifPresent(search::setValue);
            first(parameters, "health").flatMap(v -> parseEnum(Health.class, v)).ifPresent(health::setValue);
            first(parameters, "status").flatMap(v -> parseEnum(ProjectStatus.class, v)).ifPresent(status::setValue);
            first(parameters, "overdue").ifPresent(v -> overdue.setValue("true".equals(v)));
            first(parameters, "drift").ifPresent(v -> drifted.setValue("true".equals(v)));
            first(parameters, "program").flatMap(PortfolioView::parseLong).flatMap(id -> program.getListDataView().getItems()
                    .filter(p -> p.id().equals(id)).findFirst()).ifPresent(program::setValue);
            first(parameters, "pm").flatMap(PortfolioView::parseLong).flatMap(id -> pm.getListDataView().getItems()
                    .filter(m -> m.userId().equals(id)).findFirst()).ifPresent(pm::setValue);
            grid.sort(sortFrom(first(parameters, "sort").orElse("")));
        } finally {
            restoring = false;
        }
        refresh();
    }

    /** The filters as query parameters, so that Back and shared links keep them. */
    private void rememberInAddress() {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        if (!search.isEmpty()) {
            parameters.put("q", search.getValue());
        }
        if (health.getValue() != null) {
            parameters.put("health", health.getValue().name());
        }
        if (status.getValue() != null) {
            parameters.put("status", status.getValue().name());
        }
        if (program.getValue() != null) {
            parameters.put("program", String.valueOf(program.getValue().id()));
        }
        if (pm.getValue() != null) {
            parameters.put("pm", String.valueOf(pm.getValue().userId()));
        }
        if (overdue.getValue()) {
            parameters.put("overdue", "true");
        }
        if (drifted.getValue()) {
            parameters.put("drift", "true");
        }
        if (!grid.getSortOrder().isEmpty()) {
            parameters.put("sort", grid.getSortOrder().stream()
                    .map(o -> o.getSorted().getKey() + (o.getDirection() == SortDirection.ASCENDING ? ".asc" : ".desc"))
                    .collect(java.util.stream.Collectors.joining(",")));
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("portfolio", QueryParameters.simple(parameters))));
    }

    /** "overdue.desc,key.asc" as the grid's sort; unknown columns are ignored. */
    private List<com.vaadin.flow.component.grid.GridSortOrder<PortfolioRow>> sortFrom(String value) {
        List<com.vaadin.flow.component.grid.GridSortOrder<PortfolioRow>> orders = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            String[] keyAndDirection = part.split("\\.");
            Grid.Column<PortfolioRow> column = keyAndDirection[0].isEmpty() ? null : grid.getColumnByKey(keyAndDirection[0]);
            if (column != null && column.isSortable()) {
                orders.add(new com.vaadin.flow.component.grid.GridSortOrder<>(column,
                        keyAndDirection.length > 1 && keyAndDirection[1].equals("desc") ? SortDirection.DESCENDING : SortDirection.ASCENDING));
            }
        }
        return orders;
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String value) {
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return Optional.of(Long.valueOf(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void refresh() {
        if (restoring) {
            return; // one refresh once the address has been read
        }
        rememberInAddress();
        markChosenTile();
        exportFilter = filter();
        heardAt = null;
        shownPages.reset();
        grid.getDataProvider().refreshAll();
    }

    /** Downloads of what the grid shows, filters and sort included. */
    private Component exports() {
        Anchor csv = new Anchor(FileDownload.attachment(() -> "portfolio-" + today + ".csv", "text/csv; charset=UTF-8",
                out -> export.writeCsv(exportFilter, exportSort, out)), "Export CSV");
        Anchor xlsx = new Anchor(FileDownload.attachment(() -> "portfolio-" + today + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                out -> export.writeXlsx(exportFilter, exportSort, out)), "Export XLSX");
        Anchor pdf = new Anchor(FileDownload.attachment(() -> "portfolio-status-pack-" + today + ".pdf", "application/pdf",
                out -> pack.write(exportFilter, exportSort, out)), "Status pack (PDF)");
        csv.addClassName("export-csv");
        xlsx.addClassName("export-xlsx");
        pdf.addClassName("export-pdf");
        Div links = new Div(csv, xlsx, pdf);
        links.addClassName("export-links");
        return links;
    }

    private void showTiles() {
        PortfolioTiles summary = portfolio.tiles(heardAt);
        if (summary.equals(shownTiles)) {
            // Most changes move no tile (a step done on time): nothing to rebuild, nothing to send to the browser.
            return;
        }
        boolean chartsChanged = shownTiles == null || !shownTiles.projectsByHealth().equals(summary.projectsByHealth())
                || !shownTiles.goLivesByMonth().equals(summary.goLivesByMonth()) || !shownTiles.overdueTrend().equals(summary.overdueTrend());
        if (shownTiles == null) {
            makeTiles();
        }
        shownTiles = summary;
        // The tiles stay; a refresh gives them new figures, which sends the browser only the texts that changed.
        healthTiles.forEach((h, tile) -> {
            long count = summary.projectsByHealth().get(h);
            tile.setText(count + " " + h.label().toLowerCase(Locale.ROOT));
            tile.setAriaLabel(count + (count == 1 ? " project " : " projects ") + h.label().toLowerCase(Locale.ROOT) + ": show only those");
        });
        overdueTile.setText(summary.overdueItems() + (summary.overdueItems() == 1 ? " overdue item" : " overdue items"));
        goLivesTile.setText(summary.goLivesNext30Days() + (summary.goLivesNext30Days() == 1 ? " go-live" : " go-lives") + " in the next 30 days");
        long behind = summary.instancesBehind();
        driftTile.setText(behind == 1 ? "1 instance behind its template" : behind + " instances behind their template");
        driftTile.setAriaLabel(behind + " instances behind the latest version of their template: show only their projects");
        // The lines as one text broken by the stylesheet (white-space: pre-line): every element a
        // session shows is kept in its memory, and a span per line cost ten of them.
        templateLines.setText(summary.templatesInUse().isEmpty() ? "None applied yet" : summary.templatesInUse().stream().limit(5)
                .map(u -> u.templateName() + " v" + u.versionNumber() + " — " + u.projects() + (u.projects() == 1 ? " project" : " projects")
                        + (u.behind() ? " (behind)" : ""))
                .collect(java.util.stream.Collectors.joining("\n")));
        if (chartsChanged) {
            // A change of a count that no chart shows (templates in use, go-lives in 30 days) redraws no chart.
            showCharts(summary);
        }
    }

    /** The tiles, once per view: a health tile chooses its health (a second click every project again), the others their filter. */
    private void makeTiles() {
        for (Health h : new Health[] {Health.RED, Health.AMBER, Health.GREEN, Health.NOT_ASSESSED}) {
            Button tile = new Button("", e -> health.setValue(health.getValue() == h ? null : h));
            tile.addClassNames("tile", "tile-" + h.styleClass().substring("health-".length()));
            tile.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            healthTiles.put(h, tile);
            tiles.add(tile);
        }
        overdueTile.addClickListener(e -> overdue.setValue(!overdue.getValue()));
        overdueTile.addClassNames("tile", "tile-overdue");
        overdueTile.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        goLivesTile.addClassNames("tile", "tile-go-lives");
        driftTile.addClickListener(e -> drifted.setValue(!drifted.getValue()));
        driftTile.addClassNames("tile", "tile-drift");
        driftTile.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        templateLines.addClassName("tile-line");
        Div templates = new Div(new Span("Templates in use"), templateLines);
        templates.addClassNames("tile", "tile-templates");
        tiles.add(overdueTile, goLivesTile, driftTile, templates);
        markChosenTile();
    }

    private void showCharts(PortfolioTiles summary) {
        charts.removeAll();
        List<SvgCharts.Bar> byHealth = List.of(
                new SvgCharts.Bar("Red", summary.projectsByHealth().get(Health.RED), "#c62828"),
                new SvgCharts.Bar("Amber", summary.projectsByHealth().get(Health.AMBER), "#ef8f00"),
                new SvgCharts.Bar("Green", summary.projectsByHealth().get(Health.GREEN), "#2e7d32"),
                new SvgCharts.Bar("Not assessed", summary.projectsByHealth().get(Health.NOT_ASSESSED), "#757575"));
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM", Locale.UK);
        List<SvgCharts.Bar> goLives = summary.goLivesByMonth().stream()
                .map(m -> new SvgCharts.Bar(month.format(m.month()), m.projects(), "#1565c0")).toList();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", Locale.UK).withZone(portfolio.zone());
        List<SvgCharts.Bar> trend = summary.overdueTrend().stream()
                .map(w -> new SvgCharts.Bar(day.format(w.weekEnd()), w.overdue(), "#c62828")).toList();
        charts.add(chart("Projects by health", SvgCharts.bars("Projects by health", byHealth)),
                chart("Go-lives by month", SvgCharts.bars("Go-lives by month, next 12 months", goLives)),
                chart("Overdue items, last 12 weeks", SvgCharts.line("Overdue items at the end of each of the last 12 weeks", trend, "#c62828")));
    }

    /** A card whose title the stylesheet shows from {@code data-title} (one element fewer per chart; the chart names itself to screen readers). */
    private static Component chart(String title, String svg) {
        Div card = new Div(new Svg(svg));
        card.getElement().setAttribute("data-title", title);
        card.addClassNames("card", "chart");
        return card;
    }


    /** "Next: start 3 Feb 2027" when the next key date is not the go-live shown above it; empty otherwise. */
    private String nextKeyDateUnlessGoLive(PortfolioRow row) {
        LocalDate next = row.nextKeyDate(today);
        if (next == null || next.equals(row.goLiveDate())) {
            return "";
        }
        return "Next: " + (next.equals(row.startDate()) ? "start " : "close ") + DATE.format(next);
    }

    private String daysSince(PortfolioRow row) {
        long days = Duration.between(row.lastUpdate(), rowsReadAt).toDays();
        return days <= 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
    }

    private static String percent(@Nullable Integer value) {
        return value == null ? "—" : value + "%";
    }

    private static String dash(@Nullable String value) {
        return value == null ? "—" : value;
    }

    private static String format(@Nullable LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }
}
