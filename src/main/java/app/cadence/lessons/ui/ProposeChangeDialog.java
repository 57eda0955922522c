package app.cadence.lessons.ui;

import app.cadence.lessons.service.LessonDetails;
import app.cadence.lessons.service.Lessons;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.ProposalKind;
import app.cadence.template.service.TemplateProposals.ItemChoice;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;

/** A lesson proposes a change to its template: add a step after one, change one, remove one, or a note. */
class ProposeChangeDialog extends Dialog {

    final Select<ProposalKind> kind = new Select<>();
    final ComboBox<ItemChoice> item = new ComboBox<>("Step");
    final TextField title = new TextField("Title");
    final TextArea details = new TextArea("Details");

    ProposeChangeDialog(Lessons lessons, LessonDetails lesson, Runnable proposed) {
        setHeaderTitle("Propose a change to “" + lesson.templateName() + "”");
        addClassName("propose-change-dialog");
        setWidth("min(95vw, 36rem)");
        kind.setLabel("Change");
        kind.setItems(ProposalKind.values());
        kind.setItemLabelGenerator(ProposalKind::label);
        kind.setValue(ProposalKind.ADD_AFTER);
        List<ItemChoice> items = lessons.itemChoices(java.util.Objects.requireNonNull(lesson.templateId()));
        item.setItems(items);
        item.setItemLabelGenerator(ItemChoice::label);
        items.stream().filter(i -> i.key().equals(lesson.itemKey())).findFirst().ifPresent(item::setValue);
        title.setMaxLength(200);
        details.setMaxLength(2000);
        details.setValue(lesson.recommendation() == null ? "" : lesson.recommendation());
        Runnable adapt = () -> {
            ProposalKind k = kind.getValue();
            item.setVisible(k.needsItem());
            title.setVisible(k.needsTitle());
            item.setLabel(k == ProposalKind.ADD_AFTER ? "After the step" : "Step");
            title.setLabel(k == ProposalKind.ADD_AFTER ? "Title of the new step" : "Proposed title");
            details.setLabel(k == ProposalKind.NOTE ? "Note" : k == ProposalKind.REMOVE ? "Why (optional)" : "Proposed details");
            if (k == ProposalKind.CHANGE && title.isEmpty() && item.getValue() != null) {
                title.setValue(item.getValue().title());
            }
        };
        kind.addValueChangeListener(e -> adapt.run());
        item.addValueChangeListener(e -> adapt.run());
        adapt.run();
        VerticalLayout form = new VerticalLayout(new Paragraph("The template's owners (ADMIN, PMO) accept it into the template's draft or "
                + "decline it with a reason; you are told either way."), kind, item, title, details);
        form.setPadding(false);
        item.setWidthFull();
        title.setWidthFull();
        details.setWidthFull();
        add(form);
        Button send = new Button("Propose", e -> {
            item.setInvalid(false);
            title.setInvalid(false);
            details.setInvalid(false);
            try {
                lessons.proposeChange(lesson.id(), kind.getValue(), item.getValue() == null ? null : item.getValue().key(),
                        title.getValue(), details.getValue());
                close();
                UserMessages.showSuccess("Your proposal waits on “" + lesson.templateName() + "” for its owners.");
                proposed.run();
            } catch (RuleViolationException ex) {
                var field = "item".equals(ex.field()) ? item : "title".equals(ex.field()) ? title : "details".equals(ex.field()) ? details : null;
                if (field == null) {
                    UserMessages.showError(ex);
                } else {
                    field.setErrorMessage(ex.getMessage());
                    field.setInvalid(true);
                }
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClassName("send-proposal");
        getFooter().add(new Button("Cancel", e -> close()), send);
    }
}
