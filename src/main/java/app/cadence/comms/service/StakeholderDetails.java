package app.cadence.comms.service;

import app.cadence.comms.domain.Stakeholder;
import app.cadence.comms.domain.StakeholderChannel;
import app.cadence.comms.domain.StakeholderDraft;
import app.cadence.comms.domain.StakeholderEngagement;
import app.cadence.comms.domain.StakeholderLevel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A stakeholder as the register shows and the dialog edits it; {@code version} guards the edit. */
@NamedInterface("api")
public record StakeholderDetails(Long id, Long projectId, StakeholderDraft draft, StakeholderEngagement engagement, long version) {

    static StakeholderDetails of(Stakeholder s) {
        return new StakeholderDetails(s.id(), s.getProjectId(), s.draft(), s.engagement(), s.getVersion());
    }

    public String name() {
        return draft.name();
    }

    public @Nullable String email() {
        return draft.email();
    }

    public @Nullable String organisation() {
        return draft.organisation();
    }

    public @Nullable String role() {
        return draft.role();
    }

    public StakeholderLevel influence() {
        return Objects.requireNonNull(draft.influence());
    }

    public StakeholderLevel interest() {
        return Objects.requireNonNull(draft.interest());
    }

    public StakeholderChannel channel() {
        return Objects.requireNonNull(draft.channel());
    }

    public @Nullable String notes() {
        return draft.notes();
    }
}
