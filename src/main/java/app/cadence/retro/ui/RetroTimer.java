package app.cadence.retro.ui;

import app.cadence.retro.service.RetroScreen;
import com.vaadin.flow.component.html.Span;

/**
 * The discussion timer as everyone sees it: the server holds when it ends (or the seconds left
 * while paused); the browser only counts down from the seconds left at the moment of the read, so
 * a wrong PC clock does not matter and every screen shows the same time.
 */
class RetroTimer extends Span {

    /** Constant text, values as parameters. */
    private static final String COUNTDOWN = """
            const box = this, end = Date.now() + $0 * 1000, running = $1;
            if (box.__cadenceTimer) { clearInterval(box.__cadenceTimer); box.__cadenceTimer = null; }
            const show = () => {
              if (!box.isConnected) { clearInterval(box.__cadenceTimer); return; }
              const s = Math.max(0, Math.round((end - Date.now()) / 1000));
              box.textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
              box.classList.toggle('retro-timer-up', running && s === 0);
            };
            show();
            if (running) { box.__cadenceTimer = setInterval(show, 1000); }
            """;

    RetroTimer() {
        addClassName("retro-timer");
        getElement().setAttribute("role", "timer");
    }

    void show(RetroScreen.Timer timer) {
        long s = timer.secondsLeft();
        setText(s / 60 + ":" + String.format("%02d", s % 60));
        getElement().setAttribute("aria-label", (timer.running() ? "Time left: " : "Timer paused at ") + s / 60 + " min " + s % 60 + " s");
        getElement().executeJs(COUNTDOWN, s, timer.running());
    }
}
