package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateRow;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.domain.TemplateStatus;
import app.cadence.template.domain.VersionState;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.Filter;
import app.cadence.template.service.TemplateViews.TemplateDetails;
import app.cadence.template.service.TemplateViews.VersionSummary;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class TemplateLibraryTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TemplateLibrary library;

    Tenant tenant;
    Member pmo;
    Member pm;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Library");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
    }

    static TemplateContent retro(String... columns) {
        List<app.cadence.template.domain.TemplateItem> items = java.util.Arrays.stream(columns)
                .map(c -> (app.cadence.template.domain.TemplateItem) new RetroPrompt(UUID.randomUUID(), c, "Prompt for " + c, false))
                .toList();
        return new TemplateContent(TemplateKind.RETROSPECTIVE, List.of(new TemplateSection(UUID.randomUUID(), "Board", null, items)), null);
    }

    @Test
    void aDraftIsPublishedAsNumberedImmutableVersions() {
        Long id = as(pmo, () -> library.create("Team retro", "Our format", retro("Start", "Stop"), "Created"));

        assertThat(as(pmo, () -> library.publish(id, "First version"))).isEqualTo(1);
        assertThatThrownBy(() -> as(pmo, () -> library.publish(id, "Again"))).isInstanceOf(RuleViolationException.class)
                .hasMessage("There is no draft to publish.");

        Long draftId = as(pmo, () -> library.startDraft(id));
        TemplateDetails details = as(pmo, () -> library.details(id));
        VersionSummary draft = details.versions().stream().filter(v -> v.id().equals(draftId)).findFirst().orElseThrow();
        as(pmo, () -> {
            library.saveDraft(id, draft.version(), retro("Start", "Stop", "Continue"));
            return null;
        });
        assertThat(as(pmo, () -> library.publish(id, "Added Continue"))).isEqualTo(2);

        TemplateDetails after = as(pmo, () -> library.details(id));
        assertThat(after.versions()).extracting(VersionSummary::number).containsExactly(2, 1);
        assertThat(after.versions()).allMatch(v -> v.state() == VersionState.PUBLISHED);
        Long v1 = after.versions().get(1).id();
        assertThat(as(pm, () -> library.version(id, v1)).content().itemCount()).isEqualTo(2);
        assertThat(after.changes()).extracting(c -> c.summary()).first().isEqualTo("Published version 2: Added Continue");
        assertThat(after.changes()).allMatch(c -> c.by().equals(pmo.name()));
    }

    @Test
    void anUnchangedDraftIsNotPublishedAndCanBeDiscarded() {
        Long id = as(pmo, () -> library.create("Steady retro", null, retro("Start"), "Created"));
        as(pmo, () -> library.publish(id, "v1"));
        as(pmo, () -> library.startDraft(id));

        assertThatThrownBy(() -> as(pmo, () -> library.publish(id, "Nothing new")))
                .hasMessage("The draft is the same as version 1. Change something in the designer before publishing, or discard the draft.");
        as(pmo, () -> {
            library.discardDraft(id);
            return null;
        });
        assertThat(as(pmo, () -> library.details(id)).versions()).extracting(VersionSummary::number).containsExactly(1);

        Long neverPublished = as(pmo, () -> library.create("Unpublished", null, retro("A"), "Created"));
        assertThatThrownBy(() -> as(pmo, () -> {
            library.discardDraft(neverPublished);
            return null;
        })).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void publishingNeedsAChangeNoteAndAtLeastOneItem() {
        Long id = as(pmo, () -> library.create(TemplateKind.CUTOVER, "Empty runbook", null));
        assertThatThrownBy(() -> as(pmo, () -> library.publish(id, "  ")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("changeNote"));
        assertThatThrownBy(() -> as(pmo, () -> library.publish(id, "First")))
                .hasMessage("Add at least one item before publishing.");
    }

    @Test
    void scheduleWarningsDoNotStopSavingOrPublishingAndTheHistoryKeepsThem() {
        var freeze = ScheduleCheckTest.step("Freeze changes", "-2h", "30m");
        var migrate = ScheduleCheckTest.step("Start data migration", "-2h", "1h", freeze);
        TemplateContent overlapping = ScheduleCheckTest.runbook(
                ScheduleCheckTest.section("Execution", app.cadence.template.domain.SectionRole.EXECUTION, freeze, migrate));

        Long id = as(pmo, () -> library.create("Overlapping runbook", null, overlapping, "Created"));
        // Advisory: the screen asks the publisher to confirm the timings; the service accepts them.
        assertThat(as(pmo, () -> library.publish(id, "First cut"))).isEqualTo(1);

        assertThat(as(pmo, () -> library.details(id)).changes()).extracting(c -> c.summary()).first()
                .isEqualTo("Published version 1: First cut (with 1 schedule warning)");
    }

    @Test
    void aStaleDraftSaveIsRefusedNamingWhoSaved() {
        Long id = as(pmo, () -> library.create("Shared draft", null, retro("A"), "Created"));
        long loaded = as(pmo, () -> library.details(id)).versions().getFirst().version();
        Member admin = fixtures.member(tenant, Role.ADMIN);
        as(admin, () -> {
            library.saveDraft(id, loaded, retro("A", "B"));
            return null;
        });
        assertThatThrownBy(() -> as(pmo, () -> {
            library.saveDraft(id, loaded, retro("A", "C"));
            return null;
        })).isInstanceOfSatisfying(ConcurrentChangeException.class, e -> assertThat(e.changedBy()).isEqualTo(admin.name()));
    }

    @Test
    void onlyAdminAndPmoAuthorAndOthersSeeNoDrafts() {
        Long id = as(pmo, () -> library.create("Authored", null, retro("A"), "Created"));
        assertThatThrownBy(() -> as(pm, () -> library.create(TemplateKind.CUTOVER, "Not mine", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(pm, () -> library.publish(id, "Sneaky"))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(pm, () -> library.details(id)).versions()).isEmpty();
        Long draftId = as(pmo, () -> library.details(id)).versions().getFirst().id();
        assertThatThrownBy(() -> as(pm, () -> library.version(id, draftId))).isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void namesAreUniqueAndRequired() {
        as(pmo, () -> library.create("Go-live runbook", null, retro("A"), "Created"));
        assertThatThrownBy(() -> as(pmo, () -> library.create(TemplateKind.CUTOVER, "go-live RUNBOOK", null)))
                .hasMessage("Another template is already called “go-live RUNBOOK”. Choose a different name.");
        assertThatThrownBy(() -> as(pmo, () -> library.create(TemplateKind.CUTOVER, " ", null)))
                .hasMessage("Enter a name for the template.");
    }

    @Test
    void theLibraryListsFiltersAndRetires() {
        Long retroId = as(pmo, () -> library.create("Zeta retro", null, retro("A"), "Created"));
        as(pmo, () -> library.publish(retroId, "v1"));
        Long runbook = as(pmo, () -> library.create(TemplateKind.CUTOVER, "Alpha runbook", null));
        as(pmo, () -> {
            library.retire(runbook);
            return null;
        });

        List<TemplateRow> all = as(pm, () -> library.list(Filter.all(), Sort.by("name"), 0, 50));
        assertThat(all).extracting(TemplateRow::name).containsExactly("Alpha runbook", "Zeta retro");
        TemplateRow zeta = all.get(1);
        assertThat(zeta.latestPublished()).isEqualTo(1);
        assertThat(zeta.draftPending()).isFalse();
        assertThat(all.getFirst().draftPending()).isTrue();
        assertThat(all.getFirst().status()).isEqualTo(TemplateStatus.RETIRED);

        assertThat(as(pm, () -> library.list(new Filter(TemplateKind.RETROSPECTIVE, null, ""), Sort.unsorted(), 0, 50)))
                .extracting(TemplateRow::name).containsExactly("Zeta retro");
        assertThat(as(pm, () -> library.count(new Filter(null, TemplateStatus.ACTIVE, "")))).isEqualTo(1);
        assertThat(as(pm, () -> library.count(new Filter(null, null, "alpha")))).isEqualTo(1);
    }

    @Test
    void anotherTenantsTemplatesCanNeitherBeSeenNorChanged() {
        Long mine = as(pmo, () -> library.create("Mine", null, retro("A"), "Created"));
        Member foreign = fixtures.member(fixtures.tenant("Foreign"), Role.PMO);

        assertThat(as(foreign, () -> library.list(Filter.all(), Sort.unsorted(), 0, 50))).isEmpty();
        assertThatThrownBy(() -> as(foreign, () -> library.details(mine))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreign, () -> library.publish(mine, "Hijack"))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreign, () -> library.startDraft(mine))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreign, () -> {
            library.retire(mine);
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreign, () -> {
            library.saveDraft(mine, 0, retro("Hijacked"));
            return null;
        })).isInstanceOf(RecordNotFoundException.class);

        TemplateDetails unchanged = as(pmo, () -> library.details(mine));
        assertThat(unchanged.status()).isEqualTo(TemplateStatus.ACTIVE);
        assertThat(unchanged.versions()).singleElement().satisfies(v -> assertThat(v.state()).isEqualTo(VersionState.DRAFT));
        assertThat(as(pmo, () -> library.version(mine, unchanged.versions().getFirst().id())).content().itemCount()).isEqualTo(1);
    }

    private <T> T as(Member member, Supplier<T> work) {
        return scope.call(member.userId(), member.tenantId(), work);
    }
}
