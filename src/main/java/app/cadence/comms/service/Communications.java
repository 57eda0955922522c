package app.cadence.comms.service;

import app.cadence.comms.domain.CommDelivery;
import app.cadence.comms.domain.CommDeliveryRepository;
import app.cadence.comms.domain.CommOccurrence;
import app.cadence.comms.domain.CommOccurrenceRepository;
import app.cadence.comms.domain.CommSeries;
import app.cadence.comms.domain.CommSeriesRepository;
import app.cadence.comms.domain.CommsRuleException;
import app.cadence.comms.domain.OccurrencePlanner.PlannedOccurrence;
import app.cadence.comms.domain.OccurrenceStatus;
import app.cadence.comms.domain.PlanningHorizon;
import app.cadence.comms.domain.WorkingCalendar;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.service.Email;
import app.cadence.mail.service.Outbox;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.project.service.ProjectRef;
import app.cadence.work.service.InstanceHeaders;
import app.cadence.project.service.ProjectService;
import app.cadence.reporting.service.PublishedReport;
import app.cadence.reporting.service.StatusReports;
import app.cadence.shared.EmailAddress;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.EntryTiming;
import app.cadence.template.domain.MessagePlaceholder;
import app.cadence.template.domain.MessageTemplate;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's communications in motion: the agenda of dated occurrences, the series they come from
 * (their timing, audience, owner and message, changed by a PM and re-planned at once), drafting an
 * occurrence from live project data, sending it by email through the outbox — one message per
 * recipient — or recording it as held for a channel Cadence does not send, skipping it with a
 * reason, and the log of what was sent. Everyone in the organisation reads; a PM (ADMIN, PMO, PM)
 * changes series; an occurrence's owner or a PM drafts, sends and skips it.
 */
@NamedInterface("api")
@Service
public class Communications {

    /** An occurrence as lists show it. */
    /** @param id none for an occurrence planned beyond what is written yet (see {@link PlanningHorizon}) */
    public record OccurrenceRow(@Nullable Long id, Long projectId, String projectKey, String projectName, @Nullable Long seriesId, String title,
                                @Nullable String channel, Instant dueAt, LocalDate dueOn, LocalDate scheduledFor, @Nullable Long ownerId,
                                String ownerName, OccurrenceStatus status, @Nullable String skipReason, long version) {
        public boolean moved() {
            return !dueOn.equals(scheduledFor);
        }

        public boolean overdue(Instant now) {
            return status.isOpen() && dueAt.isBefore(now);
        }
    }

    public record SeriesView(Long id, Long projectId, String title, @Nullable String purpose, @Nullable String channel, @Nullable String audienceNote,
                             Audience audience, String audienceLabel, @Nullable Long ownerId, String ownerName, Cadence cadence,
                             EntryTiming timing, String timingLabel, LocalDate firstDate, LocalDate planStart, LocalDate planEnd,
                             @Nullable MessageTemplate message, boolean sendsStatusReport, boolean sentByEmail, long version) {
    }

    /** A communication plan applied before Cadence planned occurrences (before issue C9): it has no series yet. */
    public record UnscheduledPlan(Long instanceId, String name) {
    }

    /** What a PM changes in a series. */
    public record SeriesChange(@Nullable Long ownerId, @Nullable String channel, Cadence cadence, EntryTiming timing, LocalDate firstDate,
                               Audience audience, @Nullable MessageTemplate message, boolean sendsStatusReport) {
    }

    /** One planned date of a preview: when the recurrence said, and the working day it moved to if it did. */
    public record PreviewDate(LocalDate scheduledFor, LocalDate day, Instant dueAt) {
        public boolean moved() {
            return !scheduledFor.equals(day);
        }
    }

    public record DeliveryView(String name, @Nullable String email, String status, boolean failed, @Nullable String problem) {
    }

    public record OccurrenceDetail(OccurrenceRow row, @Nullable String subject, @Nullable String body, @Nullable String note,
                                   @Nullable Instant sentAt, @Nullable String sentBy, String audienceLabel, List<Recipient> recipients,
                                   List<DeliveryView> deliveries, boolean sentByEmail, boolean sendsStatusReport, boolean canAct,
                                   boolean canReassign) {
    }

    private final CommSeriesRepository series;
    private final CommOccurrenceRepository occurrences;
    private final CommDeliveryRepository deliveries;
    private final CommsPlanning planning;
    private final Audiences audiences;
    private final ProjectService projects;
    private final MembershipDirectory members;
    private final Outbox outbox;
    private final ObjectProvider<LiveValues> liveValues;
    private final StatusReports reports;
    private final Notifications notifications;
    private final app.cadence.work.service.InstanceReading instanceReading;
    private final InstanceHeaders instanceHeaders;
    private final CommsLifecycle lifecycle;

    Communications(CommSeriesRepository series, CommOccurrenceRepository occurrences, CommDeliveryRepository deliveries, CommsPlanning planning,
                   Audiences audiences, ProjectService projects, MembershipDirectory members, Outbox outbox, ObjectProvider<LiveValues> liveValues,
                   StatusReports reports, Notifications notifications, app.cadence.work.service.InstanceReading instanceReading,
                   InstanceHeaders instanceHeaders, CommsLifecycle lifecycle) {
        this.instanceReading = instanceReading;
        this.instanceHeaders = instanceHeaders;
        this.lifecycle = lifecycle;
        this.reports = reports;
        this.notifications = notifications;
        this.series = series;
        this.occurrences = occurrences;
        this.deliveries = deliveries;
        this.planning = planning;
        this.audiences = audiences;
        this.projects = projects;
        this.members = members;
        this.outbox = outbox;
        this.liveValues = liveValues;
    }

    // ---- reading ----

    /** The project's occurrences due in [from, to), by date. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public List<OccurrenceRow> agenda(Long projectId, Instant from, Instant to) {
        projects.reference(projectId);
        Long tenantId = TenantContext.requireTenantId();
        List<CommSeries> ahead = series.findByProject(tenantId, projectId).stream()
                .filter(s -> s.getPlannedUntil() == null || s.getPlannedUntil().isBefore(LocalDate.ofInstant(to, planning.zone()))).toList();
        return withForecast(rows(occurrences.findByProjectBetween(tenantId, projectId, from, to)), ahead, from, to);
    }

    /**
     * The stored rows and, after them in time, the occurrences the series' plans have beyond what
     * is written ({@link PlanningHorizon}): planned, with no id — nothing to open until they are written.
     */
    private List<OccurrenceRow> withForecast(List<OccurrenceRow> stored, List<CommSeries> ahead, Instant from, Instant to) {
        if (ahead.isEmpty()) {
            return stored;
        }
        ZoneId zone = planning.zone();
        WorkingCalendar calendar = planning.calendar();
        Map<Long, ProjectRef> refs = projects.references(ahead.stream().map(CommSeries::getProjectId).collect(Collectors.toSet()));
        Map<Long, String> names = names(ahead.stream().map(CommSeries::getOwnerId).toList());
        List<OccurrenceRow> all = new ArrayList<>(stored);
        for (CommSeries s : ahead) {
            ProjectRef p = refs.get(s.getProjectId());
            for (PlannedOccurrence planned : PlanningHorizon.beyond(s.schedule().plan(zone, calendar), s.getPlannedUntil())) {
                if (!planned.dueAt().isBefore(from) && planned.dueAt().isBefore(to)) {
                    all.add(new OccurrenceRow(null, s.getProjectId(), p == null ? "" : p.key(), p == null ? "" : p.name(), s.getId(),
                            s.getTitle(), s.getChannel(), planned.dueAt(), planned.day(), planned.scheduledFor(), s.getOwnerId(),
                            s.getOwnerId() == null ? "Nobody" : names.getOrDefault(s.getOwnerId(), "A former member"), OccurrenceStatus.PLANNED,
                            null, 0));
                }
            }
        }
        all.sort(Comparator.comparing(OccurrenceRow::dueAt).thenComparing(OccurrenceRow::id, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(all);
    }

    /** What was sent, newest first. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public List<OccurrenceRow> log(Long projectId, long offset, int limit) {
        int size = Math.clamp(limit, 1, 200);
        return rows(occurrences.findLog(TenantContext.requireTenantId(), projectId, PageRequest.of(Math.toIntExact(offset / size), size)));
    }

    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public long logCount(Long projectId) {
        return occurrences.countLog(TenantContext.requireTenantId(), projectId);
    }

    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public List<SeriesView> series(Long projectId) {
        // Tenant-scoped already: another organisation's project simply has none (the project page reads this on every open).
        List<CommSeries> all = series.findByProject(TenantContext.requireTenantId(), projectId);
        Map<Long, String> names = names(all.stream().map(CommSeries::getOwnerId).toList());
        return all.stream().map(s -> view(s, names)).toList();
    }

    /** The signed-in person's open occurrences due before {@code until}: overdue ones first. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public List<OccurrenceRow> mine(Instant until) {
        return rows(occurrences.findOpenOwnedBy(TenantContext.requireTenantId(), me().userId(), until));
    }

    /** Every occurrence of the organisation due in [from, to), optionally of one program's projects or one owner. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public List<OccurrenceRow> organisationAgenda(Instant from, Instant to, @Nullable Long programId, @Nullable Long ownerId) {
        Long tenantId = TenantContext.requireTenantId();
        List<CommOccurrence> found = occurrences.findBetween(tenantId, from, to).stream()
                .filter(o -> ownerId == null || ownerId.equals(o.getOwnerId())).toList();
        List<CommSeries> ahead = series.findBehind(tenantId, LocalDate.ofInstant(to, planning.zone())).stream()
                .filter(s -> ownerId == null || ownerId.equals(s.getOwnerId())).toList();
        if (programId != null) {
            Set<Long> inProgram = java.util.stream.Stream.concat(found.stream().map(CommOccurrence::getProjectId), ahead.stream().map(CommSeries::getProjectId))
                    .distinct().filter(p -> programId.equals(projects.load(p).getProgramId())).collect(Collectors.toSet());
            found = found.stream().filter(o -> inProgram.contains(o.getProjectId())).toList();
            ahead = ahead.stream().filter(s -> inProgram.contains(s.getProjectId())).toList();
        }
        return withForecast(rows(found), ahead, from, to);
    }

    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public OccurrenceDetail occurrence(Long id) {
        CommOccurrence o = find(id);
        CommSeries s = o.getSeriesId() == null ? null : series.findInTenant(o.getSeriesId(), TenantContext.requireTenantId()).orElse(null);
        OccurrenceRow row = rows(List.of(o)).getFirst();
        List<DeliveryView> sent = new ArrayList<>();
        if (o.getStatus() == OccurrenceStatus.SENT) {
            List<CommDelivery> ds = deliveries.findByOccurrence(TenantContext.requireTenantId(), id);
            Map<Long, Outbox.DeliveryState> states = outbox.states(ds.stream().map(CommDelivery::getOutboxId).filter(Objects::nonNull).toList());
            for (CommDelivery d : ds) {
                Outbox.DeliveryState state = d.getOutboxId() == null ? null : states.get(d.getOutboxId());
                sent.add(new DeliveryView(d.getRecipientName(), d.getEmail(),
                        d.getProblem() != null ? "Not sent" : state == null ? "Unknown" : state.status(),
                        d.getProblem() != null || state != null && state.failed(),
                        d.getProblem() != null ? d.getProblem() : state == null ? null : state.lastError()));
            }
        }
        List<Recipient> recipients = s == null || o.getStatus() == OccurrenceStatus.SENT ? List.of() : audiences.recipients(o.getProjectId(), audienceOf(s));
        String audienceLabel = o.getAudienceLabel() != null ? o.getAudienceLabel() : s == null ? "" : audienceLabel(s);
        return new OccurrenceDetail(row, o.getSubject(), o.getBody(), o.getNote(),
                o.getSentAt(), o.getSentBy(), audienceLabel, recipients, sent, s == null || s.sentByEmail(), s != null && s.sendsStatusReport(),
                mayAct(o), o.getStatus().isOpen() && TenantContext.currentSelection().map(t -> t.role().managesProjects()).orElse(false));
    }

    /**
     * What the draft of an occurrence would say now: its saved draft, or the series' message filled
     * from live project data (subject: the entry's title when the series has no message).
     */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public MessageTemplate.FilledMessage proposedDraft(Long id) {
        CommOccurrence o = find(id);
        if (o.getSubject() != null) {
            return new MessageTemplate.FilledMessage(o.getSubject(), o.getBody() == null ? "" : o.getBody());
        }
        CommSeries s = o.getSeriesId() == null ? null : series.findInTenant(o.getSeriesId(), TenantContext.requireTenantId()).orElse(null);
        MessageTemplate message = s == null ? null : s.message();
        MessageTemplate.FilledMessage filled = message == null
                ? new MessageTemplate.FilledMessage(o.getTitle(), s != null && s.getPurpose() != null ? s.getPurpose() : "")
                : message.fill(values(o.getProjectId(), today(), o.getDueOn()));
        if (s != null && s.sendsStatusReport()) {
            // The report itself goes in the message, below the covering note: recipients read it without signing in.
            Optional<PublishedReport> report = reports.latestPublished(o.getProjectId());
            if (report.isPresent()) {
                return new MessageTemplate.FilledMessage(filled.subject(), filled.body().strip() + "\n\n---\n\n" + report.get().markdown());
            }
        }
        return filled;
    }

    private Map<MessagePlaceholder, String> values(Long projectId, LocalDate today, LocalDate occurrenceDate) {
        LiveValues source = liveValues.getIfAvailable();
        if (source != null) {
            return source.values(projectId, today, occurrenceDate);
        }
        ProjectRef project = projects.reference(projectId);
        Map<MessagePlaceholder, String> basic = new LinkedHashMap<>();
        basic.put(MessagePlaceholder.PROJECT_NAME, project.name());
        basic.put(MessagePlaceholder.PROJECT_CODE, project.key());
        basic.put(MessagePlaceholder.TODAY, today.toString());
        basic.put(MessagePlaceholder.OCCURRENCE_DATE, occurrenceDate.toString());
        return basic;
    }

    /** The dates a series would have with another timing, from its first date; which of them a day off moved. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public List<PreviewDate> preview(Long seriesId, Cadence cadence, EntryTiming timing, LocalDate firstDate) {
        CommSeries s = findSeries(seriesId);
        List<PlannedOccurrence> planned = new app.cadence.comms.domain.SeriesSchedule(cadence, timing, firstDate, s.getPlanStart(), s.getPlanEnd())
                .plan(planning.zone(), planning.calendar());
        return planned.stream().map(p -> new PreviewDate(p.scheduledFor(), p.day(), p.dueAt())).toList();
    }

    /** The project's communication plans that have no occurrences yet: applied before Cadence planned them. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public List<UnscheduledPlan> unscheduledPlans(Long projectId) {
        Long tenantId = TenantContext.requireTenantId();
        return instanceReading.instancesOf(projectId).stream()
                .filter(i -> i.kind() == app.cadence.template.domain.TemplateKind.COMMUNICATION_PLAN)
                .filter(i -> series.idsOfInstance(tenantId, i.id()).isEmpty())
                .map(i -> new UnscheduledPlan(i.id(), i.name())).toList();
    }

    /** Plans the occurrences of a plan applied before Cadence planned them, owned by the PM who asks; returns how many. */
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    @Transactional
    public int schedule(Long instanceId) {
        InstanceHeaders.InstanceHeader instance = instanceHeaders.header(instanceId);
        if (instance.kind() != app.cadence.template.domain.TemplateKind.COMMUNICATION_PLAN) {
            throw new CommsRuleException("Only a communication plan has occurrences to plan.");
        }
        return lifecycle.start(instance, me().userId());
    }

    // ---- changing ----

    /** Changes a series and re-plans its future at once; returns how many occurrences were replaced. */
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    @Transactional
    public int changeSeries(Long seriesId, long version, SeriesChange change) {
        CommSeries s = findSeries(seriesId);
        if (s.getVersion() != version) {
            throw new CommsRuleException("Someone else changed this communication meanwhile: reload to see their change, then make yours.");
        }
        if (change.ownerId() != null && !members.isActiveMember(change.ownerId())) {
            throw new CommsRuleException("owner", "The owner must be an active member of the organisation.");
        }
        if (change.channel() != null && change.channel().length() > 120) {
            throw new CommsRuleException("channel", "A channel is at most 120 characters.");
        }
        Set<Long> owners = new HashSet<>();
        if (s.getOwnerId() != null) {
            owners.add(s.getOwnerId());
        }
        boolean ownerChanged = !Objects.equals(s.getOwnerId(), change.ownerId());
        s.setOwnerId(change.ownerId());
        s.setChannel(change.channel() == null || change.channel().isBlank() ? null : change.channel().strip());
        s.reschedule(change.cadence(), change.timing());
        s.moveFirstDate(change.firstDate());
        s.setAudience(change.audience().listIds(), change.audience().stakeholderIds());
        s.setMessage(change.message());
        s.setSendsStatusReport(change.sendsStatusReport());
        series.saveAndFlush(s);
        if (ownerChanged && change.ownerId() != null) {
            tellNewOwner(change.ownerId(), s.getTitle() + " (every occurrence still to come)", "/projects/" + s.getProjectId());
        }
        if (ownerChanged) {
            // The open occurrences still to come follow the series' new owner; those past keep theirs.
            for (CommOccurrence o : occurrences.findBySeries(TenantContext.requireTenantId(), seriesId)) {
                if (o.getStatus().isOpen() && !o.getDueAt().isBefore(planning.now())) {
                    o.assignTo(change.ownerId());
                }
            }
            occurrences.flush();
        }
        CommsPlanning.Outcome outcome = planning.replan(s, planning.calendar());
        if (change.ownerId() != null) {
            owners.add(change.ownerId());
        }
        planning.announce(s.getProjectId(), "SERIES", owners);
        return outcome.added();
    }

    /** Saves the owner's draft; the occurrence becomes Drafted. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional
    public long saveDraft(Long id, long version, String subject, String body) {
        CommOccurrence o = findToAct(id, version);
        o.draft(subject, body, planning.now());
        occurrences.saveAndFlush(o);
        announce(o, "DRAFTED");
        return o.getVersion();
    }

    /**
     * Sends the occurrence by email, one message per recipient of the series' audience, through the
     * outbox (committed with the log entry, so both or neither). A recipient without an email address
     * is logged as not sent, with why. Refused without a draft or without any recipient with an email.
     */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional
    public int send(Long id, long version) {
        return deliver(findToAct(id, version), TenantContext.currentUserName());
    }

    /**
     * Sends a status-report occurrence that fell due by itself (the reminder round, nobody signed
     * in), when the project published a report since the entry's previous occurrence was due: the
     * weekly report goes out on its cadence without anyone pressing Send. A draft its owner saved
     * is sent as it is; otherwise the entry's message is filled now. Returns whether it was sent;
     * without a fresh report, an email channel or an audience with an address, it waits for its
     * owner (who has been reminded).
     */
    @Transactional
    boolean sendStatusReportOnSchedule(CommOccurrence o, CommSeries s, @Nullable Instant previousDue) {
        Optional<PublishedReport> report = reports.latestPublished(o.getProjectId());
        if (!s.sendsStatusReport() || !s.sentByEmail() || report.isEmpty()
                || previousDue != null && !report.get().publishedAt().isAfter(previousDue)
                || audiences.recipients(o.getProjectId(), audienceOf(s)).stream().noneMatch(r -> r.email() != null)) {
            return false;
        }
        if (o.getSubject() == null) {
            MessageTemplate.FilledMessage draft = proposedDraft(Objects.requireNonNull(o.getId()));
            o.draft(draft.subject(), draft.body(), planning.now());
        }
        deliver(o, "Cadence, on schedule");
        return true;
    }

    private int deliver(CommOccurrence o, String sender) {
        CommSeries s = o.getSeriesId() == null ? null : findSeries(o.getSeriesId());
        if (s == null) {
            throw new CommsRuleException("This communication's plan was removed from the project: it can only be skipped.");
        }
        if (o.getSubject() == null || o.getBody() == null) {
            throw new CommsRuleException("Draft the message first, then send it.");
        }
        if (s.sendsStatusReport() && reports.latestPublished(o.getProjectId()).isEmpty()) {
            throw new CommsRuleException("This communication sends the status report, and none is published yet: publish it on the project's "
                    + "Status reports tab, then draft this again.");
        }
        List<Recipient> recipients = audiences.recipients(o.getProjectId(), audienceOf(s));
        if (recipients.stream().noneMatch(r -> r.email() != null)) {
            throw new CommsRuleException(recipients.isEmpty()
                    ? "This communication has no audience yet: choose its distribution lists or stakeholders in the plan."
                    : "Nobody in the audience has an email address.");
        }
        o.markSent(sender, audienceLabel(s), null, planning.now());
        occurrences.saveAndFlush(o);
        Long occurrenceId = Objects.requireNonNull(o.getId());
        int queued = 0;
        String subject = o.getSubject();
        for (Recipient r : recipients) {
            if (r.email() == null || !EmailAddress.isValid(r.email())) {
                deliveries.save(new CommDelivery(occurrenceId, r.name(), r.email(), null,
                        r.email() == null ? "No email address" : "Not a valid email address"));
                continue;
            }
            Long outboxId = outbox.enqueue(new Email(EmailKind.COMMUNICATION, r.email(), Objects.requireNonNull(subject),
                    Objects.requireNonNull(o.getBody()), null));
            deliveries.save(new CommDelivery(occurrenceId, r.name(), r.email(), outboxId, null));
            queued++;
        }
        deliveries.flush();
        announce(o, "SENT");
        return queued;
    }

    /** Records an occurrence Cadence does not send (a meeting held, a chat post) as done, with a note. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional
    public void markSent(Long id, long version, @Nullable String note) {
        CommOccurrence o = findToAct(id, version);
        CommSeries s = o.getSeriesId() == null ? null : series.findInTenant(o.getSeriesId(), TenantContext.requireTenantId()).orElse(null);
        o.markSent(TenantContext.currentUserName(), s == null ? null : audienceLabel(s), note, planning.now());
        occurrences.saveAndFlush(o);
        announce(o, "SENT");
    }

    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional
    public void skip(Long id, long version, String reason) {
        CommOccurrence o = findToAct(id, version);
        o.skip(reason);
        occurrences.saveAndFlush(o);
        announce(o, "SKIPPED");
    }

    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional
    public void reinstate(Long id, long version) {
        CommOccurrence o = findToAct(id, version);
        o.reinstate();
        occurrences.saveAndFlush(o);
        announce(o, "REINSTATED");
    }

    /** Gives one occurrence to someone else (the owner on holiday that week). */
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    @Transactional
    public void reassign(Long id, long version, Long ownerId) {
        CommOccurrence o = findToAct(id, version);
        if (!members.isActiveMember(ownerId)) {
            throw new CommsRuleException("owner", "The owner must be an active member of the organisation.");
        }
        Long before = o.getOwnerId();
        o.assignTo(ownerId);
        occurrences.saveAndFlush(o);
        tellNewOwner(ownerId, o.getTitle() + " of " + DAY.format(o.getDueOn()), "/communications/" + o.getId());
        Set<Long> owners = new HashSet<>(Set.of(ownerId));
        if (before != null) {
            owners.add(before);
        }
        planning.announce(o.getProjectId(), "ASSIGNED", owners);
    }

    // ---- helpers ----

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.UK);

    /** Whoever is given a communication hears of it, unless they gave it to themselves. */
    private void tellNewOwner(Long ownerId, String what, String link) {
        if (ownerId.equals(TenantContext.currentUser().map(CadenceUser::userId).orElse(null))) {
            return;
        }
        notifications.send(NotificationRequest.to(ownerId, NotificationKind.ITEM_ASSIGNED, "Communication for you: " + what)
                .withBody("Draft it from live project data when it falls due; Cadence reminds you the day before.").withLink(link));
    }

    private void announce(CommOccurrence o, String change) {
        planning.announce(o.getProjectId(), change, o.getOwnerId() == null ? Set.of() : Set.of(o.getOwnerId()));
    }

    private CommOccurrence find(Long id) {
        return occurrences.findInTenant(id, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Communication", id));
    }

    private CommSeries findSeries(Long id) {
        return series.findInTenant(id, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Communication plan entry", id));
    }

    private CommOccurrence findToAct(Long id, long version) {
        CommOccurrence o = find(id);
        if (!mayAct(o)) {
            throw new AccessDeniedException("Only its owner or a project manager can draft, send or skip this communication.");
        }
        if (o.getVersion() != version) {
            throw new CommsRuleException("Someone else changed this communication meanwhile: reload to see their change, then make yours.");
        }
        return o;
    }

    private static boolean mayAct(CommOccurrence o) {
        CadenceUser user = TenantContext.currentUser().orElse(null);
        return user != null && (user.userId().equals(o.getOwnerId())
                || TenantContext.currentSelection().map(t -> t.role().managesProjects()).orElse(false));
    }

    private static CadenceUser me() {
        return TenantContext.currentUser().orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }

    private static Audience audienceOf(CommSeries s) {
        return new Audience(s.audienceIds('L'), s.audienceIds('S'));
    }

    private String audienceLabel(CommSeries s) {
        Audience audience = audienceOf(s);
        return audience.isEmpty() ? (s.getAudienceNote() == null ? "No audience chosen" : s.getAudienceNote() + " (not chosen yet)")
                : audiences.describe(audience);
    }

    private SeriesView view(CommSeries s, Map<Long, String> names) {
        return new SeriesView(Objects.requireNonNull(s.getId()), s.getProjectId(), s.getTitle(), s.getPurpose(), s.getChannel(), s.getAudienceNote(), audienceOf(s),
                audienceLabel(s), s.getOwnerId(), s.getOwnerId() == null ? "Nobody" : names.getOrDefault(s.getOwnerId(), "A former member"),
                s.getCadence(), s.timing(), s.getCadence().label() + ": " + s.timing().describe(s.getCadence()), s.getFirstDate(), s.getPlanStart(),
                s.getPlanEnd(), s.message(), s.sendsStatusReport(), s.sentByEmail(), s.getVersion());
    }

    private List<OccurrenceRow> rows(List<CommOccurrence> found) {
        Map<Long, ProjectRef> refs = projects.references(found.stream().map(CommOccurrence::getProjectId).collect(Collectors.toSet()));
        Map<Long, String> names = names(found.stream().map(CommOccurrence::getOwnerId).toList());
        return found.stream().map(o -> {
            ProjectRef p = refs.get(o.getProjectId());
            return new OccurrenceRow(Objects.requireNonNull(o.getId()), o.getProjectId(), p == null ? "" : p.key(), p == null ? "" : p.name(),
                    o.getSeriesId(), o.getTitle(), o.getChannel(), o.getDueAt(), o.getDueOn(), o.getScheduledFor(), o.getOwnerId(),
                    o.getOwnerId() == null ? "Nobody" : names.getOrDefault(o.getOwnerId(), "A former member"), o.getStatus(), o.getSkipReason(),
                    o.getVersion());
        }).toList();
    }

    private Map<Long, String> names(Collection<@Nullable Long> ids) {
        Set<Long> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return members.activeMembers(wanted).stream().collect(Collectors.toMap(MemberSummary::userId, MemberSummary::displayName, (a, b) -> a));
    }

    /** Now, by the application's clock: screens judge "overdue" and "this week" by it. */
    public Instant now() {
        return planning.now();
    }

    /** Today in the organisation's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(planning.now(), planning.zone());
    }

    /** The organisation's zone, for screens that show dates. */
    public ZoneId zone() {
        return planning.zone();
    }

    /** The active members who can own a communication, by name. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public List<MemberSummary> possibleOwners() {
        return members.activeMembers().stream().filter(m -> m.role() != app.cadence.tenancy.domain.Role.VIEWER)
                .sorted(java.util.Comparator.comparing(MemberSummary::displayName)).toList();
    }

}
