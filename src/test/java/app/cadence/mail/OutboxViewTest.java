package app.cadence.mail;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.service.InvitationAcceptance;
import app.cadence.admin.service.MemberAdministration;
import app.cadence.admin.service.MemberViews.InvitationRow;
import app.cadence.mail.domain.DeliveryStatus;
import app.cadence.mail.domain.OutboxMessageRepository;
import app.cadence.mail.service.Outbox;
import app.cadence.mail.service.OutboxEntry;
import app.cadence.mail.ui.OutboxView;
import app.cadence.shell.AccessDeniedView;
import app.cadence.shell.NotFoundView;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.Mailbox;
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
    @Autowired MemberAdministration administration;
    @Autowired InvitationAcceptance acceptance;
    @Autowired OutboxMessageRepository messages;
    @Autowired Mailbox mailbox;

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
        String ann = Fixtures.unique("ann") + "@mailroom.test";
        String bob = Fixtures.unique("bob") + "@mailroom.test";
        invite(ann);
        clock.advance(Duration.ofMinutes(5));
        invite(bob);

        navigate("admin/outbox");

        assertThat(currentView()).isInstanceOf(OutboxView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("outbox-notice")).getText()).startsWith("No mail server is configured");
        Grid<OutboxEntry> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).recipient()).isEqualTo(bob);
        assertThat(GridKt._get(grid, 0).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Invitation", bob, "You are invited to " + tenant.name() + " on Cadence", "0")
                .first().asString().contains("Waiting to be sent");

        // Row 1 is Ann's (older); its cell holds the copy and show buttons.
        Component actions = GridKt._getCellComponent(grid, 1, "actions");
        assertThat(_find(actions, Button.class, spec -> spec.withText("Copy link"))).hasSize(1);
        Button show = _find(actions, Button.class).stream()
                .filter(b -> b.getAriaLabel().filter(("Show the link of the email to " + ann)::equals).isPresent())
                .findFirst().orElseThrow();
        _click(show);

        TextField link = _get(_get(Dialog.class), TextField.class, spec -> spec.withLabel("Link"));
        // The link without the code: it lets an existing account join, but creates no account (audit finding 7).
        Mailbox.Mail mail = mailbox.last(ann);
        assertThat(link.getValue()).isEqualTo(mail.link()).endsWith("/invitation/" + mail.token()).doesNotContain(mail.code());
        assertThat(link.isReadOnly()).isTrue();
        assertThat(_get(_get(Dialog.class), Paragraph.class).getText()).contains("also need the code from the email");
    }

    /** Audit finding 2: a link shows only while it works; used, withdrawn, sent or expired, it is gone. */
    @Test
    void aLinkShowsOnlyWhileItCanStillBeUsed() {
        String accepted = Fixtures.unique("accepted") + "@mailroom.test";
        String revoked = Fixtures.unique("revoked") + "@mailroom.test";
        String sent = Fixtures.unique("sent") + "@mailroom.test";
        String waiting = Fixtures.unique("waiting") + "@mailroom.test";
        invite(accepted);
        Long revokedId = invite(revoked).id();
        invite(sent);
        invite(waiting);

        Mailbox.Mail acceptedMail = mailbox.last(accepted);
        acceptance.acceptAsNewUser(acceptedMail.token(), acceptedMail.code(), "Ann Accepted", "a long enough pass phrase");
        scope.run(admin.userId(), admin.tenantId(), () -> administration.revoke(revokedId));
        Long sentId = mailbox.last(sent).id();
        transactions.executeWithoutResult(s -> messages.findById(sentId).orElseThrow().sent(clock.instant()));

        navigate("admin/outbox");
        assertThat(recipientsWithALink()).containsExactly(waiting);

        clock.advance(Duration.ofDays(8));
        try {
            navigate("admin/outbox");
            assertThat(recipientsWithALink()).as("expired").isEmpty();
        } finally {
            clock.advance(Duration.ofDays(-8));
        }
    }

    private java.util.List<String> recipientsWithALink() {
        Grid<OutboxEntry> grid = grid();
        return java.util.stream.IntStream.range(0, GridKt._size(grid))
                .filter(row -> !_find(GridKt._getCellComponent(grid, row, "actions"), Button.class, spec -> spec.withText("Copy link")).isEmpty())
                .mapToObj(row -> GridKt._get(grid, row).recipient())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Grid<OutboxEntry> grid() {
        return _get(Grid.class);
    }

    @Test
    void anEmptyOutboxSaysSo() {
        navigate("admin/outbox");
        assertThat(GridKt._size(grid())).isZero();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("empty-state")).getText()).startsWith("No emails yet.");
    }

    @Test
    void otherRolesCannotOpenIt() {
        login(fixtures.member(tenant, Role.PMO).authentication());
        navigate("admin/outbox");
        assertThat(currentView()).isInstanceOfAny(NotFoundView.class, AccessDeniedView.class);
    }

    private InvitationRow invite(String to) {
        return scope.call(admin.userId(), admin.tenantId(), () -> administration.invite(to, Role.PM));
    }
}
