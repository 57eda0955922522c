package app.cadence.retro.ui;

import app.cadence.retro.domain.RetroBoard.RatingView;
import app.cadence.retro.service.RetroBoardWork;
import app.cadence.retro.service.RetroScreen;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import java.util.Locale;

/**
 * Check-in: the open actions of earlier retrospectives for review, then the template's rating
 * questions — each person's own answer, and once the facilitator reveals them, the distribution.
 */
class CheckInPanel extends Div implements BoardPanel {

    private final Long sessionId;
    private final RetroBoardWork work;
    private final BoardChanges changes;
    private final ActionList carried;
    private final Div questions = new Div();

    CheckInPanel(Long sessionId, RetroBoardWork work, ActionList carried, BoardChanges changes) {
        this.sessionId = sessionId;
        this.work = work;
        this.changes = changes;
        this.carried = carried;
        addClassName("retro-check-in");
        questions.addClassName("retro-ratings");
        add(carried, questions);
    }

    @Override
    public void show(RetroScreen screen) {
        carried.show(screen.carriedOver(), screen);
        questions.removeAll();
        List<RatingView> ratings = screen.board().ratings();
        if (ratings.isEmpty()) {
            Span none = new Span("This template asks no rating questions: move on to Reflect when everyone is here.");
            none.addClassName("hint");
            questions.add(none);
            return;
        }
        questions.add(new H3("How did it go?"));
        for (RatingView rating : ratings) {
            questions.add(question(rating, screen));
        }
    }

    private Div question(RatingView rating, RetroScreen screen) {
        Div box = new Div();
        box.addClassName("retro-rating");
        RadioButtonGroup<Integer> answer = new RadioButtonGroup<>(rating.question(), 1, 2, 3, 4, 5);
        answer.setHelperText((rating.prompt() == null ? "" : rating.prompt() + " · ") + "1 = poor, 5 = great. Anonymous.");
        answer.setValue(rating.myScore());
        answer.setReadOnly(!screen.iMayTakePart());
        answer.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                changes.attempt(() -> work.rate(sessionId, rating.key(), e.getValue()));
            }
        });
        Span count = new Span(rating.answers() + (rating.answers() == 1 ? " answer" : " answers")
                + (screen.board().ratingsRevealed() ? "" : " · shown when the facilitator reveals them"));
        count.addClassName("hint");
        box.add(answer, count);
        if (!rating.distribution().isEmpty()) {
            box.add(distribution(rating));
        }
        return box;
    }

    /** A bar per score, as wide as its share of the answers. */
    static Div distribution(RatingView rating) {
        Div bars = new Div();
        bars.addClassName("retro-distribution");
        int most = Math.max(1, rating.distribution().stream().mapToInt(Integer::intValue).max().orElse(1));
        for (int score = 1; score <= rating.distribution().size(); score++) {
            int n = rating.distribution().get(score - 1);
            Div bar = new Div();
            bar.addClassName("retro-bar");
            bar.getStyle().set("width", (n * 100 / most) + "%");
            Div row = new Div(new Span(String.valueOf(score)), bar, new Span(String.valueOf(n)));
            row.addClassName("retro-distribution-row");
            bars.add(row);
        }
        if (rating.average() != null) {
            Span average = new Span(String.format(Locale.ROOT, "Average %.1f of 5", rating.average()));
            average.addClassName("retro-average");
            bars.add(average);
        }
        return bars;
    }
}
