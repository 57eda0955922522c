package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.UploadLimits;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateRow;
import app.cadence.template.service.StarterLibrary;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateTransfer;
import app.cadence.template.service.TemplateTransfer.ExportFile;
import app.cadence.template.service.TemplateViews.Filter;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class TemplateTransferTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TemplateLibrary library;
    @Autowired UploadLimits uploadLimits;
    @Autowired TemplateTransfer transfer;
    @Autowired StarterLibrary starter;
    @Autowired app.cadence.work.service.InstanceApplication applying;
    @Autowired app.cadence.work.service.InstanceReading reading;

    Member pmo;

    @BeforeEach
    void setUp() {
        Fixtures.Tenant tenant = fixtures.tenant("Transfer");
        pmo = fixtures.member(tenant, Role.PMO);
        starter.installInto(tenant.id());
    }

    @Test
    void anExportedVersionImportsAsANewDraftWithTheSameContent() {
        TemplateRow erp = row("ERP go-live cutover runbook");
        Long versionId = as(() -> library.details(erp.id())).versions().getFirst().id();
        ExportFile file = as(() -> transfer.export(erp.id(), versionId));
        assertThat(file.fileName()).isEqualTo("erp-go-live-cutover-runbook-v1.json");

        Long imported = as(() -> transfer.importFile(file.bytes()).templateId());

        var details = as(() -> library.details(imported));
        assertThat(details.name()).isEqualTo("ERP go-live cutover runbook (2)");
        assertThat(details.versions()).singleElement().satisfies(v -> assertThat(v.number()).isNull());
        TemplateContent original = as(() -> library.version(erp.id(), versionId)).content();
        TemplateContent copy = as(() -> library.version(imported, details.versions().getFirst().id())).content();
        assertThat(copy).isEqualTo(original);
    }

    @Test
    void badFilesAreRefusedNamingTheProblemAndItsPlaceAndNothingIsImported() {
        long before = as(() -> library.count(Filter.all()));
        String step = """
                {"key":"%s","title":"%s","type":"TASK","offset":"-1h","duration":"30m","predecessors":[%s]}""";
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();

        assertRefused("{\"formatVersion\": 1, \"kind\": ", "The file is not valid JSON at line 1");
        assertRefused("{\"invoice\": 42}", "This is not a Cadence template file");
        assertRefused(doc("TIMELINE", ""), "kind: “TIMELINE” is not one of RETROSPECTIVE, CUTOVER, COMMUNICATION_PLAN.");
        assertRefused(doc("CUTOVER", step.formatted(a, "Backup", "").replace("\"type\"", "\"colour\":\"red\",\"type\"")),
                "sections[0].items[0].colour: unknown field.");
        assertRefused(doc("CUTOVER", step.formatted(a, "Backup", "").replace("\"offset\":\"-1h\",", "")),
                "sections[0].items[0].offset: a value is required.");
        assertRefused(doc("CUTOVER", step.formatted(a, "Backup", "").replace("-1h", "two days")),
                "sections[0].items[0].offset: “two days” is not a time.");
        assertRefused(doc("CUTOVER", step.formatted(a, "Backup", "") + "," + step.formatted(a, "Restore", "")),
                "Item “Restore” in section “Run” repeats the key " + a + ".");
        assertRefused(doc("CUTOVER", step.formatted(a, "Backup", "\"" + b + "\"") + "," + step.formatted(b, "Restore", "\"" + a + "\"")),
                "Predecessors form a cycle: Backup → Restore → Backup.");

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2001; i++) {
            many.append(i == 0 ? "" : ",").append(step.formatted(UUID.randomUUID(), "Step " + i, ""));
        }
        assertRefused(doc("CUTOVER", many.toString()), "The template has 2,001 items; at most 2,000 are allowed. Split it into smaller templates.");

        byte[] huge = new byte[uploadLimits.maxFileBytes() + 1];
        assertThatThrownBy(() -> as(() -> transfer.importFile(huge))).hasMessageStartingWith("The file is larger than " + uploadLimits.label());

        assertThat(as(() -> library.count(Filter.all()))).isEqualTo(before);
    }

    @Test
    void overlongFieldsAreRefusedNamingEachFieldAndItsPlaceAndNothingIsImported() {
        long before = as(() -> library.count(Filter.all()));
        StringBuilder thirteen = new StringBuilder();
        for (int i = 1; i <= 13; i++) {
            thirteen.append(step(UUID.randomUUID(), "Step " + i, "")).append(',');
        }
        String backup = step(UUID.randomUUID(), "Back up the database",
                ",\"description\":\"" + "d".repeat(2_300) + "\",\"ownerRole\":\"" + "o".repeat(61) + "\"");
        String file = """
                {"format":"cadence-template","formatVersion":1,"name":"%s","description":"%s","kind":"CUTOVER",
                 "sections":[{"key":"%s","title":"%s","role":"PREPARATION","items":[]},
                             {"key":"%s","title":"Run","role":"EXECUTION","items":[%s]}]}"""
                .formatted("N".repeat(121), "D".repeat(2_001), UUID.randomUUID(), "S".repeat(201), UUID.randomUUID(), thirteen + backup);

        assertThatThrownBy(() -> as(() -> transfer.importFile(file.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("Nothing was imported. "
                        + "The template name has 121 characters; at most 120 are allowed. "
                        + "The template description has 2,001 characters; at most 2,000 are allowed. "
                        + "Section 1 (“" + "S".repeat(40) + "…”): the title has 201 characters; at most 200 are allowed. "
                        + "Section 2, item 14 (“Back up the database”): the description has 2,300 characters; at most 2,000 are allowed. "
                        + "Section 2, item 14 (“Back up the database”): the owner role has 61 characters; at most 60 are allowed. "
                        + "Correct the file and import it again.");
        assertThat(as(() -> library.count(Filter.all()))).isEqualTo(before);
    }

    @Test
    void aTemplateAtEveryLimitImportsPublishesAndAppliesToAProject() {
        // One step waits for 100 others; every text is as long as allowed: the instance columns must hold it all.
        List<UUID> keys = java.util.stream.IntStream.range(0, TemplateContent.MAX_PREDECESSORS).mapToObj(i -> UUID.randomUUID()).toList();
        StringBuilder steps = new StringBuilder();
        for (UUID key : keys) {
            steps.append(step(key, "Step " + key, "")).append(',');
        }
        String full = ",\"description\":\"%s\",\"ownerRole\":\"%s\",\"rollbackTrigger\":\"%s\",\"rollbackInstructions\":\"%s\"".formatted(
                "d".repeat(2_000), "o".repeat(60), "t".repeat(2_000), "i".repeat(2_000))
                + ",\"predecessors\":[" + keys.stream().map(k -> "\"" + k + "\"").collect(java.util.stream.Collectors.joining(",")) + "]";
        steps.append(step(UUID.randomUUID(), "T".repeat(200), full).replace("\"predecessors\":[],", ""));
        String name = "N".repeat(120);
        String file = """
                {"format":"cadence-template","formatVersion":1,"name":"%s","description":"%s","kind":"CUTOVER",
                 "sections":[{"key":"%s","title":"%s","role":"EXECUTION","items":[%s]}]}"""
                .formatted(name, "D".repeat(2_000), UUID.randomUUID(), "S".repeat(200), steps);

        Long imported = as(() -> transfer.importFile(file.getBytes(StandardCharsets.UTF_8)).templateId());
        assertThat(as(() -> library.details(imported)).name()).isEqualTo(name);
        // The same file again gets a numbered name that still fits the column.
        Long again = as(() -> transfer.importFile(file.getBytes(StandardCharsets.UTF_8)).templateId());
        assertThat(as(() -> library.details(again)).name()).isEqualTo("N".repeat(116) + " (2)");

        as(() -> library.publish(imported, "At every limit"));
        Long project = fixtures.project(pmo, "LIMITS-1", "Limits");
        Long versionId = as(() -> library.details(imported)).versions().getFirst().id();
        Long instance = as(() -> applying.instantiate(new app.cadence.work.service.InstanceViews.InstantiationRequest(
                project, imported, versionId, "At every limit", app.cadence.work.domain.Anchors.at(java.time.LocalDateTime.of(2026, 6, 1, 20, 0)))));
        assertThat(as(() -> reading.details(instance)).toString()).isNotEmpty();
    }

    @Test
    void aTemplateIsCopiedIntoAnotherOrganisationWhereTheUserIsAuthor() {
        Fixtures.Tenant second = fixtures.tenant("Second");
        Member inSecond = fixtures.join(pmo, second, Role.PMO);
        TemplateRow erp = row("ERP go-live cutover runbook");
        Long versionId = as(() -> library.details(erp.id())).versions().getFirst().id();

        assertThat(as(() -> transfer.copyTargets())).extracting(c -> c.tenantId()).containsExactly(second.id());
        Long copy = as(() -> transfer.copyTo(erp.id(), versionId, second.id()));

        var details = scope.call(inSecond.userId(), inSecond.tenantId(), () -> library.details(copy));
        assertThat(details.name()).isEqualTo("ERP go-live cutover runbook");
        assertThat(details.changes()).singleElement().satisfies(c -> assertThat(c.summary()).startsWith("Copied from " + pmo.tenantName()));
        TemplateContent copied = scope.call(inSecond.userId(), inSecond.tenantId(),
                () -> library.version(copy, details.versions().getFirst().id())).content();
        assertThat(copied).isEqualTo(as(() -> library.version(erp.id(), versionId)).content());
    }

    @Test
    void copyingIsRefusedWithoutAuthorRightsOrMembershipInTheTarget() {
        Fixtures.Tenant asPm = fixtures.tenant("OnlyPm");
        fixtures.join(pmo, asPm, Role.PM);
        Fixtures.Tenant stranger = fixtures.tenant("Stranger");
        Member strangerAdmin = fixtures.member(stranger, Role.ADMIN);
        TemplateRow erp = row("ERP go-live cutover runbook");
        Long versionId = as(() -> library.details(erp.id())).versions().getFirst().id();

        assertThat(as(() -> transfer.copyTargets())).isEmpty();
        assertThatThrownBy(() -> as(() -> transfer.copyTo(erp.id(), versionId, asPm.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(() -> transfer.copyTo(erp.id(), versionId, stranger.id())))
                .isInstanceOf(app.cadence.shared.domain.RecordNotFoundException.class);
        assertThat(scope.call(strangerAdmin.userId(), stranger.id(), () -> library.count(Filter.all()))).isZero();
    }

    @Test
    void anotherTenantsTemplateCannotBeExportedOrCopiedFrom() {
        Member foreign = fixtures.member(fixtures.tenant("Thief"), Role.PMO);
        Fixtures.Tenant thiefTwo = fixtures.tenant("ThiefTwo");
        fixtures.join(foreign, thiefTwo, Role.PMO);
        TemplateRow erp = row("ERP go-live cutover runbook");
        Long versionId = as(() -> library.details(erp.id())).versions().getFirst().id();

        assertThatThrownBy(() -> scope.call(foreign.userId(), foreign.tenantId(), () -> transfer.export(erp.id(), versionId)))
                .isInstanceOf(app.cadence.shared.domain.RecordNotFoundException.class);
        assertThatThrownBy(() -> scope.call(foreign.userId(), foreign.tenantId(), () -> transfer.copyTo(erp.id(), versionId, thiefTwo.id())))
                .isInstanceOf(app.cadence.shared.domain.RecordNotFoundException.class);
    }

    @Test
    void aRunbookWithOverlappingStepsIsImportedAndItsScheduleWarningsReturned() {
        UUID freeze = UUID.randomUUID();
        UUID migrate = UUID.randomUUID();
        String file = doc("CUTOVER", step(freeze, "Freeze changes", "").replace("\"duration\":\"30m\"", "\"duration\":\"2h\"") + ","
                + step(migrate, "Start data migration", ",\"predecessors\":[\"" + freeze + "\"]").replace("\"predecessors\":[],", ""));

        TemplateTransfer.Imported imported = as(() -> transfer.importFile(file.getBytes(StandardCharsets.UTF_8)));

        assertThat(imported.scheduleWarnings()).extracting(w -> w.message()).containsExactly(
                "“Start data migration” is planned to start at T−1h, before its predecessor “Freeze changes” finishes at T+1h.");
        assertThat(as(() -> library.draft(imported.templateId())).orElseThrow().content().scheduleWarnings())
                .isEqualTo(imported.scheduleWarnings());
        // The exported starter runbook is clean.
        TemplateRow erp = row("ERP go-live cutover runbook");
        Long versionId = as(() -> library.details(erp.id())).versions().getFirst().id();
        assertThat(as(() -> transfer.importFile(transfer.export(erp.id(), versionId).bytes())).scheduleWarnings()).isEmpty();
    }

    @Test
    void onlyAuthorsImport() {
        Member pm = fixtures.member(fixtures.tenant("NoImport"), Role.PM);
        assertThatThrownBy(() -> scope.call(pm.userId(), pm.tenantId(), () -> transfer.importFile(doc("CUTOVER", "").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(AccessDeniedException.class);
    }

    private void assertRefused(String json, String messagePart) {
        assertThatThrownBy(() -> as(() -> transfer.importFile(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith("Nothing was imported.")
                .hasMessageContaining(messagePart);
    }

    private static String step(UUID key, String title, String more) {
        return """
                {"key":"%s","title":"%s","type":"TASK","offset":"-1h","duration":"30m","predecessors":[]%s}""".formatted(key, title, more);
    }

    private static String doc(String kind, String items) {
        return """
                {"format":"cadence-template","formatVersion":1,"name":"Imported runbook","kind":"%s",
                 "sections":[{"key":"%s","title":"Run","role":"EXECUTION","items":[%s]}]}""".formatted(kind, UUID.randomUUID(), items);
    }

    private TemplateRow row(String name) {
        return as(() -> library.list(new Filter(null, null, name), Sort.unsorted(), 0, 10)).stream()
                .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private <T> T as(Supplier<T> work) {
        return scope.call(pmo.userId(), pmo.tenantId(), work);
    }
}
