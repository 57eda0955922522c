package app.cadence.comms.domain;

import app.cadence.shared.domain.AbstractEntity;
import app.cadence.template.domain.MessageTemplate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One dated occurrence of a communication: planned, drafted by its owner, then sent (or recorded
 * as held, for a meeting) or skipped with a reason. Once sent it is the project's record of what
 * went out and is never changed again; it outlives its series (removing the plan keeps the log).
 */
@Entity
@Table(name = "comm_occurrence")
public class CommOccurrence extends AbstractEntity {

    public static final int REASON_MAX = 500;
    public static final int NOTE_MAX = 2000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "series_id")
    private @Nullable Long seriesId;

    @Column(nullable = false, length = CommSeries.TITLE_MAX)
    private String title;

    @Column(length = 120)
    private @Nullable String channel;

    @Column(name = "scheduled_for", nullable = false)
    private LocalDate scheduledFor;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "owner_id")
    private @Nullable Long ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OccurrenceStatus status = OccurrenceStatus.PLANNED;

    @Column(name = "skip_reason", length = REASON_MAX)
    private @Nullable String skipReason;

    @Column(length = MessageTemplate.SUBJECT_MAX)
    private @Nullable String subject;

    @Column(length = Integer.MAX_VALUE)
    private @Nullable String body;

    @Column(length = NOTE_MAX)
    private @Nullable String note;

    @Column(name = "audience_label", length = 500)
    private @Nullable String audienceLabel;

    @Column(name = "drafted_at")
    private @Nullable Instant draftedAt;

    @Column(name = "sent_at")
    private @Nullable Instant sentAt;

    @Column(name = "sent_by", length = 254)
    private @Nullable String sentBy;

    @Version
    private long version;

    protected CommOccurrence() {
        this.projectId = 0L;
        this.title = "";
        this.scheduledFor = LocalDate.EPOCH;
        this.dueOn = LocalDate.EPOCH;
        this.dueAt = Instant.EPOCH;
    }

    public CommOccurrence(CommSeries series, OccurrencePlanner.PlannedOccurrence planned) {
        this.projectId = series.getProjectId();
        this.seriesId = series.getId();
        this.title = series.getTitle();
        this.channel = series.getChannel();
        this.ownerId = series.getOwnerId();
        this.scheduledFor = planned.scheduledFor();
        this.dueOn = planned.day();
        this.dueAt = planned.dueAt();
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new CommsRuleException(status == OccurrenceStatus.SENT
                    ? "This communication was sent" + (sentBy == null ? "" : " by " + sentBy) + ": it is part of the project's record and cannot change."
                    : "This communication was skipped" + (skipReason == null ? "" : " (" + skipReason + ")") + ".");
        }
    }

    public void draft(String newSubject, String newBody, Instant at) {
        requireOpen();
        String s = newSubject.strip();
        if (s.isEmpty()) {
            throw new CommsRuleException("subject", "Give the message a subject.");
        }
        if (s.length() > MessageTemplate.SUBJECT_MAX || s.contains("\n")) {
            throw new CommsRuleException("subject", "The subject is one line of at most " + MessageTemplate.SUBJECT_MAX + " characters.");
        }
        if (newBody.length() > MessageTemplate.BODY_MAX) {
            throw new CommsRuleException("body", "The message is at most " + MessageTemplate.BODY_MAX + " characters.");
        }
        this.subject = s;
        this.body = newBody;
        this.status = OccurrenceStatus.DRAFTED;
        this.draftedAt = at;
    }

    /** Sent by Cadence, or recorded as done by its owner (a meeting held) with an optional note. */
    public void markSent(String by, @Nullable String audience, @Nullable String withNote, Instant at) {
        requireOpen();
        if (withNote != null && withNote.length() > NOTE_MAX) {
            throw new CommsRuleException("note", "A note is at most " + NOTE_MAX + " characters.");
        }
        this.status = OccurrenceStatus.SENT;
        this.sentBy = by;
        this.sentAt = at;
        this.note = withNote == null || withNote.isBlank() ? null : withNote.strip();
        this.audienceLabel = audience == null ? null : audience.length() > 500 ? audience.substring(0, 499) + "…" : audience;
        if (subject == null) {
            this.subject = title;
            this.body = "";
        }
    }

    public void skip(String reason) {
        requireOpen();
        String r = reason.strip();
        if (r.isEmpty()) {
            throw new CommsRuleException("reason", "Say why this communication is skipped.");
        }
        if (r.length() > REASON_MAX) {
            throw new CommsRuleException("reason", "A reason is at most " + REASON_MAX + " characters.");
        }
        this.status = OccurrenceStatus.SKIPPED;
        this.skipReason = r;
    }

    /** Takes a skipped occurrence back into the plan (skipped by mistake). */
    public void reinstate() {
        if (status != OccurrenceStatus.SKIPPED) {
            throw new CommsRuleException("Only a skipped communication can be put back in the plan.");
        }
        this.status = subject == null ? OccurrenceStatus.PLANNED : OccurrenceStatus.DRAFTED;
        this.skipReason = null;
    }

    public void assignTo(@Nullable Long owner) {
        requireOpen();
        this.ownerId = owner;
    }

    /** Its series is gone (the plan was removed from the project); what was sent stays in the log. */
    public void detach() {
        this.seriesId = null;
    }

    public Long getProjectId() {
        return projectId;
    }

    public @Nullable Long getSeriesId() {
        return seriesId;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable String getChannel() {
        return channel;
    }

    public LocalDate getScheduledFor() {
        return scheduledFor;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public @Nullable Long getOwnerId() {
        return ownerId;
    }

    public OccurrenceStatus getStatus() {
        return status;
    }

    public @Nullable String getSkipReason() {
        return skipReason;
    }

    public @Nullable String getSubject() {
        return subject;
    }

    public @Nullable String getBody() {
        return body;
    }

    public @Nullable String getNote() {
        return note;
    }

    public @Nullable String getAudienceLabel() {
        return audienceLabel;
    }

    public @Nullable Instant getSentAt() {
        return sentAt;
    }

    public @Nullable String getSentBy() {
        return sentBy;
    }

    public long getVersion() {
        return version;
    }

    public Replanning.Existing forReplanning() {
        return new Replanning.Existing(java.util.Objects.requireNonNull(getId()), dueAt, status.forReplanning());
    }
}
