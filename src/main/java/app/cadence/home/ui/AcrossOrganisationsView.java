package app.cadence.home.ui;

import app.cadence.home.service.AcrossOrganisations;
import app.cadence.home.service.HomeRow;
import app.cadence.home.service.HomeRowKind;
import app.cadence.home.service.OrganisationPart;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Across my organisations (issue C13): everything that needs the person at each organisation they
 * work with, in one list, soonest first, each line naming its organisation and showing its time in
 * that organisation's zone. Opening a line enters its organisation the way the switcher does (the
 * membership checked again on the server, then a full reload) and opens it there.
 */
@Route("home")
@PageTitle("Across my organisations · Cadence")
@RolesAllowed(RoleSets.MEMBERS)
public class AcrossOrganisationsView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final String ALL = "All organisations";

    private final transient TenantSelectionService selection;
    final Select<String> organisation = new Select<>();
    final Select<HomeRowKind> kind = new Select<>();
    final Grid<HomeRow> grid = new Grid<>();
    private final List<HomeRow> rows;

    public AcrossOrganisationsView(AcrossOrganisations home, TenantSelectionService selection) {
        this.selection = selection;
        addClassName("across-organisations-view");
        setSizeFull();
        List<OrganisationPart> parts = home.parts();
        rows = AcrossOrganisations.merged(parts);

        Div summaries = new Div();
        summaries.addClassName("organisation-summaries");
        parts.forEach(part -> summaries.add(summary(part)));

        organisation.setLabel("Organisation");
        organisation.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(ALL), parts.stream().map(OrganisationPart::name)).toList());
        organisation.setValue(ALL);
        kind.setLabel("Kind");
        kind.setItems(HomeRowKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "Everything" : k.label());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("Everything");
        organisation.addValueChangeListener(e -> filter());
        kind.addValueChangeListener(e -> filter());

        grid.addClassName("home-rows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(AcrossOrganisationsView::when).setHeader("When").setKey("when").setAutoWidth(true).setFlexGrow(0)
                .setComparator(java.util.Comparator.comparing(HomeRow::when, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .setSortable(true);
        grid.addColumn(HomeRow::organisation).setHeader("Organisation").setKey("organisation").setAutoWidth(true).setSortable(true);
        grid.addColumn(r -> r.kind().label()).setHeader("What").setKey("kind").setAutoWidth(true).setSortable(true);
        grid.addComponentColumn(this::open).setHeader("").setKey("title").setFlexGrow(3);
        grid.addColumn(HomeRow::where).setHeader("Where").setFlexGrow(1);
        grid.setEmptyStateText("Nothing needs you in any of your organisations.");
        grid.setItems(rows);

        add(new H2("Across my organisations"),
                new Paragraph("What needs you at each organisation you work with, soonest first, and what is coming in the next "
                        + AcrossOrganisations.COMING.toDays() + " days. Each organisation's data stays its own: opening a line takes you "
                        + "into its organisation. Times are in each organisation's time zone."),
                summaries, new HorizontalLayout(organisation, kind), grid);
    }

    private void filter() {
        String org = organisation.getValue();
        HomeRowKind k = kind.getValue();
        grid.setItems(rows.stream().filter(r -> org == null || ALL.equals(org) || r.organisation().equals(org))
                .filter(r -> k == null || r.kind() == k).toList());
    }

    private Component summary(OrganisationPart part) {
        long items = part.rows().stream().filter(r -> r.kind() == HomeRowKind.ITEM).count() + part.moreItems();
        long unread = part.rows().stream().filter(r -> r.kind() == HomeRowKind.NOTIFICATION).count();
        long overdue = part.rows().stream().filter(HomeRow::overdue).count();
        StringBuilder text = new StringBuilder(part.role().label() + " · " + items + " outstanding item" + (items == 1 ? "" : "s"));
        if (overdue > 0) {
            text.append(" · ").append(overdue).append(" overdue");
        }
        text.append(" · ").append(unread).append(" unread");
        if (part.red() != null) {
            text.append(" · ").append(part.red()).append(" red, ").append(part.amber()).append(" amber project")
                    .append(Objects.equals(part.amber(), 1L) ? "" : "s");
        }
        Span name = new Span(part.name());
        name.addClassName("organisation-name");
        Span facts = new Span(text.toString());
        facts.addClassName("hint");
        Div card = new Div(name, new Span(" "), facts);
        card.addClassName("organisation-summary");
        if (part.moreItems() > 0) {
            Span more = new Span(" · the " + AcrossOrganisations.ITEMS_SHOWN + " soonest are listed; My work in " + part.name() + " has all of them");
            more.addClassName("hint");
            card.add(more);
        }
        return card;
    }

    private static Component when(HomeRow row) {
        if (row.when() == null) {
            return new Span("No due date");
        }
        var at = row.when().atZone(row.zone());
        Span when = new Span(row.dateOnly() ? DAY.format(at) : DAY.format(at) + " " + TIME.format(at) + " (" + row.zone().getId() + ")");
        if (row.overdue()) {
            when.addClassName("overdue");
            when.setText(when.getText() + " · overdue");
        }
        return when;
    }

    private Component open(HomeRow row) {
        Button open = new Button(row.title(), e -> enter(row));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.addClassName("home-open");
        open.getElement().setAttribute("aria-label", "Open “" + row.title() + "” in " + row.organisation());
        return open;
    }

    /** Enters the row's organisation as the switcher does, then opens the row there. */
    void enter(HomeRow row) {
        try {
            selection.select(row.tenantId());
            UI.getCurrent().getPage().setLocation("/" + row.target());
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }
}
