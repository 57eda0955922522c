package app.cadence.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.audit.service.AuditTrail;
import app.cadence.comms.domain.DistributionListMember.Kind;
import app.cadence.comms.domain.DistributionListMemberRepository;
import app.cadence.comms.domain.StakeholderChannel;
import app.cadence.comms.domain.StakeholderDraft;
import app.cadence.comms.domain.StakeholderEngagement;
import app.cadence.comms.domain.StakeholderLevel;
import app.cadence.comms.domain.StakeholderRepository;
import app.cadence.comms.service.DistributionLists;
import app.cadence.comms.service.StakeholderDetails;
import app.cadence.comms.service.StakeholderImportException;
import app.cadence.comms.service.Stakeholders;
import app.cadence.project.service.ProjectService;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** A project's stakeholder register: roles, checks, optimistic locking, CSV import all or nothing, export, deletion with the project; isolation. */
@IntegrationTest
class StakeholdersServiceTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired Stakeholders stakeholders;
    @Autowired DistributionLists lists;
    @Autowired ProjectService projects;
    @Autowired AuditTrail audit;
    @Autowired StakeholderRepository storedStakeholders;
    @Autowired DistributionListMemberRepository storedEntries;
    @Autowired TransactionTemplate transactions;

    Member pm;
    Member pmo;
    Member dev;
    Member viewer;
    Member foreigner;
    Long project;

    @BeforeEach
    void organisationWithAProject() {
        Fixtures.Tenant acme = fixtures.tenant("Stakeholders Acme");
        pm = fixtures.member(acme, Role.PM);
        pmo = fixtures.member(acme, Role.PMO);
        dev = fixtures.member(acme, Role.CONTRIBUTOR);
        viewer = fixtures.member(acme, Role.VIEWER);
        foreigner = fixtures.member(fixtures.tenant("Stakeholders Globex"), Role.ADMIN);
        project = fixtures.project(pm, "CRM-03", "CRM rollout");
    }

    <T> T as(Member m, Supplier<T> work) {
        return scope.call(m.userId(), m.tenantId(), work);
    }

    void as(Member m, Runnable work) {
        scope.run(m.userId(), m.tenantId(), work);
    }

    static StakeholderDraft jane() {
        return new StakeholderDraft("Jane Roe", "Jane.Roe@acme.example", "Acme", "Sponsor", StakeholderLevel.HIGH, StakeholderLevel.HIGH,
                StakeholderChannel.REPORT, "Weekly RAG");
    }

    List<String> names(Member as, String search, Sort sort) {
        return as(as, () -> stakeholders.list(project, search, sort, 0, 50)).stream().map(StakeholderDetails::name).toList();
    }

    @Test
    void aProjectManagerKeepsTheRegisterAndEveryoneReadsIt() {
        StakeholderDetails added = as(pm, () -> stakeholders.add(project, jane()));
        as(pmo, () -> stakeholders.add(project, new StakeholderDraft("Bob Ng", null, "Vendor Ltd", "Vendor contact", StakeholderLevel.LOW,
                StakeholderLevel.MEDIUM, StakeholderChannel.PHONE, null)));
        as(pm, () -> stakeholders.add(project, new StakeholderDraft("anna Berg", "anna@acme.example", "Acme", "End user representative",
                StakeholderLevel.MEDIUM, StakeholderLevel.HIGH, StakeholderChannel.EMAIL, null)));

        assertThat(names(viewer, "", Sort.unsorted())).as("by name, whatever the case").containsExactly("anna Berg", "Bob Ng", "Jane Roe");
        assertThat(names(dev, "", Sort.by(Sort.Direction.DESC, "influence"))).as("high first, by rank not by name")
                .containsExactly("Jane Roe", "anna Berg", "Bob Ng");
        assertThat(names(dev, "", Sort.by("interest"))).containsExactly("Bob Ng", "anna Berg", "Jane Roe");
        assertThat(names(dev, "VENDOR", Sort.unsorted())).as("organisation and role are searched").containsExactly("Bob Ng");
        assertThat(names(dev, "jane.roe@", Sort.unsorted())).containsExactly("Jane Roe");
        assertThat(as(viewer, () -> stakeholders.count(project, "acme"))).isEqualTo(2);

        Stakeholders.Summary summary = as(viewer, () -> stakeholders.summary(project));
        assertThat(summary.total()).isEqualTo(3);
        assertThat(summary.count(StakeholderEngagement.MANAGE_CLOSELY)).isEqualTo(1);
        assertThat(summary.count(StakeholderEngagement.KEEP_INFORMED)).isEqualTo(1);
        assertThat(summary.count(StakeholderEngagement.MONITOR)).isEqualTo(1);

        StakeholderDetails read = as(viewer, () -> stakeholders.details(added.id()));
        assertThat(read.draft()).isEqualTo(jane());
        assertThat(read.engagement()).isEqualTo(StakeholderEngagement.MANAGE_CLOSELY);
        assertThat(as(pm, () -> audit.projectHistory(project, AuditTrail.HistoryFilter.none(), 0, 50)))
                .anySatisfy(e -> assertThat(e.after()).contains("Added Jane Roe to the stakeholders of CRM-03"));
    }

    @Test
    void contributorsAndViewersCannotChangeTheRegister() {
        StakeholderDetails jane = as(pm, () -> stakeholders.add(project, jane()));
        for (Member reader : List.of(dev, viewer)) {
            assertThat(as(reader, () -> stakeholders.mayEdit())).isFalse();
            assertThatThrownBy(() -> as(reader, () -> stakeholders.add(project, StakeholderDraft.named("X")))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(reader, () -> stakeholders.update(jane.id(), jane.version(), StakeholderDraft.named("X"))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(reader, () -> stakeholders.delete(jane.id(), jane.version()))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(reader, () -> stakeholders.importCsv(project, "Name\nX\n".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(as(pm, () -> stakeholders.mayEdit())).isTrue();
        assertThat(as(viewer, () -> stakeholders.exportCsv(project)).bytes()).isNotEmpty();
        assertThat(names(pm, "", Sort.unsorted())).containsExactly("Jane Roe");
    }

    @Test
    void wrongFieldsAndATakenAddressAreNamed() {
        assertThatThrownBy(() -> as(pm, () -> stakeholders.add(project, StakeholderDraft.named(" ")))).isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field()).isEqualTo("name");
        StakeholderDraft badEmail = new StakeholderDraft("Jane", "jane@", null, null, StakeholderLevel.LOW, StakeholderLevel.LOW,
                StakeholderChannel.EMAIL, null);
        assertThatThrownBy(() -> as(pm, () -> stakeholders.add(project, badEmail))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("“jane@” is not an email address").extracting(e -> ((RuleViolationException) e).field()).isEqualTo("email");
        as(pm, () -> stakeholders.add(project, jane()));
        StakeholderDraft sameAddress = new StakeholderDraft("Janet", "JANE.ROE@ACME.EXAMPLE", null, null, StakeholderLevel.LOW,
                StakeholderLevel.LOW, StakeholderChannel.EMAIL, null);
        assertThatThrownBy(() -> as(pm, () -> stakeholders.add(project, sameAddress))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("is already in this project's register");
        Long other = fixtures.project(pm, "ERP-01", "ERP");
        assertThat(as(pm, () -> stakeholders.add(other, sameAddress)).name()).as("another project may list the same person").isEqualTo("Janet");
    }

    @Test
    void aConcurrentEditIsRefusedAndNothingIsLost() {
        StakeholderDetails jane = as(pm, () -> stakeholders.add(project, jane()));
        StakeholderDetails edited = as(pmo, () -> stakeholders.update(jane.id(), jane.version(), new StakeholderDraft("Jane Roe-Smith",
                jane.email(), "Acme", "Sponsor", StakeholderLevel.HIGH, StakeholderLevel.MEDIUM, StakeholderChannel.MEETING, null)));
        assertThat(edited.version()).isGreaterThan(jane.version());

        assertThatThrownBy(() -> as(pm, () -> stakeholders.update(jane.id(), jane.version(), StakeholderDraft.named("Stale"))))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining(pmo.name());
        assertThatThrownBy(() -> as(pm, () -> stakeholders.delete(jane.id(), jane.version()))).isInstanceOf(ConcurrentChangeException.class);
        assertThat(as(pm, () -> stakeholders.details(jane.id())).name()).isEqualTo("Jane Roe-Smith");
        assertThat(as(pm, () -> audit.projectHistory(project, AuditTrail.HistoryFilter.none(), 0, 50)))
                .anySatisfy(e -> assertThat(e.before() + "→" + e.after()).isEqualTo("High→Medium"));
    }

    @Test
    void anImportWithAnyWrongRowImportsNothingAndNamesEveryProblem() {
        as(pm, () -> stakeholders.add(project, jane()));
        String file = """
                Name,Email,Organisation,Influence
                Anna Berg,anna@acme.example,Acme,High
                Carl,carl@,Acme,Low
                ,dora@acme.example,Acme,Low
                Eve,eve@acme.example,Acme,Extreme
                """;

        assertThatThrownBy(() -> as(pm, () -> stakeholders.importCsv(project, file.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(StakeholderImportException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Nothing was imported: the file has 3 problems. Correct them and upload the file again.");
                    assertThat(e.problems()).containsExactly(
                            "Row 3, column Email: “carl@” is not an email address. Enter one like jane.roe@example.com, or leave it empty.",
                            "Row 4, column Name: Enter the stakeholder's name.",
                            "Row 5, column Influence: “Extreme” is not a level. Use Low, Medium or High.");
                });
        assertThat(names(pm, "", Sort.unsorted())).as("not even the good rows").containsExactly("Jane Roe");
    }

    @Test
    void anImportAddsNewPeopleAndUpdatesThoseWithAKnownAddress() {
        StakeholderDetails jane = as(pm, () -> stakeholders.add(project, jane()));
        String file = """
                name;email;role;influence;interest;channel
                Jane Roe;JANE.ROE@acme.example;Executive sponsor;High;Medium;Meeting
                Anna Berg;anna@acme.example;End user representative;Low;High;Email
                Site crew;;Warehouse users;;;Meeting
                """;

        Stakeholders.ImportResult result = as(pm, () -> stakeholders.importCsv(project, file.getBytes(StandardCharsets.UTF_8)));

        assertThat(result).isEqualTo(new Stakeholders.ImportResult(2, 1));
        assertThat(names(dev, "", Sort.unsorted())).containsExactly("Anna Berg", "Jane Roe", "Site crew");
        StakeholderDetails updated = as(dev, () -> stakeholders.details(jane.id()));
        assertThat(updated.role()).isEqualTo("Executive sponsor");
        assertThat(updated.channel()).isEqualTo(StakeholderChannel.MEETING);
        assertThat(updated.organisation()).as("a column the file does not have is emptied: the row is the record").isNull();

        Stakeholders.CsvFile export = as(viewer, () -> stakeholders.exportCsv(project));
        assertThat(export.fileName()).isEqualTo("stakeholders-crm-03.csv");
        assertThat(new String(export.bytes(), StandardCharsets.UTF_8)).contains("\"Anna Berg\",\"anna@acme.example\",\"\",\"End user representative\",\"Low\",\"High\",\"Email\",\"\"");
        // The export imports back into another project unchanged.
        Long other = fixtures.project(pm, "ERP-01", "ERP");
        assertThat(as(pm, () -> stakeholders.importCsv(other, export.bytes()))).isEqualTo(new Stakeholders.ImportResult(3, 0));
    }

    @Test
    void aDeletedStakeholderLeavesItsListsAndADeletedProjectTakesItsRegister() {
        StakeholderDetails jane = as(pm, () -> stakeholders.add(project, jane()));
        StakeholderDetails bob = as(pm, () -> stakeholders.add(project, StakeholderDraft.named("Bob")));
        Long keptProject = fixtures.project(pm, "ERP-01", "ERP");
        StakeholderDetails kept = as(pm, () -> stakeholders.add(keptProject, StakeholderDraft.named("Kept")));
        Long list = as(pm, () -> lists.create("Steering committee", null));
        as(pm, () -> {
            lists.add(list, Kind.STAKEHOLDER, jane.id());
            lists.add(list, Kind.STAKEHOLDER, bob.id());
            lists.add(list, Kind.STAKEHOLDER, kept.id());
            lists.add(list, Kind.MEMBER, dev.userId());
        });

        as(pm, () -> stakeholders.delete(bob.id(), bob.version()));
        assertThat(as(pm, () -> lists.details(list)).entries()).extracting(e -> e.name()).containsExactly(dev.name(), "Jane Roe", "Kept");

        long version = fixtures.load(pm, project).getVersion();
        as(pm, () -> projects.delete(project, version));
        assertThat(as(pm, () -> lists.details(list)).entries()).extracting(e -> e.name()).containsExactly(dev.name(), "Kept");
        assertThatThrownBy(() -> as(pm, () -> stakeholders.details(jane.id()))).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(pm, () -> stakeholders.details(kept.id())).name()).isEqualTo("Kept");
    }

    @Test
    void anotherOrganisationCanNeitherReadNorChangeTheRegister() {
        StakeholderDetails jane = as(pm, () -> stakeholders.add(project, jane()));

        assertThatThrownBy(() -> as(foreigner, () -> stakeholders.details(jane.id()))).isInstanceOf(RecordNotFoundException.class);
        // The register of another organisation's project reads as an empty one.
        assertThat(as(foreigner, () -> stakeholders.list(project, "", Sort.unsorted(), 0, 50))).isEmpty();
        assertThat(as(foreigner, () -> stakeholders.count(project, ""))).isZero();
        assertThat(as(foreigner, () -> stakeholders.summary(project)).total()).isZero();
        assertThatThrownBy(() -> as(foreigner, () -> stakeholders.exportCsv(project))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> stakeholders.add(project, StakeholderDraft.named("Mole")))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> stakeholders.importCsv(project, "Name\nMole\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> stakeholders.update(jane.id(), jane.version(), StakeholderDraft.named("Mole"))))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> stakeholders.delete(jane.id(), jane.version()))).isInstanceOf(RecordNotFoundException.class);
        Long theirList = as(foreigner, () -> lists.create("Their list", null));
        assertThatThrownBy(() -> as(foreigner, () -> lists.add(theirList, Kind.STAKEHOLDER, jane.id()))).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(foreigner, () -> lists.candidates("jane"))).isEmpty();

        assertThat(as(pm, () -> stakeholders.details(jane.id())).draft()).isEqualTo(jane());
    }

    /** What deleting a project or a stakeholder runs (bulk deletes, past the tenant filter), with another tenant's id: nothing goes. */
    @Test
    void anotherTenantsBulkDeletesNamingThisRegisterDeleteNothing() {
        StakeholderDetails jane = as(pm, () -> stakeholders.add(project, jane()));
        Long list = as(pm, () -> lists.create("Steering committee", null));
        as(pm, () -> lists.add(list, Kind.STAKEHOLDER, jane.id()));

        int deleted = as(foreigner, () -> transactions.execute(tx -> storedEntries.deleteStakeholders(foreigner.tenantId(), List.of(jane.id()))
                + storedEntries.deleteByList(foreigner.tenantId(), list) + storedEntries.unlist(foreigner.tenantId(), list, Kind.STAKEHOLDER, jane.id())
                + storedStakeholders.deleteByProject(foreigner.tenantId(), project)));

        assertThat(deleted).isZero();
        assertThat(names(pm, "", Sort.unsorted())).containsExactly("Jane Roe");
        assertThat(as(pm, () -> lists.details(list)).entries()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("Jane Roe"));
    }
}
