package app.cadence.comms.domain;

import app.cadence.shared.domain.AbstractEntity;
import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.EntryTiming;
import app.cadence.template.domain.MessageTemplate;
import app.cadence.template.domain.NonWorkingDayRule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a communication plan applied to a project, in motion: its timing (copied from the
 * template, then the project's to change), its real audience (distribution lists and stakeholders,
 * written "L12,S40"), its owner and its message. Its occurrences are {@link CommOccurrence}s.
 */
@Entity
@Table(name = "comm_series")
public class CommSeries extends AbstractEntity {

    public static final int TITLE_MAX = 200;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "instance_id", nullable = false, updatable = false)
    private Long instanceId;

    @Column(name = "entry_key", nullable = false, updatable = false, length = 36)
    private String entryKey;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(length = 2000)
    private @Nullable String purpose;

    @Column(length = 120)
    private @Nullable String channel;

    @Column(name = "audience_note", length = 200)
    private @Nullable String audienceNote;

    @Column(nullable = false, length = 2000)
    private String audience = "";

    @Column(name = "owner_id")
    private @Nullable Long ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Cadence cadence;

    @Column(name = "first_date", nullable = false)
    private LocalDate firstDate;

    @Column(name = "plan_start", nullable = false)
    private LocalDate planStart;

    @Column(name = "plan_end", nullable = false)
    private LocalDate planEnd;

    @Column(name = "at_time", nullable = false, length = 5)
    private String atTime = "09:00";

    @Column(nullable = false, length = 80)
    private String weekdays = "";

    @Column(name = "every_n", nullable = false)
    private int every = 1;

    @Column(name = "day_of_month", nullable = false)
    private int dayOfMonth;

    @Column(name = "weekday_ordinal", nullable = false)
    private int weekdayOrdinal;

    @Enumerated(EnumType.STRING)
    @Column(name = "month_weekday", length = 10)
    private @Nullable DayOfWeek monthWeekday;

    @Column(name = "milestone_offsets", nullable = false, length = 200)
    private String milestoneOffsets = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "on_day_off", nullable = false, length = 30)
    private NonWorkingDayRule onDayOff = NonWorkingDayRule.PREVIOUS_WORKING_DAY;

    @Column(length = MessageTemplate.SUBJECT_MAX)
    private @Nullable String subject;

    @Column(length = Integer.MAX_VALUE)
    private @Nullable String body;

    @Column(name = "sends_status_report", nullable = false)
    private boolean sendsStatusReport;

    // Moved only by CommsPlanning's compare-and-set statement, so that marking thousands of
    // series is a few statements and two writers cannot both move one mark.
    @Column(name = "planned_until", updatable = false)
    private @Nullable LocalDate plannedUntil;

    @Version
    private long version;

    protected CommSeries() {
        this.projectId = 0L;
        this.instanceId = 0L;
        this.entryKey = "";
        this.title = "";
        this.cadence = Cadence.ONCE;
        this.firstDate = LocalDate.EPOCH;
        this.planStart = LocalDate.EPOCH;
        this.planEnd = LocalDate.EPOCH;
    }

    public CommSeries(Long projectId, Long instanceId, UUID entryKey, String title, @Nullable String purpose, @Nullable String channel,
                      @Nullable String audienceNote, @Nullable Long ownerId, Cadence cadence, EntryTiming timing, LocalDate firstDate,
                      LocalDate planStart, LocalDate planEnd, @Nullable MessageTemplate message, boolean sendsStatusReport) {
        this.projectId = projectId;
        this.instanceId = instanceId;
        this.entryKey = entryKey.toString();
        this.title = title;
        this.purpose = purpose;
        this.channel = channel;
        this.audienceNote = audienceNote;
        this.ownerId = ownerId;
        this.firstDate = firstDate;
        this.planStart = planStart;
        this.planEnd = planEnd;
        this.sendsStatusReport = sendsStatusReport;
        reschedule(cadence, timing);
        setMessage(message);
    }

    /** The last recurrence day whose occurrence is written; null before any is. See {@link PlanningHorizon}. */
    public @Nullable LocalDate getPlannedUntil() {
        return plannedUntil;
    }

    /** Records in memory the mark the planner stored; the column is never written by Hibernate. */
    public void plannedUntil(LocalDate day) {
        this.plannedUntil = day;
    }

    public SeriesSchedule schedule() {
        return new SeriesSchedule(cadence, timing(), firstDate, planStart, planEnd);
    }

    public EntryTiming timing() {
        return new EntryTiming(LocalTime.parse(atTime), weekdays.isBlank() ? Set.of()
                : Arrays.stream(weekdays.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))),
                every, dayOfMonth, weekdayOrdinal, monthWeekday,
                milestoneOffsets.isBlank() ? List.of() : Arrays.stream(milestoneOffsets.split(",")).map(Integer::valueOf).toList(), onDayOff);
    }

    public final void reschedule(Cadence newCadence, EntryTiming timing) {
        this.cadence = newCadence;
        this.atTime = timing.at().toString();
        this.weekdays = timing.weekdays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
        this.every = timing.every();
        this.dayOfMonth = timing.dayOfMonth();
        this.weekdayOrdinal = timing.weekdayOrdinal();
        this.monthWeekday = timing.monthWeekday();
        this.milestoneOffsets = timing.milestoneOffsets().stream().map(String::valueOf).collect(Collectors.joining(","));
        this.onDayOff = timing.onDayOff();
    }

    public void moveFirstDate(LocalDate date) {
        this.firstDate = date;
    }

    public @Nullable MessageTemplate message() {
        return subject == null ? null : new MessageTemplate(subject, body == null ? "" : body);
    }

    public final void setMessage(@Nullable MessageTemplate message) {
        this.subject = message == null ? null : message.subject();
        this.body = message == null ? null : message.body();
    }

    /** The audience as "L12,S40": distribution list 12, stakeholder 40. */
    public Set<Long> audienceIds(char kind) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : audience.split(",")) {
            if (part.length() > 1 && part.charAt(0) == kind) {
                ids.add(Long.valueOf(part.substring(1)));
            }
        }
        return ids;
    }

    public void setAudience(Set<Long> listIds, Set<Long> stakeholderIds) {
        String encoded = java.util.stream.Stream.concat(listIds.stream().map(id -> "L" + id), stakeholderIds.stream().map(id -> "S" + id))
                .collect(Collectors.joining(","));
        if (encoded.length() > 2000) {
            throw new CommsRuleException("audience", "An audience can name at most about 200 lists and stakeholders: use a distribution list.");
        }
        this.audience = encoded;
    }

    public void setOwnerId(@Nullable Long ownerId) {
        this.ownerId = ownerId;
    }

    public void setChannel(@Nullable String channel) {
        this.channel = channel;
    }

    public void setSendsStatusReport(boolean sendsStatusReport) {
        this.sendsStatusReport = sendsStatusReport;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public String getEntryKey() {
        return entryKey;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable String getPurpose() {
        return purpose;
    }

    public @Nullable String getChannel() {
        return channel;
    }

    public @Nullable String getAudienceNote() {
        return audienceNote;
    }

    public @Nullable Long getOwnerId() {
        return ownerId;
    }

    public Cadence getCadence() {
        return cadence;
    }

    public LocalDate getFirstDate() {
        return firstDate;
    }

    public LocalDate getPlanStart() {
        return planStart;
    }

    public LocalDate getPlanEnd() {
        return planEnd;
    }

    public boolean sendsStatusReport() {
        return sendsStatusReport;
    }

    public long getVersion() {
        return version;
    }

    /** Whether Cadence itself sends it (by email), or the owner only records that it happened (a meeting, a chat post). */
    public boolean sentByEmail() {
        return channel == null || channel.toLowerCase(java.util.Locale.ROOT).contains("mail");
    }
}
