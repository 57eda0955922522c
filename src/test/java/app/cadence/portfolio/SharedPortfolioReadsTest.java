package app.cadence.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.domain.PortfolioRow;
import app.cadence.portfolio.service.PortfolioService;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

/**
 * Portfolios refreshing for the same changes share their reads (C11): a refresh still shows every
 * change it was announced, and no tenant ever gets another's portfolio. Runs on H2 and (with
 * -Pmariadb) on MariaDB.
 */
@IntegrationTest
class SharedPortfolioReadsTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired PortfolioService portfolio;

    @Test
    void aRefreshForAChangeShowsItEvenRightAfterAnotherScreenReadThePortfolio() {
        Tenant tenant = fixtures.tenant("Shared reads");
        Member pmo = fixtures.member(tenant, Role.PMO);
        Member pm = fixtures.member(tenant, Role.PM);
        fixtures.project(pm, "ONE-1", "First");

        long heard = System.nanoTime();
        List<PortfolioRow> first = as(pmo, () -> page(heard));
        long count = as(pmo, () -> portfolio.count(PortfolioFilter.none(), heard));
        assertThat(as(pmo, () -> page(heard))).as("a second screen refreshing for the same change takes the same read").isSameAs(first);
        assertThat(as(pmo, () -> portfolio.tiles(heard))).isSameAs(as(pmo, () -> portfolio.tiles(heard)));

        fixtures.project(pm, "TWO-2", "Second");
        long heardOfTheSecond = System.nanoTime();
        assertThat(as(pmo, () -> page(heardOfTheSecond))).extracting(PortfolioRow::key).containsExactlyInAnyOrder("ONE-1", "TWO-2");
        assertThat(as(pmo, () -> portfolio.count(PortfolioFilter.none(), heardOfTheSecond))).isEqualTo(count + 1);
        assertThat(as(pmo, () -> portfolio.tiles(heardOfTheSecond)).projectsByHealth().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(2);
    }

    @Test
    void theSamePageOfAnotherTenantIsNeverShared() {
        Tenant acmeTenant = fixtures.tenant("Acme shared");
        Tenant globexTenant = fixtures.tenant("Globex shared");
        Member acme = fixtures.member(acmeTenant, Role.PMO);
        Member globex = fixtures.member(globexTenant, Role.PMO);
        fixtures.project(fixtures.member(acmeTenant, Role.PM), "ACME-1", "Acme's");
        fixtures.project(fixtures.member(globexTenant, Role.PM), "GLOBEX-1", "Globex's");

        long heard = System.nanoTime();
        assertThat(as(acme, () -> page(heard))).extracting(PortfolioRow::key).containsExactly("ACME-1");
        assertThat(as(globex, () -> page(heard))).extracting(PortfolioRow::key).containsExactly("GLOBEX-1");
        assertThat(as(globex, () -> portfolio.count(PortfolioFilter.none(), heard))).isEqualTo(1);
        assertThat(as(globex, () -> portfolio.tiles(heard)).projectsByHealth().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
    }

    List<PortfolioRow> page(long heard) {
        return portfolio.rows(PortfolioFilter.none(), Sort.by("key"), 0, 50, heard);
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }
}
