package app.cadence.comms.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a sent occurrence: the outbox message that carries their copy (its status is
 * the outbox's), or why none could be sent (a stakeholder without an email address).
 */
@Entity
@Table(name = "comm_delivery")
public class CommDelivery extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "occurrence_id", nullable = false, updatable = false)
    private Long occurrenceId;

    @Column(name = "recipient_name", nullable = false, updatable = false, length = 254)
    private String recipientName;

    @Column(updatable = false, length = 254)
    private @Nullable String email;

    @Column(name = "outbox_id", updatable = false)
    private @Nullable Long outboxId;

    @Column(updatable = false, length = 500)
    private @Nullable String problem;

    protected CommDelivery() {
        this.occurrenceId = 0L;
        this.recipientName = "";
    }

    public CommDelivery(Long occurrenceId, String recipientName, @Nullable String email, @Nullable Long outboxId, @Nullable String problem) {
        this.occurrenceId = occurrenceId;
        this.recipientName = recipientName.length() > 254 ? recipientName.substring(0, 254) : recipientName;
        this.email = email;
        this.outboxId = outboxId;
        this.problem = problem;
    }

    public Long getOccurrenceId() {
        return occurrenceId;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public @Nullable Long getOutboxId() {
        return outboxId;
    }

    public @Nullable String getProblem() {
        return problem;
    }
}
