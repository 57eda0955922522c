package app.cadence.work.ui;

import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.template.domain.TemplateKind;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceColumn;
import app.cadence.work.service.InstanceExports;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstanceDetails;
import app.cadence.work.service.InstanceViews.ItemView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An instance as a page to print: what it is and its items section by section, with status,
 * assignee, due, who completed them and when, notes and evidence. No navigation around it
 * ({@code autoLayout = false}); the stylesheet's print rules hide the buttons and let the page
 * take the printer's paper, A4 or Letter, upright.
 */
@Route(value = InstancePrintView.ROUTE, autoLayout = false)
@RolesAllowed(RoleSets.MEMBERS)
public class InstancePrintView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "instances/:instanceId(^[0-9]{1,18}$)/print";

    private final InstanceReading reading;
    private final Clock clock;
    private String title = "Print · Cadence";

    InstancePrintView(InstanceReading reading, Clock clock) {
        this.reading = reading;
        this.clock = clock;
        addClassName("instance-print");
    }

    static String path(Long instanceId) {
        return "instances/" + instanceId + "/print";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> instanceId = event.getRouteParameters().getLong("instanceId");
        InstanceDetails instance;
        try {
            instance = reading.details(instanceId.orElseThrow(NotFoundException::new));
        } catch (RecordNotFoundException | NotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        title = instance.name() + " · " + instance.projectKey() + " · Print · Cadence";
        Button print = new Button("Print", VaadinIcon.PRINT.create(), e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        Anchor back = new Anchor("instances/" + instance.id(), "Back to the instance");
        Div actions = new Div(print, back);
        actions.addClassNames("print-actions", "no-print");
        add(actions, new H1(instance.name()), facts(instance), table(instance, clock.instant()));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private static Div facts(InstanceDetails instance) {
        Div facts = new Div();
        facts.addClassName("print-facts");
        for (String[] fact : InstanceExports.facts(instance)) {
            Span label = new Span(fact[0]);
            label.addClassName("fact-label");
            Span value = new Span(fact[1]);
            value.addClassName("fact-value");
            Div line = new Div(label, value);
            line.addClassName("print-fact");
            facts.add(line);
        }
        return facts;
    }

    private static Div table(InstanceDetails instance, Instant now) {
        boolean due = instance.kind() != TemplateKind.RETROSPECTIVE;
        List<String> headers = due ? List.of("Item", "Status", "Assignee", "Due", "Completed", "Notes and evidence")
                : List.of("Item", "Status", "Assignee", "Completed", "Notes and evidence");
        NativeTable table = new NativeTable();
        table.addClassName("print-table");
        NativeTableRow head = table.getHead().addRow();
        headers.forEach(h -> head.addHeaderCell().setText(h));
        UUID section = null;
        for (ItemView item : instance.items()) {
            if (!item.sectionKey().equals(section)) {
                section = item.sectionKey();
                NativeTableRow heading = table.getBody().addRow();
                heading.addClassName("print-section");
                com.vaadin.flow.component.html.NativeTableHeaderCell cell = heading.addHeaderCell();
                cell.setText(item.sectionTitle() + (item.rollback() ? " — rollback: only if rollback is invoked" : ""));
                cell.getElement().setAttribute("colspan", String.valueOf(headers.size()));
                cell.getElement().setAttribute("scope", "colgroup");
            }
            NativeTableRow row = table.getBody().addRow();
            row.addClassName("status-" + item.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Div what = new Div(new Span(item.title()));
            String plan = InstanceColumn.planFacts(item);
            if (!plan.isEmpty()) {
                Div facts = new Div();
                facts.setText(plan);
                facts.addClassName("print-item-facts");
                what.add(facts);
            }
            if (item.details() != null) {
                Div details = new Div();
                details.setText(item.details()); // as typed; line breaks kept by the stylesheet
                details.addClassName("print-item-details");
                what.add(details);
            }
            row.addDataCell().add(what);
            NativeTableCell status = row.addDataCell();
            status.setText(item.status().label() + (item.status() == ItemStatus.BLOCKED && item.blockedReason() != null
                    ? ": " + item.blockedReason() : "") + (item.overdue(now) ? " · overdue" : ""));
            if (item.overdue(now) || item.status() == ItemStatus.BLOCKED) {
                status.addClassName("print-attention");
            }
            row.addDataCell().setText(item.assigneeName() == null ? "" : item.assigneeName());
            if (due) {
                row.addDataCell().setText(InstanceColumn.DUE.text(item, instance.zone()));
            }
            row.addDataCell().setText(item.completedAt() == null ? ""
                    : InstanceColumn.COMPLETED_AT.text(item, instance.zone()) + (item.completedBy() == null ? "" : " by " + item.completedBy()));
            NativeTableCell notes = row.addDataCell();
            notes.addClassName("print-notes");
            if (item.notes() != null) {
                Div text = new Div();
                text.setText(item.notes());
                notes.add(text);
            }
            if (item.evidenceUrl() != null) {
                Div evidence = new Div();
                evidence.setText("Evidence: " + item.evidenceUrl()); // the address itself, readable on paper
                evidence.addClassName("print-evidence");
                notes.add(evidence);
            }
        }
        Div holder = new Div(table);
        if (instance.items().isEmpty()) {
            holder.add(new Paragraph("This instance has no items."));
        }
        return holder;
    }
}
