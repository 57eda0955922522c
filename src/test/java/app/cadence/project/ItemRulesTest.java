package app.cadence.project;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.work.domain.ItemStatus;
import app.cadence.tenancy.domain.Role;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The rules screens used to decide for themselves, now asked of the domain. */
class ItemRulesTest {

    @Test
    void onlyNotApplicableItemsStayOutOfProgress() {
        assertThat(Arrays.stream(ItemStatus.values()).filter(ItemStatus::countsTowardsProgress))
                .containsExactly(ItemStatus.OPEN, ItemStatus.IN_PROGRESS, ItemStatus.DONE, ItemStatus.BLOCKED);
    }

    @Test
    void anItemThatRequiresEvidenceIsDoneOnlyWithALink() {
        assertThat(ItemStatus.DONE.lacksEvidence(ItemStatus.OPEN, true, null)).isTrue();
        assertThat(ItemStatus.DONE.lacksEvidence(ItemStatus.IN_PROGRESS, true, "  ")).as("a blank link is no link").isTrue();
        assertThat(ItemStatus.DONE.lacksEvidence(ItemStatus.OPEN, true, "https://wiki.example/backup-log")).isFalse();
        assertThat(ItemStatus.DONE.lacksEvidence(ItemStatus.OPEN, false, null)).as("no evidence required").isFalse();
        assertThat(ItemStatus.DONE.lacksEvidence(ItemStatus.DONE, true, null)).as("already done before the rule applied").isFalse();
        assertThat(ItemStatus.BLOCKED.lacksEvidence(ItemStatus.OPEN, true, null)).as("only finishing needs evidence").isFalse();
    }

    @Test
    void administratorsPmosAndPmsManageProjectsAndMayBeAProjectsPm() {
        assertThat(Arrays.stream(Role.values()).filter(Role::managesProjects)).containsExactly(Role.ADMIN, Role.PMO, Role.PM);
    }
}
