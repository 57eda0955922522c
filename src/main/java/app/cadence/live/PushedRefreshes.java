package app.cadence.live;

import com.vaadin.flow.server.WrappedSession;

/**
 * Lets a screen be refreshed inside the push that announces the change, without the browser
 * sending a request of its own, when nothing about the member's rights changed since their last
 * request. The security module implements it; without it every refresh goes through a request.
 */
public interface PushedRefreshes {

    /**
     * Runs {@code refresh} as the session's signed-in member, and returns true, only if the
     * session still stands (not signed out everywhere, not too old) and its membership is exactly
     * what the database holds. Otherwise runs nothing and returns false: the refresh then goes
     * through an ordinary request, whose filters end the session or bring its role up to date
     * before anything is shown.
     *
     * <p>The checks read the database at or after {@code askedAtNanos} ({@link System#nanoTime()}
     * when the refresh was asked for): screens of the same member refreshed by one change may share
     * one read made after the change was announced.
     */
    boolean runAsUnchangedMember(WrappedSession session, long askedAtNanos, Runnable refresh);
}
