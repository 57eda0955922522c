package app.cadence.retro.ui;

import app.cadence.lessons.service.Lessons;
import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.retro.domain.RetroPhase;
import app.cadence.retro.service.RetroActions;
import app.cadence.retro.service.RetroBoardWork;
import app.cadence.retro.service.RetroExports;
import app.cadence.retro.service.RetroReading;
import app.cadence.retro.service.RetroScreen;
import app.cadence.retro.service.RetroSessions;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The session board of a retrospective, the same for every participant and live: the phases with
 * the current one marked, the facilitator's controls (move on, reveal, anonymity, hand over), and
 * the current phase's panel. Whatever anyone does reaches every open board within a second (it
 * follows the session's topic); what a person is typing survives the refresh.
 */
@Route("retros")
@RolesAllowed(RoleSets.MEMBERS)
public class RetroBoardView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final RetroReading reading;
    private final RetroSessions sessions;
    private final RetroBoardWork work;
    private final RetroActions actions;
    private final RetroExports exports;
    private final LiveScreens live;
    private final RecordLesson lesson;

    private @Nullable Long sessionId;
    private LiveScreens.@Nullable Following following;
    private @Nullable RetroScreen screen;
    private @Nullable RetroPhase panelPhase;
    private @Nullable BoardPanel panel;
    private final BoardChanges changes = new BoardChanges(this::refresh);
    private @Nullable List<Object> controlsFor;

    private final Anchor back = new Anchor();
    private final H2 name = new H2();
    private final Span facts = new Span();
    private final Div phases = new Div();
    private final Span hint = new Span();
    private final Div controls = new Div();
    private final Div content = new Div();

    RetroBoardView(RetroReading reading, RetroSessions sessions, RetroBoardWork work, RetroActions actions, RetroExports exports,
                   LiveScreens live, Lessons lessons) {
        this.lesson = new RecordLesson(lessons);
        this.reading = reading;
        this.sessions = sessions;
        this.work = work;
        this.actions = actions;
        this.exports = exports;
        this.live = live;
        addClassName("retro-board");
        back.addClassName("retro-back");
        facts.addClassName("hint");
        phases.addClassName("retro-phases");
        phases.getElement().setAttribute("role", "list");
        phases.getElement().setAttribute("aria-label", "Phases");
        hint.addClassName("retro-phase-hint");
        controls.addClassName("retro-controls");
        content.addClassName("retro-content");
        Div header = new Div(back, name, facts, phases, hint, controls);
        header.addClassName("retro-header");
        add(header, content);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        RetroScreen read;
        try {
            read = reading.screen(id);
        } catch (RecordNotFoundException e) {
            throw new NotFoundException();
        }
        if (!Objects.equals(sessionId, id)) {
            sessionId = id;
            panel = null;
            panelPhase = null;
            content.removeAll();
            if (following == null) {
                following = live.follow(this, () -> sessionId == null ? List.of() : List.of(Topic.retro(sessionId)), messages -> {
                    // Someone else's dots are hidden until voting ends: their votes change nothing on this board.
                    if (!messages.stream().allMatch(m -> m.changed().equals(java.util.Set.of("VOTE")))) {
                        refresh();
                    }
                });
            } else {
                following.refollow(); // another session in the same view (Vaadin reuses it): its topic instead
            }
        }
        show(read);
    }

    @Override
    public String getPageTitle() {
        return screen == null ? "Retrospective · Cadence" : screen.instanceName() + " · " + screen.projectKey() + " · Cadence";
    }

    /** Reads the board again and shows it: after this screen's own change, or when someone else changed it. */
    void refresh() {
        if (sessionId == null) {
            return;
        }
        try {
            show(reading.screen(sessionId));
        } catch (RecordNotFoundException e) {
            content.removeAll();
            controls.removeAll();
            hint.setText("This retrospective was removed.");
        }
    }

    private void show(RetroScreen read) {
        this.screen = read;
        back.setHref("instances/" + read.instanceId());
        back.setText("← " + read.projectKey() + " · " + read.projectName() + " · " + read.instanceName());
        name.setText(read.instanceName());
        facts.setText(read.format() + " · facilitated by " + (read.iFacilitate() ? "you" : read.facilitatorName())
                + (read.board().anonymous() ? " · cards are anonymous" : " · cards show their author") + " · "
                + read.board().voteBudget() + " dots each");
        RetroPhase phase = read.board().phase();
        phases();
        hint.setText(phase.hint() + (read.iMayTakePart() ? "" : " You are watching: viewers do not take part."));
        controls(read);
        if (panel == null || panelPhase != phase) {
            content.removeAll();
            panel = panelFor(phase, Objects.requireNonNull(sessionId));
            content.add((com.vaadin.flow.component.Component) panel);
            panelPhase = phase;
        }
        panel.show(read);
    }

    private BoardPanel panelFor(RetroPhase phase, Long id) {
        return switch (phase) {
            case CHECK_IN -> new CheckInPanel(id, work, ActionList.carriedOver(actions, changes, lesson), changes);
            case REFLECT -> new ReflectPanel(id, work, changes);
            case GROUP -> new GroupPanel(work, changes);
            case VOTE -> new VotePanel(work, changes);
            case DISCUSS -> new DiscussPanel(id, sessions, work, new ActionsPanel(id, actions, changes, lesson), changes, lesson);
            case ACTIONS -> new ActionsPanel(id, actions, changes, lesson);
            case CLOSED -> new SummaryPanel(id, exports, ActionList.ofSession(actions, changes, lesson), lesson);
        };
    }

    private void phases() {
        phases.removeAll();
        RetroPhase current = Objects.requireNonNull(screen).board().phase();
        for (RetroPhase phase : RetroPhase.values()) {
            Span step = new Span(phase.label());
            step.addClassName("retro-phase");
            step.getElement().setAttribute("role", "listitem");
            if (phase == current) {
                step.addClassName("retro-phase-current");
                step.getElement().setAttribute("aria-current", "step");
            } else if (phase.isBefore(current)) {
                step.addClassName("retro-phase-done");
            }
            phases.add(step);
        }
    }

    /**
     * The facilitator's controls, drawn again only when what they offer changes: redrawn on every
     * read, the "Next" button would be a new one each time someone votes, and a click made while
     * that refresh was on its way would name a button that no longer exists — Flow drops it, and
     * the facilitator's "Next: Discuss" did nothing (the retro simulation).
     */
    private void controls(RetroScreen read) {
        List<Object> offered = List.of(read.board().phase(), read.iMayFacilitate(), read.board().ratingsRevealed(), read.board().cardsRevealed(),
                read.board().anonymous(), read.board().ratings().isEmpty(), read.facilitatorId(), read.members().size());
        if (offered.equals(controlsFor)) {
            return;
        }
        controlsFor = offered;
        controls.removeAll();
        RetroPhase phase = read.board().phase();
        if (!read.iMayFacilitate() || phase == RetroPhase.CLOSED) {
            return;
        }
        Long id = Objects.requireNonNull(sessionId);
        if (phase == RetroPhase.CHECK_IN) {
            if (!read.board().ratingsRevealed() && !read.board().ratings().isEmpty()) {
                controls.add(button("Reveal ratings", () -> sessions.revealRatings(id)));
            }
            Checkbox anonymous = new Checkbox("Anonymous cards", read.board().anonymous());
            anonymous.setTooltipText("Settled before the first card: nobody, not even an administrator, can see who wrote an anonymous card.");
            anonymous.addValueChangeListener(e -> changes.attempt(() -> sessions.makeAnonymous(id, e.getValue())));
            controls.add(anonymous);
        }
        if (phase == RetroPhase.REFLECT && !read.board().cardsRevealed()) {
            controls.add(button("Reveal all cards", () -> sessions.revealCards(id)));
        }
        controls.add(handOver(read, id));
        RetroPhase next = phase.next();
        Button advance = new Button(next == RetroPhase.CLOSED ? "Close the retrospective" : "Next: " + next.label(), e -> advance(next, id));
        advance.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        advance.addClassName("retro-advance");
        controls.add(advance);
    }

    private void advance(RetroPhase next, Long id) {
        if (next == RetroPhase.CLOSED) {
            ConfirmDialog confirm = new ConfirmDialog("Close the retrospective?",
                    "Cards, votes and notes can no longer change; the summary is made and the actions stay open until done.",
                    "Close it", e -> changes.attempt(() -> sessions.advance(id)));
            confirm.setCancelable(true);
            confirm.open();
        } else {
            changes.attempt(() -> sessions.advance(id));
        }
    }

    private Button handOver(RetroScreen read, Long id) {
        Button handOver = new Button("Hand over…", e -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle("Hand over facilitation");
            ComboBox<MemberSummary> to = new ComboBox<>("New facilitator");
            to.setItems(read.members().stream().filter(m -> !m.userId().equals(read.facilitatorId())).toList());
            to.setItemLabelGenerator(MemberSummary::displayName);
            to.setWidth("20rem");
            Button confirm = new Button("Hand over", click -> {
                if (to.getValue() == null) {
                    to.setInvalid(true);
                    to.setErrorMessage("Choose who facilitates from now on.");
                    return;
                }
                Long userId = to.getValue().userId();
                if (changes.attempt(() -> sessions.handOver(id, userId))) {
                    dialog.close();
                }
            });
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.add(to);
            dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
            dialog.open();
            to.focus();
        });
        handOver.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return handOver;
    }

    private Button button(String label, BoardChanges.Change change) {
        Button button = new Button(label, e -> changes.attempt(change));
        button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        return button;
    }
}
