package app.cadence.retro.ui;

import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.retro.service.RetroReading;
import app.cadence.retro.service.RetroSessions;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.TemplateKind;
import app.cadence.work.ui.InstancePageSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;

/** The instance page's way into a retrospective's session board, with the phase it is in. */
@org.springframework.stereotype.Component
class RetroSessionSection implements InstancePageSection {

    private final RetroSessions sessions;
    private final RetroReading reading;
    private final LiveScreens live;

    RetroSessionSection(RetroSessions sessions, RetroReading reading, LiveScreens live) {
        this.sessions = sessions;
        this.reading = reading;
        this.live = live;
    }

    @Override
    public Optional<Component> create(Long instanceId, TemplateKind kind, boolean canManage) {
        if (kind != TemplateKind.RETROSPECTIVE) {
            return Optional.empty();
        }
        Div box = new Div();
        box.addClassName("retro-session-link");
        Optional<Long> session = sessions.sessionOf(instanceId);
        if (session.isPresent()) {
            Long id = session.get();
            Span phase = new Span();
            phase.addClassNames("status-badge", "status-proposed");
            Anchor open = new Anchor("retros/" + id, "Open the session board");
            open.addClassName("retro-open-board");
            box.add(new Span("Session: "), phase, new Span(" "), open);
            Runnable show = () -> phase.setText(reading.phaseOf(id).label());
            show.run();
            live.follow(box, () -> List.of(Topic.retro(id)), changes -> show.run());
        } else if (canManage) {
            Button open = new Button("Open a session board for this retrospective", e -> {
                try {
                    Long id = sessions.open(instanceId);
                    e.getSource().getUI().ifPresent(ui -> ui.navigate("retros/" + id));
                } catch (RuntimeException ex) {
                    UserMessages.showError(ex);
                }
            });
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(open);
        } else {
            Span none = new Span("The project manager has not opened a session board for this retrospective yet.");
            none.addClassName("hint");
            box.add(none);
        }
        return Optional.of(box);
    }
}
