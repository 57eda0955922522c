package app.cadence.retro.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One voter's dots on one topic. */
@Entity
@Table(name = "retro_vote")
public class RetroVote extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private Long sessionId;

    @Column(name = "group_id", nullable = false, updatable = false)
    private Long groupId;

    @Column(name = "voter_token", nullable = false, updatable = false, length = 64)
    private String voterToken;

    @Column(nullable = false)
    private int dots;

    protected RetroVote() {
        this.sessionId = 0L;
        this.groupId = 0L;
        this.voterToken = "";
    }

    public RetroVote(Long sessionId, Long groupId, String voterToken) {
        this.sessionId = sessionId;
        this.groupId = groupId;
        this.voterToken = voterToken;
    }

    public void add(int change) {
        this.dots = Math.max(0, dots + change);
    }

    public Long getGroupId() {
        return groupId;
    }

    public String getVoterToken() {
        return voterToken;
    }

    public int getDots() {
        return dots;
    }
}
