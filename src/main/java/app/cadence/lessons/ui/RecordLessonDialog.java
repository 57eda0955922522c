package app.cadence.lessons.ui;

import app.cadence.lessons.domain.LessonCategory;
import app.cadence.lessons.domain.LessonSource;
import app.cadence.lessons.domain.Tags;
import app.cadence.lessons.service.LessonDraft;
import app.cadence.lessons.service.Lessons;
import app.cadence.lessons.service.Lessons.TemplateChoice;
import app.cadence.project.service.ProjectRef;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.service.TemplateProposals.ItemChoice;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * "Record as lesson": a dialog prefilled from where the lesson comes from, reusable by any module.
 * A retrospective board opens it from a card, a group or an action:
 * <pre>{@code
 * new RecordLessonDialog(lessons, LessonDraft.from(LessonSource.retroCard(cardId, "Card “Data load overran”", "/retros/12?card=40"))
 *         .forProject(projectId).aboutTemplate(templateId, null).withText(cardText, cardText))
 *     .onRecorded(lessonId -> …)
 *     .open();
 * }</pre>
 * ({@code lessons} is the {@link Lessons} bean, injected into the opening view.) On save the lesson
 * is recorded and the dialog closes; a refused field shows its message beside the field and keeps
 * everything typed.
 */
@NamedInterface("ui")
public class RecordLessonDialog extends Dialog {

    final TextField title = new TextField("Title");
    final TextArea whatHappened = new TextArea("What happened");
    final TextArea impact = new TextArea("Impact");
    final TextArea recommendation = new TextArea("Recommendation");
    final Select<LessonCategory> category = new Select<>();
    final TextField tags = new TextField("Tags");
    final ComboBox<TemplateChoice> template = new ComboBox<>("Template it concerns");
    final ComboBox<ItemChoice> item = new ComboBox<>("Step it concerns");
    final ComboBox<ProjectRef> project = new ComboBox<>("Project");
    final Button save = new Button("Record lesson");
    private final Lessons lessons;
    private final LessonSource source;
    private @Nullable Consumer<Long> recorded;

    public RecordLessonDialog(Lessons lessons, LessonDraft prefill) {
        this.lessons = lessons;
        this.source = prefill.source();
        addClassName("record-lesson-dialog");
        setHeaderTitle("Record a lesson learned");
        setWidth("min(95vw, 44rem)");

        title.setMaxLength(200);
        title.setRequiredIndicatorVisible(true);
        title.setValue(cut(prefill.title(), 200));
        title.setHelperText("One line that says what was learned.");
        whatHappened.setMaxLength(4000);
        whatHappened.setRequiredIndicatorVisible(true);
        whatHappened.setValue(cut(prefill.whatHappened(), 4000));
        impact.setMaxLength(2000);
        impact.setValue(Objects.requireNonNullElse(prefill.impact(), ""));
        recommendation.setMaxLength(4000);
        recommendation.setValue(Objects.requireNonNullElse(prefill.recommendation(), ""));
        recommendation.setHelperText("What should the next project do?");
        category.setLabel("Category");
        category.setItems(LessonCategory.values());
        category.setItemLabelGenerator(LessonCategory::label);
        category.setRequiredIndicatorVisible(true);
        category.setPlaceholder("Choose a category");
        if (prefill.category() != null) {
            category.setValue(prefill.category());
        }
        tags.setValue(String.join(", ", prefill.tags()));
        tags.setHelperText("Separated by commas, e.g. data migration, vendor");

        List<TemplateChoice> templates = lessons.templateChoices();
        template.setItems(templates);
        template.setItemLabelGenerator(t -> t.name() + " (" + t.kind().label() + ")");
        template.setClearButtonVisible(true);
        item.setItemLabelGenerator(ItemChoice::label);
        item.setClearButtonVisible(true);
        item.setEnabled(false);
        template.addValueChangeListener(e -> loadItems(e.getValue() == null ? null : e.getValue().id(), null));
        templates.stream().filter(t -> t.id().equals(prefill.templateId())).findFirst().ifPresent(template::setValue);
        if (prefill.itemKey() != null && template.getValue() != null) {
            loadItems(template.getValue().id(), prefill);
        }
        List<ProjectRef> projects = lessons.projectChoices();
        project.setItems(projects);
        project.setItemLabelGenerator(p -> p.key() + " · " + p.name());
        project.setClearButtonVisible(true);
        projects.stream().filter(p -> p.id().equals(prefill.projectId())).findFirst().ifPresent(project::setValue);

        Paragraph from = new Paragraph("From: " + source.label());
        from.addClassName("lesson-source");
        FormLayout form = new FormLayout(title, category, whatHappened, impact, recommendation, tags, template, item, project);
        form.setColspan(title, 2);
        form.setColspan(whatHappened, 2);
        form.setColspan(impact, 2);
        form.setColspan(recommendation, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(from, form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("record-lesson");
        save.addClickListener(e -> save());
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    /** Called with the new lesson's id once it is recorded. */
    public RecordLessonDialog onRecorded(Consumer<Long> listener) {
        this.recorded = listener;
        return this;
    }

    private void loadItems(@Nullable Long templateId, @Nullable LessonDraft prefill) {
        item.clear();
        if (templateId == null) {
            item.setItems(List.of());
            item.setEnabled(false);
            return;
        }
        List<ItemChoice> choices = lessons.itemChoices(templateId);
        item.setItems(choices);
        item.setEnabled(!choices.isEmpty());
        if (prefill != null) {
            choices.stream().filter(c -> c.key().equals(prefill.itemKey())).findFirst().ifPresent(item::setValue);
        }
    }

    private void save() {
        for (HasValidation field : List.<HasValidation>of(title, whatHappened, impact, recommendation, category, tags, template, item, project)) {
            field.setInvalid(false);
        }
        try {
            LessonDraft draft = new LessonDraft(title.getValue(), whatHappened.getValue(), impact.getValue(), recommendation.getValue(),
                    category.getValue(), Tags.parse(tags.getValue()),
                    template.getValue() == null ? null : template.getValue().id(),
                    item.getValue() == null ? null : item.getValue().key(),
                    project.getValue() == null ? null : project.getValue().id(), source);
            Long id = lessons.record(draft);
            close();
            UserMessages.showSuccess("The lesson “" + title.getValue().strip() + "” is in the library.");
            if (recorded != null) {
                recorded.accept(id);
            }
        } catch (RuleViolationException ex) {
            HasValidation field = ex.field() == null ? null : fields().get(ex.field());
            if (field != null) {
                field.setErrorMessage(ex.getMessage());
                field.setInvalid(true);
            } else {
                UserMessages.showError(ex);
            }
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
        }
    }

    private Map<String, HasValidation> fields() {
        return Map.of("title", title, "whatHappened", whatHappened, "impact", impact, "recommendation", recommendation,
                "category", category, "tags", tags, "template", template, "item", item, "project", project);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
