package app.cadence.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.service.OrganisationSettings;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A logo belongs to one organisation: the ADMIN of another can neither see it nor, by uploading
 * or removing their own, replace or delete it. The table's key is the tenant, so a missing
 * tenant predicate would show up here as one tenant's write landing on the other's row.
 */
@IntegrationTest
class TenantLogoIsolationTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired OrganisationSettings settings;

    Member acmeAdmin;
    Member globexAdmin;
    byte[] acmeLogo;

    @BeforeEach
    void acmeHasALogo() {
        acmeAdmin = fixtures.member(fixtures.tenant("Acme"), Role.ADMIN);
        globexAdmin = fixtures.member(fixtures.tenant("Globex"), Role.ADMIN);
        acmeLogo = LogoImages.png(100, 30);
        as(acmeAdmin, () -> settings.replaceLogo(acmeLogo));
    }

    @Test
    void anotherTenantDoesNotSeeTheLogo() {
        assertThat(as(globexAdmin, () -> settings.logo())).isEmpty();
        assertThat(as(globexAdmin, settings::branding).logo()).isNull();
        assertThat(as(globexAdmin, settings::load).logo()).isNull();
    }

    @Test
    void anotherTenantsUploadAndRemovalLeaveTheLogoAlone() {
        byte[] globexLogo = LogoImages.jpeg(50, 50);
        as(globexAdmin, () -> settings.replaceLogo(globexLogo));

        assertThat(as(acmeAdmin, () -> settings.logo()).orElseThrow().bytes()).isEqualTo(acmeLogo);
        assertThat(as(globexAdmin, () -> settings.logo()).orElseThrow().bytes()).isEqualTo(globexLogo);

        as(globexAdmin, () -> {
            settings.removeLogo();
            return null;
        });

        assertThat(as(globexAdmin, () -> settings.logo())).isEmpty();
        assertThat(as(acmeAdmin, () -> settings.logo()).orElseThrow().bytes()).isEqualTo(acmeLogo);
        assertThat(as(acmeAdmin, () -> settings.logo()).orElseThrow().contentType()).isEqualTo("image/png");
    }

    private <T> T as(Member member, Supplier<T> work) {
        return scope.call(member.userId(), member.tenantId(), work);
    }
}
