package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.audit.service.AuditTrail;
import app.cadence.audit.service.AuditTrail.HistoryFilter;
import app.cadence.work.domain.Anchors;
import app.cadence.project.domain.Health;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceService;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.project.service.ProjectHealthService;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Another tenant's instances, items, health and audit entries cannot be read or changed by id. */
@IntegrationTest
class InstanceIsolationTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired InstanceService instances;
    @Autowired ProjectHealthService health;
    @Autowired AuditTrail audit;

    Member acmePm;
    Member globexPm;
    Long acmeProject;
    Long acmeTemplate;
    Long acmeVersion;
    Long acmeInstance;
    ItemView acmeItem;
    Long globexProject;

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    @BeforeEach
    void setUp() {
        Tenant acme = fixtures.tenant("Acme");
        Tenant globex = fixtures.tenant("Globex");
        Member acmePmo = fixtures.member(acme, Role.PMO);
        acmePm = fixtures.member(acme, Role.PM);
        globexPm = fixtures.member(globex, Role.PM);
        acmeProject = fixtures.project(acmePm, "ERP-01", "ERP");
        globexProject = fixtures.project(globexPm, "GLX-01", "Globex ERP");
        acmeTemplate = fixtures.publishedTemplate(acmePmo, "Runbook", SampleTemplates.runbook());
        acmeVersion = as(acmePm, () -> instances.applicableTemplates().stream().filter(t -> t.id().equals(acmeTemplate)).findFirst()
                .orElseThrow().latest().id());
        acmeInstance = as(acmePm, () -> instances.instantiate(new InstantiationRequest(acmeProject, acmeTemplate, acmeVersion, "Live",
                Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)))));
        acmeItem = as(acmePm, () -> instances.details(acmeInstance)).items().getFirst();
        as(acmePm, () -> instances.update(ItemUpdate.from(acmeItem).withStatus(ItemStatus.IN_PROGRESS, null)));
    }

    @Test
    void anotherTenantsInstanceAndItemsCannotBeRead() {
        assertThatThrownBy(() -> as(globexPm, () -> instances.details(acmeInstance))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPm, () -> instances.item(acmeItem.id()))).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(globexPm, () -> instances.instancesOf(acmeProject))).isEmpty();
        assertThat(as(globexPm, () -> instances.myWork(0, 100))).isEmpty();
        assertThatThrownBy(() -> as(globexPm, () -> health.health(acmeProject))).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(globexPm, () -> audit.projectHistory(acmeProject, HistoryFilter.none(), 0, 100))).isEmpty();
        assertThat(as(globexPm, () -> audit.countProjectHistory(acmeProject, HistoryFilter.none()))).isZero();
        assertThat(as(globexPm, () -> instances.applicableTemplates())).noneMatch(t -> t.id().equals(acmeTemplate));
        assertThatThrownBy(() -> as(globexPm, () -> instances.preview(acmeTemplate, acmeVersion, Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)))))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void anotherTenantsInstanceAndItemsCannotBeChanged() {
        ItemView current = as(acmePm, () -> instances.item(acmeItem.id()));
        assertThatThrownBy(() -> as(globexPm, () -> instances.update(ItemUpdate.from(current).withStatus(ItemStatus.DONE, null))))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPm, () -> instances.bulkStatus(acmeInstance, List.of(new ItemRef(current.id(), current.version())),
                ItemStatus.DONE, null))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPm, () -> {
            instances.delete(acmeInstance, 0);
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPm, () -> {
            health.override(acmeProject, 0, Health.RED, "Not mine");
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        // Neither their project with our template, nor our project with their (any) template.
        assertThatThrownBy(() -> as(globexPm, () -> instances.instantiate(new InstantiationRequest(globexProject, acmeTemplate, acmeVersion,
                "Stolen", Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)))))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPm, () -> instances.instantiate(new InstantiationRequest(acmeProject, acmeTemplate, acmeVersion,
                "Planted", Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)))))).isInstanceOf(RecordNotFoundException.class);
        // A bulk change in our own instance cannot reach into theirs by item id either.
        assertThatThrownBy(() -> as(acmePm, () -> instances.bulkStatus(acmeInstance, List.of(new ItemRef(-5L, 0)), ItemStatus.DONE, null)))
                .isInstanceOf(RecordNotFoundException.class);

        ItemView after = as(acmePm, () -> instances.item(acmeItem.id()));
        assertThat(after.status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(after.version()).isEqualTo(current.version());
        assertThat(as(acmePm, () -> instances.instancesOf(acmeProject))).hasSize(1);
        assertThat(as(acmePm, () -> health.health(acmeProject)).overridden()).isFalse();
    }
}
