package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.Eventually;
import app.cadence.support.Fixtures;
import app.cadence.support.IntegrationTest;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.Filter;
import app.cadence.tenancy.events.TenantCreated;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The template module reacts to the tenancy module's {@link TenantCreated} after the commit:
 * the new organisation gets the starter library once, however often the event is delivered, and
 * the publication registry holds nothing outstanding once it is done.
 */
@IntegrationTest
class StarterLibraryOnTenantCreatedTest {

    @Autowired TenantProvisioning provisioning;
    @Autowired TenantScope scope;
    @Autowired TemplateLibrary templates;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anOrganisationOpenedForItsPeopleGetsTheStarterLibraryOnceAndNothingStaysOutstanding() {
        Long tenantId = provisioning.createTenantNamed(Fixtures.unique("Umbrella"));

        // The registry wrote the publication with the commit and removes it once the listener is done.
        Eventually.until("the publication to be completed", this::outstandingInstallations, n -> n == 0);
        long installed = count(tenantId);
        assertThat(installed).as("the starter library").isGreaterThanOrEqualTo(5);

        // Delivered again (as a restart republishes an incomplete publication): nothing is added.
        long recorded = transactions.execute(s -> {
            events.publishEvent(new TenantCreated(tenantId, "Umbrella again"));
            // Written by the registry in the publishing transaction, before any listener runs.
            return outstandingInstallations();
        });
        assertThat(recorded).as("publications recorded with the change").isOne();
        Eventually.until("the second delivery to be completed", this::outstandingInstallations, n -> n == 0);
        assertThat(count(tenantId)).isEqualTo(installed);
    }

    private long count(Long tenantId) {
        return scope.callAsSystem(tenantId, () -> templates.count(Filter.all()));
    }

    private long outstandingInstallations() {
        return jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where COMPLETION_DATE is null and LISTENER_ID like ?",
                Long.class, "%StarterLibraryInstaller%");
    }
}
