package app.cadence.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.service.PortfolioCommentaries;
import app.cadence.portfolio.service.PortfolioCommentaries.Commentary;
import app.cadence.portfolio.service.PortfolioStatusPack;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.PdfText;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.io.ByteArrayOutputStream;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

/** The PMO's commentary: written by ADMIN and PMO, read by all, at the top of the status pack, one per organisation. */
@IntegrationTest
class PortfolioCommentaryTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired PortfolioCommentaries commentaries;
    @Autowired PortfolioStatusPack pack;

    Tenant tenant;
    Member pmo;
    Member admin;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Commentary");
        pmo = fixtures.member(tenant, Role.PMO);
        admin = fixtures.member(tenant, Role.ADMIN);
        fixtures.project(fixtures.member(tenant, Role.PM), "PACK-1", "Packed project");
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    String pack(Member member) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        scope.run(member.userId(), member.tenantId(), () -> pack.write(PortfolioFilter.none(), Sort.by("key"), out));
        return PdfText.of(out.toByteArray());
    }

    @Test
    void thePmoWritesItEveryoneReadsItAndThePackOpensWithIt() {
        assertThat(as(pmo, () -> commentaries.current()).written()).isFalse();
        assertThat(pack(pmo)).doesNotContain("PMO commentary");
        Commentary saved = as(pmo, () -> commentaries.save("**Two projects at risk.**\n\n- ERP data load slips a week\n- CRM wave 2 on track",
                PortfolioCommentaries.NONE));
        assertThat(saved.updatedBy()).isEqualTo(pmo.name());

        for (Role role : Role.values()) {
            Member reader = fixtures.member(tenant, role);
            assertThat(as(reader, () -> commentaries.current()).text()).startsWith("**Two projects at risk.**");
            boolean writes = role == Role.ADMIN || role == Role.PMO;
            assertThat(as(reader, () -> commentaries.mayEdit())).as(role.name()).isEqualTo(writes);
            if (!writes) {
                long version = saved.version();
                assertThatThrownBy(() -> as(reader, () -> commentaries.save("Mine", version))).isInstanceOf(AccessDeniedException.class);
            }
        }
        String text = pack(fixtures.member(tenant, Role.VIEWER));
        assertThat(text).contains("PMO commentary").contains("Two projects at risk.").contains("ERP data load slips a week");
        assertThat(text.indexOf("PMO commentary")).isLessThan(text.indexOf("Packed project"));
    }

    @Test
    void aSaveOverSomeoneElsesIsRefusedNamingThem() {
        Commentary first = as(pmo, () -> commentaries.save("First", PortfolioCommentaries.NONE));
        as(admin, () -> commentaries.save("Second", first.version()));
        assertThatThrownBy(() -> as(pmo, () -> commentaries.save("Third", first.version())))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining(admin.name());
        assertThatThrownBy(() -> as(pmo, () -> commentaries.save("Fourth", PortfolioCommentaries.NONE)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(as(pmo, () -> commentaries.current()).text()).isEqualTo("Second");
    }

    @Test
    void anotherOrganisationNeitherReadsNorChangesIt() {
        Commentary ours = as(pmo, () -> commentaries.save("Ours, confidential", PortfolioCommentaries.NONE));
        Member intruder = fixtures.member(fixtures.tenant("Commentary intruder"), Role.ADMIN);
        assertThat(as(intruder, () -> commentaries.current()).written()).isFalse();
        assertThat(pack(intruder)).doesNotContain("Ours, confidential");
        // Their save with our version writes their own organisation's commentary, never ours.
        assertThatThrownBy(() -> as(intruder, () -> commentaries.save("Theirs", ours.version()))).isInstanceOf(RuntimeException.class);
        as(intruder, () -> commentaries.save("Theirs", PortfolioCommentaries.NONE));
        assertThat(as(pmo, () -> commentaries.current()).text()).isEqualTo("Ours, confidential");
        assertThat(as(intruder, () -> commentaries.current()).text()).isEqualTo("Theirs");
    }
}
