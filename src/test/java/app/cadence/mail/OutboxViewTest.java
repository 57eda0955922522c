package app.cadence.mail;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.mail.domain.DeliveryStatus;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.service.Email;
import app.cadence.mail.service.Outbox;
import app.cadence.mail.service.OutboxEntry;
import app.cadence.mail.ui.OutboxView;
import app.cadence.shell.AccessDeniedView;
import app.cadence.shell.NotFoundView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxViewTest extends KaribuTest {

    @Autowired Outbox outbox;
    @Autowired TenantScope scope;
    @Autowired TransactionTemplate transactions;
    @Autowired TestClock clock;

    Tenant tenant;
    Member admin;

    @BeforeEach
    void signInAsAdmin() {
        tenant = fixtures.tenant("Mailroom");
        admin = fixtures.member(tenant, Role.ADMIN);
        login(admin.authentication());
    }

    @Test
    void withoutSmtpTheAdminSeesWaitingMailNewestFirstAndItsLink() {
        enqueue("ann@mailroom.test", "You are invited", "https://cadence.test/invite/ann");
        clock.advance(Duration.ofMinutes(5));
        enqueue("bob@mailroom.test", "You are invited too", "https://cadence.test/invite/bob");

        navigate("admin/outbox");

        assertThat(currentView()).isInstanceOf(OutboxView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("outbox-notice")).getText()).startsWith("No mail server is configured");
        @SuppressWarnings("unchecked")
        Grid<OutboxEntry> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).recipient()).isEqualTo("bob@mailroom.test");
        assertThat(GridKt._get(grid, 0).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Invitation", "bob@mailroom.test", "You are invited too", "0")
                .first().asString().contains("Waiting to be sent");

        // Row 1 is Ann's (older); its cell holds the copy and show buttons.
        Component actions = GridKt._getCellComponent(grid, 1, "actions");
        assertThat(_find(actions, Button.class, spec -> spec.withText("Copy link"))).hasSize(1);
        Button show = _find(actions, Button.class).stream()
                .filter(b -> b.getAriaLabel().filter("Show the link of the email to ann@mailroom.test"::equals).isPresent())
                .findFirst().orElseThrow();
        _click(show);

        TextField link = _get(_get(Dialog.class), TextField.class, spec -> spec.withLabel("Link"));
        assertThat(link.getValue()).isEqualTo("https://cadence.test/invite/ann");
        assertThat(link.isReadOnly()).isTrue();
    }

    @Test
    void anEmptyOutboxSaysSo() {
        navigate("admin/outbox");
        @SuppressWarnings("unchecked")
        Grid<OutboxEntry> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isZero();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("empty-state")).getText()).startsWith("No emails yet.");
    }

    @Test
    void otherRolesCannotOpenIt() {
        login(fixtures.member(tenant, Role.PMO).authentication());
        navigate("admin/outbox");
        assertThat(currentView()).isInstanceOfAny(NotFoundView.class, AccessDeniedView.class);
    }

    private void enqueue(String to, String subject, String link) {
        scope.call(admin.userId(), admin.tenantId(), () -> transactions.execute(s -> outbox.enqueue(
                new Email(EmailKind.INVITATION, to, subject, "Accept: " + link, link))));
    }
}
