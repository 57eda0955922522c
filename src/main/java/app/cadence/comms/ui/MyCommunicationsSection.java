package app.cadence.comms.ui;

import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.OccurrenceRow;
import app.cadence.work.ui.MyWorkSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * My work's communications: the occurrences the person owns that are overdue or due in the next
 * two weeks, each opening its draft. Sending one removes only that one; the series goes on.
 */
@org.springframework.stereotype.Component
class MyCommunicationsSection implements MyWorkSection {

    static final Duration AHEAD = Duration.ofDays(14);

    private final Communications communications;

    MyCommunicationsSection(Communications communications) {
        this.communications = communications;
    }

    @Override
    public Optional<Component> create() {
        Instant now = communications.now();
        List<OccurrenceRow> mine = communications.mine(now.plus(AHEAD));
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        Div section = new Div(new H3("Communications"));
        section.addClassName("my-communications");
        for (OccurrenceRow row : mine) {
            Span state = new Span(row.overdue(now) ? "Overdue" : row.status().label());
            state.addClassNames("status-badge", row.overdue(now) ? "status-on-hold" : "status-proposed");
            RouterLink link = new RouterLink(row.title(), OccurrenceView.class, row.id());
            Span where = new Span(" · " + row.projectKey() + " · due "
                    + CommunicationsSection.DAY.format(row.dueAt().atZone(communications.zone())) + " "
                    + CommunicationsSection.TIME.format(row.dueAt().atZone(communications.zone()))
                    + (row.channel() == null ? "" : " · " + row.channel()));
            where.addClassName("hint");
            Div line = new Div(state, new Span(" "), link, where);
            line.addClassName("my-communication");
            section.add(line);
        }
        return Optional.of(section);
    }
}
