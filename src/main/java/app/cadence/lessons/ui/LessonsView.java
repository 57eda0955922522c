package app.cadence.lessons.ui;

import app.cadence.lessons.domain.LessonCategory;
import app.cadence.lessons.domain.LessonRow;
import app.cadence.lessons.service.LessonDraft;
import app.cadence.lessons.service.LessonFilter;
import app.cadence.lessons.service.Lessons;
import app.cadence.lessons.service.Lessons.TemplateChoice;
import app.cadence.project.service.ProjectRef;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.TemplateKind;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import org.springframework.data.domain.Sort;
import jakarta.annotation.security.RolesAllowed;

/**
 * The organisation's lessons learned library: search (title, what happened, recommendation, tags)
 * and filters by template, kind of template, category, tag, project and date, all in the
 * database; a lazy, paged, sortable list; each lesson opens its page. Everyone reads; everyone but
 * a VIEWER records.
 */
@Route("lessons")
@PageTitle("Lessons learned · Cadence")
@Menu(order = 5.5, icon = "vaadin:lightbulb", title = "Lessons learned")
@RolesAllowed(RoleSets.MEMBERS)
public class LessonsView extends VerticalLayout {

    final TextField search = new TextField();
    final ComboBox<TemplateChoice> template = new ComboBox<>();
    final Select<TemplateKind> kind = new Select<>();
    final Select<LessonCategory> category = new Select<>();
    final TextField tag = new TextField();
    final ComboBox<ProjectRef> project = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<LessonRow> grid = new Grid<>(LessonRow.class, false);
    final Paragraph emptyState = new Paragraph();
    private final Lessons lessons;

    LessonsView(Lessons lessons) {
        this.lessons = lessons;
        addClassName("lessons-view");
        setSizeFull();

        search.setPlaceholder("Search lessons");
        search.setAriaLabel("Search title, what happened, recommendation and tags");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        template.setPlaceholder("Any template");
        template.setAriaLabel("Template");
        template.setItems(lessons.templateChoices());
        template.setItemLabelGenerator(TemplateChoice::name);
        template.setClearButtonVisible(true);
        template.addValueChangeListener(e -> refresh());
        kind.setAriaLabel("Kind of template");
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("Any kind");
        kind.setItems(TemplateKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "Any kind" : k.label());
        kind.addValueChangeListener(e -> refresh());
        category.setAriaLabel("Category");
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption("Any category");
        category.setItems(LessonCategory.values());
        category.setItemLabelGenerator(c -> c == null ? "Any category" : c.label());
        category.addValueChangeListener(e -> refresh());
        tag.setPlaceholder("Tag");
        tag.setAriaLabel("Tag");
        tag.setClearButtonVisible(true);
        tag.setValueChangeMode(ValueChangeMode.LAZY);
        tag.addValueChangeListener(e -> refresh());
        tag.setWidth("9rem");
        project.setPlaceholder("Any project");
        project.setAriaLabel("Project");
        project.setItems(lessons.projectChoices());
        project.setItemLabelGenerator(p -> p.key() + " · " + p.name());
        project.setClearButtonVisible(true);
        project.addValueChangeListener(e -> refresh());
        from.setPlaceholder("From");
        from.setAriaLabel("Recorded from");
        from.setClearButtonVisible(true);
        from.addValueChangeListener(e -> refresh());
        to.setPlaceholder("To");
        to.setAriaLabel("Recorded until");
        to.setClearButtonVisible(true);
        to.addValueChangeListener(e -> refresh());
        from.setWidth("9rem");
        to.setWidth("9rem");

        HorizontalLayout heading = new HorizontalLayout(new H2("Lessons learned"));
        heading.setWidthFull();
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (lessons.mayRecord()) {
            Button record = new Button("Record a lesson", VaadinIcon.PLUS.create(), e -> new RecordLessonDialog(lessons, LessonDraft.manual())
                    .onRecorded(id -> getUI().ifPresent(ui -> ui.navigate(LessonView.class, id))).open());
            record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            record.addClassName("record-lesson-button");
            heading.addToEnd(record);
        }
        HorizontalLayout filters = new HorizontalLayout(search, template, kind, category, tag, project, from, to);
        filters.setWidthFull();
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.expand(search);

        grid.addColumn(r -> UserMessages.formatTime(r.recordedAt())).setHeader("Recorded").setKey("recordedAt").setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> new RouterLink(r.title(), LessonView.class, r.id())).setHeader("Lesson").setKey("title")
                .setSortable(true).setFlexGrow(4);
        grid.addColumn(r -> r.category().label()).setHeader("Category").setKey("category").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.templateName() == null ? "" : r.templateName()).setHeader("Template").setKey("templateName").setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(r -> r.projectLabel() == null ? "" : r.projectLabel()).setHeader("Project").setKey("projectLabel").setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(r -> String.join(", ", r.tags())).setHeader("Tags").setFlexGrow(2);
        grid.addColumn(LessonRow::recordedBy).setHeader("Recorded by").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(query -> fetch(VaadinSpringDataHelpers.toSpringDataSort(query), query.getOffset(), query.getLimit()).stream(),
                query -> countAndDescribeEmptyState(VaadinSpringDataHelpers.toSpringDataSort(query)));
        emptyState.addClassName("empty-state");
        grid.setEmptyStateComponent(emptyState);
        add(heading, filters, grid);
        expand(grid);
    }

    LessonFilter filter() {
        return new LessonFilter(search.getValue(), template.getValue() == null ? null : template.getValue().id(), kind.getValue(),
                category.getValue(), tag.getValue(), project.getValue() == null ? null : project.getValue().id(), from.getValue(),
                to.getValue());
    }

    /**
     * The first page read with the count (one pass over the library for a selective search), kept
     * for the fetch that follows the count in the same request; any other fetch reads its page.
     */
    private record FirstPage(LessonFilter filter, Sort sort, Lessons.LessonPage page) {
    }

    private @org.jspecify.annotations.Nullable FirstPage firstPage;

    private java.util.List<LessonRow> fetch(Sort sort, int offset, int limit) {
        FirstPage kept = firstPage;
        firstPage = null;
        if (kept != null && offset == 0 && kept.filter().equals(filter()) && kept.sort().equals(sort)
                && (limit <= kept.page().rows().size() || kept.page().rows().size() == kept.page().total())) {
            java.util.List<LessonRow> rows = kept.page().rows();
            return rows.subList(0, Math.min(limit, rows.size()));
        }
        return lessons.search(filter(), sort, offset, limit);
    }

    private int countAndDescribeEmptyState(Sort sort) {
        LessonFilter filter = filter();
        Lessons.LessonPage page = lessons.firstPage(filter, sort, grid.getPageSize());
        firstPage = new FirstPage(filter, sort, page);
        int count = Math.toIntExact(page.total());
        if (count == 0) {
            boolean filtered = !search.isEmpty() || template.getValue() != null || kind.getValue() != null || category.getValue() != null
                    || !tag.isEmpty() || project.getValue() != null || from.getValue() != null || to.getValue() != null;
            emptyState.setText(filtered ? "No lesson matches these filters. Clear a filter or search for fewer words."
                    : "No lessons recorded yet. Record one here, or from a retrospective's cards, groups and actions.");
        }
        return count;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
