package app.cadence.lessons.ui;

import app.cadence.lessons.domain.LessonRow;
import app.cadence.lessons.service.LessonDraft;
import app.cadence.lessons.service.LessonFilter;
import app.cadence.lessons.service.Lessons;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.ui.TemplatePageSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import java.util.Optional;
import org.springframework.data.domain.Sort;

/** The template page's "Lessons" tab: the lessons recorded against the template, latest first, paged in the database. */
@org.springframework.stereotype.Component
class TemplateLessonsSection implements TemplatePageSection {

    private final Lessons lessons;

    TemplateLessonsSection(Lessons lessons) {
        this.lessons = lessons;
    }

    @Override
    public String title() {
        return "Lessons";
    }

    @Override
    public Optional<Component> create(Long templateId, TemplateKind kind, boolean author) {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        tab.addClassName("template-lessons");
        LessonFilter filter = LessonFilter.none().template(templateId);
        Grid<LessonRow> grid = new Grid<>(LessonRow.class, false);
        grid.addColumn(r -> UserMessages.formatTime(r.recordedAt())).setHeader("Recorded").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> new RouterLink(r.title(), LessonView.class, r.id())).setHeader("Lesson").setFlexGrow(3);
        grid.addColumn(r -> r.category().label()).setHeader("Category").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.projectLabel() == null ? "" : r.projectLabel()).setHeader("Project").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(20);
        grid.setHeight("24rem");
        grid.setItems(q -> lessons.search(filter, Sort.unsorted(), q.getOffset(), q.getLimit()).stream(),
                q -> Math.toIntExact(lessons.count(filter)));
        Paragraph empty = new Paragraph("No lessons recorded against this template yet.");
        empty.addClassName("empty-state");
        grid.setEmptyStateComponent(empty);
        tab.add(grid);
        if (lessons.mayRecord()) {
            Button record = new Button("Record a lesson about this template", e -> new RecordLessonDialog(lessons,
                    LessonDraft.manual().aboutTemplate(templateId, null)).onRecorded(id -> grid.getDataProvider().refreshAll()).open());
            record.addClassName("record-template-lesson");
            tab.add(record);
        }
        return Optional.of(tab);
    }
}
