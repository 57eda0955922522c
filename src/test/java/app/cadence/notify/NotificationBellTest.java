package app.cadence.notify;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.notify.ui.NotificationBell;
import app.cadence.notify.ui.NotificationsView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.ui.MyWorkView;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.internal.CurrentInstance;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.IntNode;

/**
 * The bell in the header: the unread count as a badge and in the button's label, updated while the
 * page is open when a notice arrives for the signed-in person (sent by someone else, in their own
 * request on another thread), and the list it opens. The browser's side of a live refresh is played
 * by {@link #browserAnswers()}, as in ScreensFollowChangesTest.
 */
class NotificationBellTest extends KaribuTest {

    @Autowired Notifications notifications;
    @Autowired TenantScope scope;
    @Autowired TransactionTemplate transactions;

    Tenant tenant;
    Member pm;
    Member dev;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Bell");
        pm = fixtures.member(tenant, Role.PM);
        dev = fixtures.member(tenant, Role.CONTRIBUTOR);
    }

    /** Another person's request: another thread, no UI of this test's session. */
    void sendElsewhere(Member from, NotificationRequest request) {
        CompletableFuture.runAsync(() -> {
            CurrentInstance.clearAll();
            scope.call(from.userId(), from.tenantId(), () -> transactions.execute(s -> notifications.send(request)));
        }).join();
    }

    static void browserAnswers() {
        MockVaadin.runUIQueue();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(call -> call.isSubscribed()).forEach(call -> call.complete(IntNode.valueOf(0)));
    }

    static void awaitScreen(BooleanSupplier shows) {
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            browserAnswers();
            return shows.getAsBoolean();
        });
    }

    static Button bellButton() {
        return _get(Button.class, spec -> spec.withClasses("notification-bell-button"));
    }

    /** The badge, visible or not (Karibu's lookups find visible components only). */
    static Span badge() {
        return _get(NotificationBell.class).getChildren().filter(c -> c instanceof Span s && s.hasClassName("notification-badge"))
                .map(Span.class::cast).findFirst().orElseThrow();
    }

    static String label() {
        return bellButton().getElement().getAttribute("aria-label");
    }

    static NotificationRequest stepReady(Member to, String title) {
        return NotificationRequest.to(to.userId(), NotificationKind.STEP_READY, title).withBody("ERP-01 · Live run")
                .withLink("/my-work");
    }

    @Test
    void theCountShowsAndFollowsNoticesThatArriveWhileThePageIsOpen() {
        login(dev.authentication());
        navigate("projects");
        assertThat(badge().isVisible()).isFalse();
        assertThat(label()).isEqualTo("Notifications, none unread");

        sendElsewhere(pm, stepReady(dev, "“Load data” is ready"));
        awaitScreen(() -> badge().isVisible() && badge().getText().equals("1"));
        assertThat(label()).isEqualTo("Notifications, 1 unread");

        sendElsewhere(pm, stepReady(dev, "“Switch DNS” is ready"));
        awaitScreen(() -> badge().getText().equals("2"));
    }

    @Test
    void anotherPersonsNoticeLeavesTheCountAlone() {
        Member viewer = fixtures.member(tenant, Role.VIEWER);
        login(dev.authentication());
        navigate("projects");

        sendElsewhere(pm, stepReady(viewer, "For the viewer"));
        sendElsewhere(pm, stepReady(dev, "For the developer"));
        // Delivered in commit order: had the viewer's notice counted, the badge would say 2.
        awaitScreen(() -> badge().getText().equals("1"));
        browserAnswers();
        assertThat(badge().getText()).isEqualTo("1");
    }

    @Test
    void theListShowsTheLatestUnreadInBoldAndOpeningOneMarksItReadAndGoesToItsPage() {
        sendElsewhere(pm, stepReady(dev, "“Load data” is ready"));
        login(dev.authentication());
        navigate("projects");
        assertThat(badge().getText()).isEqualTo("1");

        _click(bellButton());
        assertThat(_get(Popover.class).isOpened()).isTrue();
        Div entry = _get(Div.class, spec -> spec.withClasses("notification-entry"));
        assertThat(entry.hasClassName("unread")).isTrue();
        assertThat(entry.getElement().getTextRecursively()).contains("ERP-01 · Live run").contains("Step ready · just now");

        _click(_get(Button.class, spec -> spec.withText("“Load data” is ready")));

        assertThat(currentView()).isInstanceOf(MyWorkView.class);
        assertThat(badge().isVisible()).isFalse();
        assertThat(label()).isEqualTo("Notifications, none unread");
    }

    @Test
    void anEmptyListSaysSoAndMarkAllAsReadClearsTheCount() {
        login(dev.authentication());
        navigate("projects");
        _click(bellButton());
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("notification-empty")).getText()).isEqualTo("No notifications yet.");
        assertThat(_get(Button.class, spec -> spec.withText("Mark all as read")).isEnabled()).isFalse();
        _get(Popover.class).close();

        sendElsewhere(pm, stepReady(dev, "One"));
        sendElsewhere(pm, stepReady(dev, "Two"));
        awaitScreen(() -> badge().getText().equals("2"));
        _click(bellButton());
        _click(_get(Button.class, spec -> spec.withText("Mark all as read")));

        assertThat(badge().isVisible()).isFalse();
        assertThat(_find(Div.class, spec -> spec.withClasses("notification-entry"))).hasSize(2)
                .allSatisfy(e -> assertThat(e.hasClassName("unread")).isFalse());
    }

    @Test
    void theNotificationsPageListsThemAllAndFollowsNewOnes() {
        sendElsewhere(pm, stepReady(dev, "First"));
        login(dev.authentication());
        navigate("notifications");
        assertThat(currentView()).isInstanceOf(NotificationsView.class);
        com.vaadin.flow.component.grid.Grid<?> grid = _get(com.vaadin.flow.component.grid.Grid.class);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(1);

        sendElsewhere(pm, stepReady(dev, "Second"));
        awaitScreen(() -> com.github.mvysny.kaributesting.v10.GridKt._size(grid) == 2);
        awaitScreen(() -> badge().getText().equals("2"));
    }

    @Test
    void theBellIsInTheHeaderOfEveryRole() {
        for (Role role : Role.values()) {
            Member member = fixtures.member(tenant, role);
            login(member.authentication());
            navigate("projects");
            assertThat(_get(NotificationBell.class).isVisible()).as(role.name()).isTrue();
        }
    }
}
