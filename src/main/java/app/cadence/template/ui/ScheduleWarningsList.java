package app.cadence.template.ui;

import app.cadence.template.domain.ScheduleWarning;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;

/**
 * A runbook's schedule warnings under a short explanation, as the designer, the import dialog and
 * the publish dialog show them; hidden when there are none.
 */
final class ScheduleWarningsList extends Div {

    /** Warnings listed one by one; a runbook of 2,000 steps could otherwise fill the screen. */
    static final int SHOWN = 30;

    private final Span heading = new Span();
    private final Paragraph intro = new Paragraph();
    private final UnorderedList list = new UnorderedList();

    ScheduleWarningsList() {
        addClassName("schedule-warnings");
        heading.addClassName("schedule-warnings-heading");
        intro.addClassName("schedule-warnings-intro");
        getElement().setAttribute("role", "status");
        add(heading, intro, list);
        setVisible(false);
    }

    /** Shows the warnings with the sentence that says what to do about them, or hides the list when there are none. */
    void show(List<ScheduleWarning> warnings, String explanation) {
        setVisible(!warnings.isEmpty());
        list.removeAll();
        heading.setText(warnings.size() == 1 ? "1 schedule warning" : String.format(Locale.ENGLISH, "%,d schedule warnings", warnings.size()));
        intro.setText(explanation);
        warnings.stream().limit(SHOWN).forEach(w -> list.add(new ListItem(w.message())));
        if (warnings.size() > SHOWN) {
            list.add(new ListItem(String.format(Locale.ENGLISH, "… and %,d more.", warnings.size() - SHOWN)));
        }
    }
}
