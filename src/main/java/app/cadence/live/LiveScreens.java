package app.cadence.live;

import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;

/**
 * Lets a view follow the data it shows: while the view is attached it listens to its topics in
 * the session's tenant; a burst of changes becomes one refresh per {@link #DEBOUNCE}; changes the
 * same screen made are not announced back to it.
 *
 * <p>The refresh does not read data on the broadcasting thread. It runs in the screen's push
 * (on a thread of its own, under the session's lock) when {@link PushedRefreshes} confirms that
 * the session still stands and the membership is exactly what the session holds: one push with
 * the changes, and no request. Otherwise — revoked, too old, demoted, deactivated, suspended, or
 * no such check in this application — the server pushes a no-op script, and the view reloads when
 * the browser's answer arrives: an ordinary HTTP request (push runs as {@code WEBSOCKET_XHR}) that
 * passes the whole security filter chain, so a member whose rights changed since their last click
 * gets nothing pushed that they may no longer see.
 *
 * <p>The first message after a quiet {@link #DEBOUNCE} goes out at once; only what follows within
 * it waits for the rest of it. At most {@code cadence.live.parallel-refreshes} screens refresh in
 * pushes at once; messages that arrive while a screen waits its turn join the refresh it is waiting for. Each screen's push runs on a virtual thread of its own, so 50
 * screens of one runbook are not pushed one after another on one thread, and a screen whose
 * previous push is still being written (Vaadin waits for it) holds up no other screen.
 */
@org.springframework.stereotype.Component
public class LiveScreens implements DisposableBean {

    /** At most one refresh per screen in this time: a bulk edit of 100 items is one refresh. */
    public static final Duration DEBOUNCE = Duration.ofMillis(250);

    /**
     * Refreshes run inside pushes at once, at most, by default ({@code cadence.live.parallel-refreshes}).
     * One change to a run refreshes thirty screens together; each holds a database connection
     * while it reads, and the people clicking need connections from the same pool (10 by default):
     * left unbounded, a click waited behind the refreshes for a connection. Keep it below the pool.
     */
    public static final int PARALLEL_REFRESHES = 4;

    /** Enough to tell who changed what; a screen that stopped answering cannot hoard more. */
    static final int MAX_PENDING = 500;

    private static final String ORIGIN = LiveScreens.class.getName() + ".origin";

    private final LiveUpdates live;
    /** Only waits out the debounce; the pushes themselves run on {@link #pushes}. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-screens");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService pushes = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("live-screens-push-", 0).factory());

    private final @Nullable PushedRefreshes inPush;
    private final Semaphore refreshing;

    LiveScreens(LiveUpdates live, Optional<PushedRefreshes> inPush,
                @Value("${cadence.live.parallel-refreshes:" + PARALLEL_REFRESHES + "}") int parallelRefreshes,
                @Value("${cadence.live.refresh-in-push:true}") boolean refreshInPush) {
        this.live = live;
        this.inPush = refreshInPush ? inPush.orElse(null) : null;
        this.refreshing = new Semaphore(Math.max(1, parallelRefreshes));
    }

    /**
     * Follows the topics the view shows (evaluated when it attaches, and again on
     * {@link Following#refollow()}); {@code refresh} runs in a request of the view's own UI with
     * the changes made by others since the last refresh.
     */
    public Following follow(Component view, Supplier<Collection<String>> topics, Consumer<List<LiveMessage>> refresh) {
        return follow(view, topics, (changes, heardAtNanos) -> refresh.accept(changes), true);
    }

    /**
     * Like {@link #follow(Component, Supplier, Consumer)}, and tells the refresh when this node
     * heard of the newest of the changes ({@link System#nanoTime()}): any read that began after
     * that sees them all, since a change is announced only once committed. Screens that many
     * people keep open may then share one read among the refreshes for the same changes.
     */
    public Following follow(Component view, Supplier<Collection<String>> topics, Refresh refresh) {
        return follow(view, topics, refresh, true);
    }

    /**
     * Like {@link #follow}, but also hears the changes this screen made itself: for a part of the
     * page that the change did not redraw, such as the header's notification count when an action
     * on the page notifies the person who took it.
     */
    public Following followIncludingOwnChanges(Component view, Supplier<Collection<String>> topics,
                                               Consumer<List<LiveMessage>> refresh) {
        return follow(view, topics, (changes, heardAtNanos) -> refresh.accept(changes), false);
    }

    /** What a screen does with the changes made by others since its last refresh. */
    @FunctionalInterface
    public interface Refresh {

        /** @param heardAtNanos when this node heard of the newest of {@code changes} ({@link System#nanoTime()}) */
        void run(List<LiveMessage> changes, long heardAtNanos);
    }

    private Following follow(Component view, Supplier<Collection<String>> topics, Refresh refresh, boolean skipOwnChanges) {
        Following following = new Following(view, topics, refresh, skipOwnChanges);
        view.addAttachListener(e -> following.start(e.getUI()));
        view.addDetachListener(e -> following.stop());
        view.getUI().ifPresent(following::start);
        return following;
    }

    /** The screen the current request comes from, if any: messages carry it so that screen can skip its own change. */
    static @Nullable String currentOrigin() {
        UI ui = UI.getCurrent();
        return ui == null ? null : originOf(ui);
    }

    private static String originOf(UI ui) {
        Object origin = ComponentUtil.getData(ui, ORIGIN);
        if (origin instanceof String known) {
            return known;
        }
        String created = UUID.randomUUID().toString();
        ComponentUtil.setData(ui, ORIGIN, created);
        return created;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        pushes.shutdownNow();
    }

    /** One view's subscription: registered while attached, removed on detach. */
    public final class Following {

        private final Component view;
        private final Supplier<Collection<String>> topics;
        private final Refresh refresh;
        private final boolean skipOwnChanges;
        /** Changed on attach and detach only, under the session lock. */
        private final List<Registration> registrations = new ArrayList<>();
        private volatile @Nullable UI ui;
        private volatile @Nullable String origin;
        /** Guarded by {@code this}: messages since the last refresh and whether one is scheduled. */
        private final List<LiveMessage> pending = new ArrayList<>();
        private boolean scheduled;
        /** When the scheduled refresh was asked for: the first message since the last refresh. */
        private long askedAtNanos;
        /** When the newest pending message arrived. */
        private long heardAtNanos;
        private long lastRefreshNanos = System.nanoTime() - DEBOUNCE.toNanos();

        private Following(Component view, Supplier<Collection<String>> topics, Refresh refresh, boolean skipOwnChanges) {
            this.view = view;
            this.topics = topics;
            this.refresh = refresh;
            this.skipOwnChanges = skipOwnChanges;
        }

        /** The view now shows other topics (e.g. another instance): listen to those instead. */
        public void refollow() {
            UI attached = ui;
            if (attached != null) {
                start(attached);
            }
        }

        private void start(UI attachedTo) {
            stop();
            Optional<Long> tenantId = TenantContext.currentTenantId();
            if (tenantId.isEmpty()) {
                return; // no tenant selected: nothing to follow (fail closed)
            }
            Optional<Long> userId = TenantContext.currentUser().map(CadenceUser::userId);
            ui = attachedTo;
            origin = originOf(attachedTo);
            for (String topic : topics.get()) {
                String resolved = Topic.resolve(topic, userId);
                if (resolved != null) {
                    registrations.add(live.register(new Channel(tenantId.get(), resolved), this::receive));
                }
            }
        }

        private void stop() {
            registrations.forEach(Registration::remove);
            registrations.clear();
            ui = null;
            synchronized (this) {
                pending.clear();
                scheduled = false;
            }
        }

        /** On the publishing thread: only notes the message and schedules a refresh. */
        private void receive(LiveMessage message) {
            if (skipOwnChanges && message.origin() != null && message.origin().equals(origin)) {
                return; // this screen made the change and already shows it
            }
            long delayNanos;
            synchronized (this) {
                if (pending.size() >= MAX_PENDING) {
                    pending.removeFirst();
                }
                pending.add(message);
                heardAtNanos = System.nanoTime();
                if (scheduled) {
                    return;
                }
                scheduled = true;
                askedAtNanos = System.nanoTime();
                delayNanos = Math.max(0, lastRefreshNanos + DEBOUNCE.toNanos() - System.nanoTime());
            }
            try {
                if (delayNanos == 0) {
                    pushes.execute(this::askForRefresh);
                } else {
                    timer.schedule(() -> pushes.execute(this::askForRefresh), delayNanos, TimeUnit.NANOSECONDS);
                }
            } catch (RejectedExecutionException e) {
                // The application is stopping.
            }
        }

        private void askForRefresh() {
            UI target = ui;
            if (target == null) {
                synchronized (this) {
                    scheduled = false;
                }
                return;
            }
            try {
                refreshing.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the application is stopping
            }
            try {
                // Runs here when the session is free; when a request holds it, that request runs it as it ends.
                target.access(() -> {
                    // Until now messages only joined the batch: a screen that waited its turn takes them all in one refresh.
                    long askedAt;
                    synchronized (this) {
                        scheduled = false;
                        lastRefreshNanos = System.nanoTime();
                        askedAt = askedAtNanos;
                    }
                    WrappedSession session = target.getSession().getSession();
                    if (inPush == null || session == null || !inPush.runAsUnchangedMember(session, askedAt, this::refreshNow)) {
                        // A constant script: the browser's answer is the request in which the view reloads.
                        target.getPage().executeJs("return 0").then(answer -> refreshNow());
                    }
                });
            } catch (UIDetachedException e) {
                // Closed meanwhile: its detach removes the registrations.
                synchronized (this) {
                    scheduled = false;
                }
            } finally {
                refreshing.release();
            }
        }

        private void refreshNow() {
            List<LiveMessage> batch;
            long heardAt;
            synchronized (this) {
                batch = List.copyOf(pending);
                pending.clear();
                heardAt = heardAtNanos;
            }
            if (!batch.isEmpty() && view.isAttached()) {
                refresh.run(batch, heardAt);
            }
        }

        /** Whether the view listens now (for tests and diagnostics). */
        public boolean isFollowing() {
            return !registrations.isEmpty();
        }

        @Override
        public String toString() {
            return "Following " + Objects.toString(view.getClass().getSimpleName()) + " on " + registrations.size() + " channels";
        }
    }
}
