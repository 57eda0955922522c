package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.audit.service.AuditTrail;
import app.cadence.audit.service.AuditTrail.HistoryFilter;
import app.cadence.work.domain.Anchors;
import app.cadence.project.domain.Health;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.ItemWork;
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
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
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
        acmeVersion = as(acmePm, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(acmeTemplate)).findFirst()
                .orElseThrow().latest().id());
        acmeInstance = as(acmePm, () -> applying.instantiate(new InstantiationRequest(acmeProject, acmeTemplate, acmeVersion, "Live",
                Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)))));
        acmeItem = as(acmePm, () -> reading.details(acmeInstance)).items().getFirst();
        as(acmePm, () -> itemWork.update(ItemUpdate.from(acmeItem).withStatus(ItemStatus.IN_PROGRESS, null)));
    }

    @Test
    void anotherTenantsInstanceAndItemsCannotBeRead() {
        assertThatThrownBy(() -> as(globexPm, () -> reading.details(acmeInstance))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPm, () -> reading.item(acmeItem.id()))).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(globexPm, () -> reading.instancesOf(acmeProject))).isEmpty();
        assertThat(as(globexPm, () -> reading.myWork(0, 100))).isEmpty();
        assertThatThrownBy(() -> as(globexPm, () -> health.health(acmeProject))).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(globexPm, () -> audit.projectHistory(acmeProject, HistoryFilter.none(), 0, 100))).isEmpty();
        assertThat(as(globexPm, () -> audit.countProjectHistory(acmeProject, HistoryFilter.none()))).isZero();
        assertThat(as(globexPm, () -> applying.applicableTemplates())).noneMatch(t -> t.id().equals(acmeTemplate));
        assertThatThrownBy(() -> as(globexPm, () -> applying.preview(acmeTemplate, acmeVersion, Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)))))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void anotherTenantsInstanceAndItemsCannotBeChanged() {
        ItemView current = as(acmePm, () -> reading.item(acmeItem.id()));
        assertThatThrownBy(() -> as(globexPm, () -> itemWork.update(ItemUpdate.from(current).withStatus(ItemStatus.DONE, null))))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPm, () -> itemWork.bulkStatus(acmeInstance, List.of(new ItemRef(current.id(), current.version())),
                ItemStatus.DONE, null))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPm, () -> {
            applying.delete(acmeInstance, 0);
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPm, () -> {
            health.override(acmeProject, 0, Health.RED, "Not mine");
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        // Neither their project with our template, nor our project with their (any) template.
        assertThatThrownBy(() -> as(globexPm, () -> applying.instantiate(new InstantiationRequest(globexProject, acmeTemplate, acmeVersion,
                "Stolen", Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)))))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPm, () -> applying.instantiate(new InstantiationRequest(acmeProject, acmeTemplate, acmeVersion,
                "Planted", Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)))))).isInstanceOf(RecordNotFoundException.class);
        // A bulk change in our own instance cannot reach into theirs by item id either.
        assertThatThrownBy(() -> as(acmePm, () -> itemWork.bulkStatus(acmeInstance, List.of(new ItemRef(-5L, 0)), ItemStatus.DONE, null)))
                .isInstanceOf(RecordNotFoundException.class);

        ItemView after = as(acmePm, () -> reading.item(acmeItem.id()));
        assertThat(after.status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(after.version()).isEqualTo(current.version());
        assertThat(as(acmePm, () -> reading.instancesOf(acmeProject))).hasSize(1);
        assertThat(as(acmePm, () -> health.health(acmeProject)).overridden()).isFalse();
    }
}
