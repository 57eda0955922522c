package app.cadence.template.ui;

import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.MessagePlaceholder;
import app.cadence.template.domain.MessageTemplate;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A message template's subject and Markdown body, with the placeholders it may use listed under
 * it; an unknown placeholder is shown on the field it is in, by name.
 */
@NamedInterface("ui")
public class MessageTemplateInput extends VerticalLayout {

    private final TextField subject = new TextField("Message subject");
    private final TextArea body = new TextArea("Message (Markdown)");

    public MessageTemplateInput() {
        addClassName("message-template");
        setPadding(false);
        setSpacing(false);
        subject.setWidthFull();
        subject.setMaxLength(MessageTemplate.SUBJECT_MAX);
        subject.setPlaceholder("{{project.name}} — weekly status");
        subject.setHelperText("Empty subject and message: the owner writes each one");
        body.setWidthFull();
        body.setMaxLength(MessageTemplate.BODY_MAX);
        body.setMinHeight("8rem");
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        Arrays.stream(MessagePlaceholder.values()).forEach(p -> list.add(new Span("{{" + p.token() + "}} — " + p.description())));
        Details help = new Details("Placeholders", list);
        help.addClassName("placeholder-help");
        add(subject, body, help);
    }

    public void setValue(@Nullable MessageTemplate message) {
        subject.setValue(message == null ? "" : message.subject());
        body.setValue(message == null ? "" : message.body());
    }

    /** The message, or none when both fields are empty; marks the field at fault and throws when it is not valid. */
    public Optional<MessageTemplate> value() {
        subject.setInvalid(false);
        body.setInvalid(false);
        if (subject.getValue().isBlank() && body.getValue().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MessageTemplate(subject.getValue(), body.getValue()));
        } catch (RuleViolationException e) {
            if ("body".equals(e.field())) {
                body.setErrorMessage(e.getMessage());
                body.setInvalid(true);
            } else {
                subject.setErrorMessage(e.getMessage());
                subject.setInvalid(true);
            }
            throw e;
        }
    }
}
