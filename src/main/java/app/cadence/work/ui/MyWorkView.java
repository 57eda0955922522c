package app.cadence.work.ui;

import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantSettings;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.domain.MyWorkRow;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemWork;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
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
        grid.addComponentColumn(this::dueCell).setHeader("Due").setAutoWidth(true).setFlexGrow(0).setKey("due");
        grid.addComponentColumn(MyWorkView::itemLink).setHeader("Item").setFlexGrow(2).setKey("item");
        grid.addColumn(r -> r.projectKey() + " · " + r.projectName()).setHeader("Project").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(MyWorkRow::instanceName).setHeader("Checklist").setFlexGrow(1);
        grid.addColumn(r -> r.status().label()).setHeader("Status").setAutoWidth(true).setFlexGrow(0).setKey("status");
        grid.addComponentColumn(this::doneButton).setHeader("").setAutoWidth(true).setFlexGrow(0).setKey("action");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("Nothing assigned to you is outstanding. Well done.");
        grid.setPageSize(50);
        grid.setItems(query -> reading.myWork(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(reading.countMyWork()));
        summary.addClassName("hint");
        com.vaadin.flow.component.html.Div sectionsHolder = new com.vaadin.flow.component.html.Div();
        Runnable showSections = () -> {
            sectionsHolder.removeAll();
            sections.forEach(section -> section.create().ifPresent(sectionsHolder::add));
        };
        showSections.run();
        add(new H2("My work"), sectionsHolder, summary, grid);
        updateSummary();
        // Items assigned to or taken from this person, and changes to them, show without a reload.
        live.follow(this, () -> java.util.List.of(Topic.MY_WORK), changes -> {
            grid.getDataProvider().refreshAll();
            updateSummary();
            showSections.run();
        });
    }

    private static RouterLink itemLink(MyWorkRow row) {
        RouterLink link = new RouterLink(row.title(), InstanceView.class, row.instanceId());
        link.setQueryParameters(InstanceView.itemParameters(row.itemId()));
        return link;
    }

    private void updateSummary() {
        long count = reading.countMyWork();
        summary.setText(count == 0 ? "" : count + " outstanding item" + (count == 1 ? "" : "s") + " assigned to you, soonest due first. Times in " + zone.getId() + ".");
    }

    private Component dueCell(MyWorkRow row) {
        if (row.dueAt() == null) {
            return new Span("No due date");
        }
        Span due = new Span(DUE.format(row.dueAt().atZone(zone)));
        if (row.dueAt().isBefore(clock.instant())) {
            due.addClassName("overdue");
            due.setText(due.getText() + " · overdue");
        }
        return due;
    }

    private Component doneButton(MyWorkRow row) {
        if (row.evidenceRequired() && row.evidenceUrl() == null) {
            Span hint = new Span("Needs evidence");
            hint.addClassName("hint");
            return hint;
        }
        Button done = new Button("Mark done", VaadinIcon.CHECK.create(), e -> markDone(row));
        done.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        done.addClassName("mark-done");
        done.setAriaLabel("Mark “" + row.title() + "” done");
        return done;
    }

    private void markDone(MyWorkRow row) {
        try {
            ItemView item = reading.item(row.itemId());
            if (item.version() != row.itemVersion()) {
                UserMessages.showError(new app.cadence.shared.domain.ConcurrentChangeException("“" + item.title() + "”", item.updatedBy(), item.updatedAt()));
            } else {
                itemWork.update(ItemUpdate.from(item).withStatus(ItemStatus.DONE, null));
                UserMessages.showSuccess("“" + row.title() + "” marked done.");
            }
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
        grid.getDataProvider().refreshAll();
        updateSummary();
    }
}
