package app.cadence.work.ui;

import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantSettings;
import app.cadence.work.domain.MyWorkRow;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.ItemWork;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The current user's outstanding items across all projects of the tenant: overdue first, then by due date. */
@Route("my-work")
@Menu(order = 2, icon = "vaadin:tasks", title = "My work")
@PageTitle("My work · Cadence")
@RolesAllowed(RoleSets.MEMBERS)
public class MyWorkView extends VerticalLayout {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private final ItemWork itemWork;

    private final InstanceReading reading;
    private final ZoneId zone;
    private final Clock clock;
    private final Grid<MyWorkRow> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();

    MyWorkView(InstanceReading reading, ItemWork itemWork, TenantSettings settings, Clock clock, LiveScreens live,
               java.util.List<MyWorkSection> sections) {
        this.itemWork = itemWork;
        this.reading = reading;
        this.zone = settings.zone();
        this.clock = clock;
        addClassName("my-work-view");
        setSizeFull();
        // Lit templates, not components per row: a row is a few values in the grid's data, where
        // three components each (a span, a router link, a button with its icon) cost every page of
        // My work a component tree to build, send and detach again on each refresh.
        grid.addColumn(LitRenderer.<MyWorkRow>of("<span class=\"${item.dueClass}\">${item.due}</span>")
                        .withProperty("due", this::dueText)
                        .withProperty("dueClass", row -> overdue(row) ? "overdue" : ""))
                .setHeader("Due").setAutoWidth(true).setFlexGrow(0).setKey("due");
        // router-link: the browser opens the item inside the app, as a RouterLink's anchor does.
        grid.addColumn(LitRenderer.<MyWorkRow>of("<a href=\"${item.href}\" router-link>${item.title}</a>")
                        .withProperty("href", row -> InstanceView.itemLocation(row.instanceId(), row.itemId()))
                        .withProperty("title", MyWorkRow::title))
                .setHeader("Item").setFlexGrow(2).setKey("item");
        grid.addColumn(r -> r.projectKey() + " · " + r.projectName()).setHeader("Project").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(MyWorkRow::instanceName).setHeader("Checklist").setFlexGrow(1);
        grid.addColumn(r -> r.status().label()).setHeader("Status").setAutoWidth(true).setFlexGrow(0).setKey("status");
        grid.addColumn(LitRenderer.<MyWorkRow>of("""
                        <vaadin-button class="mark-done" theme="small success" ?hidden=${!item.markLabel} aria-label="${item.markLabel}" \
                        @click=${markDone}><vaadin-icon icon="vaadin:check" slot="prefix"></vaadin-icon>Mark done</vaadin-button>\
                        <span class="hint" ?hidden=${item.markLabel}>Needs evidence</span>""")
                        .withProperty("markLabel", row -> canMarkDone(row) ? "Mark “" + row.title() + "” done" : "")
                        // The browser may send this for any row it was sent: checked again here.
                        .withFunction("markDone", row -> {
                            if (canMarkDone(row)) {
                                markDone(row);
                            }
                        }))
                .setHeader("").setAutoWidth(true).setFlexGrow(0).setKey("action");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("Nothing assigned to you is outstanding. Well done.");
        grid.setPageSize(50);
        // The summary says the count the grid reads: one count per refresh, not a second one of its own.
        grid.setItems(query -> reading.myWork(query.getOffset(), query.getLimit()).stream(),
                query -> {
                    long count = reading.countMyWork();
                    showSummary(count);
                    return Math.toIntExact(count);
                });
        summary.addClassNames("hint", "my-work-summary");
        com.vaadin.flow.component.html.Div sectionsHolder = new com.vaadin.flow.component.html.Div();
        Runnable showSections = () -> {
            sectionsHolder.removeAll();
            sections.forEach(section -> section.create().ifPresent(sectionsHolder::add));
        };
        showSections.run();
        add(new H2("My work"), sectionsHolder, summary, grid);
        // Items assigned to or taken from this person, and changes to them, show without a reload.
        live.follow(this, () -> java.util.List.of(Topic.MY_WORK), changes -> {
            grid.getDataProvider().refreshAll();
            showSections.run();
        });
    }

    private void showSummary(long count) {
        summary.setText(count == 0 ? "" : count + " outstanding item" + (count == 1 ? "" : "s") + " assigned to you, soonest due first. Times in " + zone.getId() + ".");
    }

    private String dueText(MyWorkRow row) {
        if (row.dueAt() == null) {
            return "No due date";
        }
        String due = DUE.format(row.dueAt().atZone(zone));
        return overdue(row) ? due + " · overdue" : due;
    }

    private boolean overdue(MyWorkRow row) {
        return row.dueAt() != null && row.dueAt().isBefore(clock.instant());
    }

    /** Done in one click unless the item asks for evidence that is not there yet. */
    private static boolean canMarkDone(MyWorkRow row) {
        return !row.evidenceRequired() || row.evidenceUrl() != null;
    }

    private void markDone(MyWorkRow row) {
        try {
            // As the row showed it: someone else's change since is refused with their name.
            itemWork.markDone(row.itemId(), row.itemVersion());
            UserMessages.showSuccess("“" + row.title() + "” marked done.");
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
        grid.getDataProvider().refreshAll();
    }
}
