package app.cadence.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.audit.service.SecurityLog.Entry;
import app.cadence.audit.ui.SecurityLogView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class SecurityLogViewTest extends KaribuTest {

    @Autowired SecurityLog securityLog;
    @Autowired TransactionTemplate transactions;
    @Autowired TestClock clock;
    @Autowired TenantProvisioning provisioning;

    @Test
    void theAdminSeesTheOrganisationsEventsNewestFirstInItsTimeZone() {
        Tenant tenant = fixtures.tenant("Logged");
        provisioning.changeTimeZone(tenant.id(), ZoneId.of("America/New_York"));
        Member admin = fixtures.member(tenant, Role.ADMIN);
        Tenant other = fixtures.tenant("Elsewhere");
        record(SecurityEventType.SIGN_IN_FAILED, null, "stranger@example.com");
        record(SecurityEventType.SIGNED_IN, tenant.id(), "first@logged.test");
        clock.advance(Duration.ofMinutes(3));
        record(SecurityEventType.PASSWORD_CHANGED, tenant.id(), "second@logged.test");
        record(SecurityEventType.SIGNED_IN, other.id(), "other@elsewhere.test");
        login(admin.authentication());

        navigate("admin/security-log");

        assertThat(currentView()).isInstanceOf(SecurityLogView.class);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(app.cadence.shell.SideNavigation.class).labels()).contains("Security log");
        @SuppressWarnings("unchecked")
        Grid<Entry> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).actor()).isEqualTo("second@logged.test");
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Password changed", "second@logged.test", "detail of PASSWORD_CHANGED");
        // In New York's offset (winter or summer: other tests move the shared clock), not UTC's.
        assertThat(GridKt._getFormattedRow(grid, 0).getFirst()).matches("\\d+ \\w+ \\d{4}, \\d\\d:\\d\\d GMT-0[45]:00");
        assertThat(GridKt._get(grid, 1).type()).isEqualTo(SecurityEventType.SIGNED_IN);
    }

    @Test
    void aNewOrganisationSeesAnEmptyStateAndOnlyAdminsGetIn() {
        Tenant tenant = fixtures.tenant("Quiet");
        login(fixtures.member(tenant, Role.ADMIN).authentication());
        navigate("admin/security-log");
        @SuppressWarnings("unchecked")
        Grid<Entry> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isZero();
        assertThat(((Paragraph) grid.getEmptyStateComponent()).getText()).startsWith("No security events yet");
    }

    @Test
    void aFailedSignInOnAConsultantsAccountShowsInEachOrganisationWithoutWhereItCameFrom() {
        Tenant client = fixtures.tenant("Client");
        Member consultant = fixtures.member(client, Role.PM);
        fixtures.join(consultant, fixtures.tenant("Other client"), Role.PM);
        fromAddress("203.0.113.7", () -> record(SecurityEventType.SIGN_IN_FAILED, null, consultant.email()));
        fromAddress("198.51.100.4", () -> record(SecurityEventType.ROLE_CHANGED, client.id(), "admin@client.test"));

        login(fixtures.member(client, Role.ADMIN).authentication());
        navigate("admin/security-log");

        @SuppressWarnings("unchecked")
        Grid<Entry> grid = _get(Grid.class);
        List<Entry> rows = GridKt._fetch(grid, 0, 10);
        assertThat(rows).filteredOn(e -> e.type() == SecurityEventType.SIGN_IN_FAILED).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(consultant.email()))
                .satisfies(e -> assertThat(e.remoteAddress()).as("address of a sign-in that belongs to no organisation").isNull());
        assertThat(rows).filteredOn(e -> e.type() == SecurityEventType.ROLE_CHANGED).singleElement()
                .satisfies(e -> assertThat(e.remoteAddress()).as("address of the organisation's own event").isEqualTo("198.51.100.4"));
        assertThat(GridKt._getFormattedRow(grid, rows.indexOf(rows.stream()
                .filter(e -> e.type() == SecurityEventType.SIGN_IN_FAILED).findFirst().orElseThrow()))).doesNotContain("203.0.113.7");
    }

    private static void fromAddress(String address, Runnable work) {
        org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setRemoteAddr(address);
        var previous = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(request));
        try {
            work.run();
        } finally {
            org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(previous);
        }
    }

    private void record(SecurityEventType type, Long tenantId, String actor) {
        transactions.executeWithoutResult(s -> securityLog.record(type, tenantId, actor, null, "detail of " + type.name()));
    }
}
