package app.cadence.comms.service;

import app.cadence.comms.domain.CommDeliveryRepository;
import app.cadence.comms.domain.CommOccurrenceRepository;
import app.cadence.comms.domain.CommSeries;
import app.cadence.comms.domain.CommSeriesRepository;
import app.cadence.comms.domain.CommsRuleException;
import app.cadence.comms.domain.OccurrenceStatus;
import app.cadence.project.events.ProjectChanged;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.work.service.InstanceHeaders.InstanceHeader;
import app.cadence.work.service.InstanceHeaders;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Communication plans follow their instances: applying one turns each entry into a series with its
 * dated occurrences, owned by whoever applied it until the PM hands entries out; removing the plan
 * removes its series and what was not sent yet, but keeps what was sent in the project's log;
 * deleting the project removes everything, in the same transaction.
 */
@Component
class CommsLifecycle {

    private final CommSeriesRepository series;
    private final CommOccurrenceRepository occurrences;
    private final CommDeliveryRepository deliveries;
    private final CommsPlanning planning;
    private final InstanceHeaders instances;
    private final TemplateLibrary templates;
    private final MembershipDirectory members;

    CommsLifecycle(CommSeriesRepository series, CommOccurrenceRepository occurrences, CommDeliveryRepository deliveries, CommsPlanning planning,
                   InstanceHeaders instances, TemplateLibrary templates, MembershipDirectory members) {
        this.series = series;
        this.occurrences = occurrences;
        this.deliveries = deliveries;
        this.planning = planning;
        this.instances = instances;
        this.templates = templates;
        this.members = members;
    }

    @EventListener
    void on(ProjectChanged change) {
        Long tenantId = change.tenantId();
        switch (change.change()) {
            case INSTANCE_APPLIED -> {
                InstanceHeader instance = instances.header(Objects.requireNonNull(change.instanceId()));
                if (instance.kind() == TemplateKind.COMMUNICATION_PLAN) {
                    start(instance, change.changedBy().userId());
                }
            }
            case INSTANCE_UPGRADED -> {
                InstanceHeader instance = instances.header(Objects.requireNonNull(change.instanceId()));
                if (instance.kind() == TemplateKind.COMMUNICATION_PLAN) {
                    follow(instance, change.changedBy().userId());
                }
            }
            case INSTANCE_REMOVED -> remove(tenantId, series.idsOfInstance(tenantId, Objects.requireNonNull(change.instanceId())));
            case DELETED -> {
                deliveries.deleteOfProject(tenantId, change.projectId());
                occurrences.deleteOfProject(tenantId, change.projectId());
                List<Long> ids = series.idsOfProject(tenantId, change.projectId());
                if (!ids.isEmpty()) {
                    series.deleteSeries(tenantId, ids);
                }
            }
            default -> {
            }
        }
    }

    /** The series of a communication plan instance and their occurrences; returns how many occurrences. */
    int start(InstanceHeader instance, @Nullable Long ownerId) {
        if (!series.idsOfInstance(TenantContext.requireTenantId(), instance.id()).isEmpty()) {
            throw new CommsRuleException("This communication plan is already scheduled.");
        }
        Long owner = ownerId != null && members.isActiveMember(ownerId) ? ownerId : someProjectManager();
        List<CommSeries> created = new ArrayList<>();
        entriesOf(instance).values().forEach(entry -> created.add(seriesFor(instance, entry, owner)));
        series.saveAllAndFlush(created);
        int planned = planning.generate(created, planning.calendar()).planned();
        planning.announce(instance.projectId(), "PLANNED", Set.of(owner));
        return planned;
    }

    /**
     * After an upgrade to another version of the plan (or its undo), the series follow the entries
     * as the instance's items do: an entry new to the version gets its series and occurrences; the
     * series of an entry the version no longer has goes if nothing of it was drafted, sent or
     * skipped, and stays (the project's record) if something was; an entry in both keeps its series
     * as the team has it — its owner, timing and audience are the project's.
     */
    void follow(InstanceHeader instance, @Nullable Long byUserId) {
        Long tenantId = TenantContext.requireTenantId();
        Map<String, CommunicationEntry> entries = entriesOf(instance);
        List<CommSeries> existing = series.findByProject(tenantId, instance.projectId()).stream()
                .filter(s -> s.getInstanceId().equals(instance.id())).toList();
        if (existing.isEmpty()) {
            // Applied before occurrences existed and never planned: the Communications tab offers to plan it.
            return;
        }
        Set<String> followed = existing.stream().map(CommSeries::getEntryKey).collect(java.util.stream.Collectors.toSet());
        remove(tenantId, existing.stream().filter(s -> !entries.containsKey(s.getEntryKey()))
                .filter(s -> occurrences.findBySeries(tenantId, s.getId()).stream().allMatch(o -> o.getStatus() == OccurrenceStatus.PLANNED))
                .map(CommSeries::getId).toList());
        List<CommunicationEntry> added = entries.values().stream().filter(e -> !followed.contains(e.key().toString())).toList();
        if (added.isEmpty()) {
            planning.announce(instance.projectId(), "PLANNED", Set.of());
            return;
        }
        Long owner = byUserId != null && members.isActiveMember(byUserId) ? byUserId : someProjectManager();
        List<CommSeries> created = added.stream().map(entry -> seriesFor(instance, entry, owner)).toList();
        series.saveAllAndFlush(created);
        planning.generate(created, planning.calendar());
        planning.announce(instance.projectId(), "PLANNED", Set.of(owner));
    }

    /** The plan's entries in the instance's version, by key, in order. */
    private Map<String, CommunicationEntry> entriesOf(InstanceHeader instance) {
        Map<String, CommunicationEntry> entries = new LinkedHashMap<>();
        templates.publishedContent(instance.templateVersionId()).items().forEach(item -> {
            if (item instanceof CommunicationEntry entry) {
                entries.put(entry.key().toString(), entry);
            }
        });
        return entries;
    }

    private static CommSeries seriesFor(InstanceHeader instance, CommunicationEntry entry, Long owner) {
        LocalDate start = Objects.requireNonNull(instance.planStart(), "a communication plan has a start");
        LocalDate end = Objects.requireNonNull(instance.planEnd(), "a communication plan has an end");
        LocalDate anchor = switch (entry.anchor()) {
            case PLAN_START -> start;
            case GO_LIVE -> instance.goLive() == null ? start : instance.goLive();
            case PLAN_END -> end;
        };
        // A milestone entry's dates are offsets around the anchor; any other starts at anchor + offset.
        LocalDate first = entry.cadence() == app.cadence.template.domain.Cadence.AT_MILESTONE && !entry.timing().milestoneOffsets().isEmpty()
                ? anchor : anchor.plusDays(entry.offsetDays());
        return new CommSeries(instance.projectId(), instance.id(), entry.key(), entry.title(), entry.purpose(), entry.channel(),
                entry.audience(), owner, entry.cadence(), entry.timing(), first, start, end, entry.message(), entry.sendsStatusReport());
    }

    /** Who owns a plan Cadence scheduled by itself (nobody signed in): a project manager of the organisation. */
    private Long someProjectManager() {
        return members.activeMembers().stream().filter(m -> m.role().managesProjects()).map(MemberSummary::userId).findFirst()
                .orElseThrow(() -> new CommsRuleException("The organisation has no project manager to own its communications."));
    }

    private void remove(Long tenantId, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        occurrences.deleteUnsentOfSeries(tenantId, ids);
        occurrences.detachFromSeries(tenantId, ids);
        series.deleteSeries(tenantId, ids);
    }
}
