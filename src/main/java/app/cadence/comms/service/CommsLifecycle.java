package app.cadence.comms.service;

import app.cadence.comms.domain.CommDeliveryRepository;
import app.cadence.comms.domain.CommOccurrenceRepository;
import app.cadence.comms.domain.CommSeries;
import app.cadence.comms.domain.CommSeriesRepository;
import app.cadence.comms.domain.CommsRuleException;
import app.cadence.project.events.ProjectChanged;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.work.service.InstanceHeaders;
import app.cadence.work.service.InstanceHeaders.InstanceHeader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
        LocalDate start = Objects.requireNonNull(instance.planStart(), "a communication plan has a start");
        LocalDate end = Objects.requireNonNull(instance.planEnd(), "a communication plan has an end");
        Long owner = ownerId != null && members.isActiveMember(ownerId) ? ownerId : someProjectManager();
        TemplateContent content = templates.publishedContent(instance.templateVersionId());
        List<CommSeries> created = new ArrayList<>();
        content.items().forEach(item -> {
            if (item instanceof CommunicationEntry entry) {
                LocalDate anchor = switch (entry.anchor()) {
                    case PLAN_START -> start;
                    case GO_LIVE -> instance.goLive() == null ? start : instance.goLive();
                    case PLAN_END -> end;
                };
                // A milestone entry's dates are offsets around the anchor; any other starts at anchor + offset.
                LocalDate first = entry.cadence() == app.cadence.template.domain.Cadence.AT_MILESTONE && !entry.timing().milestoneOffsets().isEmpty()
                        ? anchor : anchor.plusDays(entry.offsetDays());
                CommSeries s = new CommSeries(instance.projectId(), instance.id(), entry.key(), entry.title(), entry.purpose(), entry.channel(),
                        entry.audience(), owner, entry.cadence(), entry.timing(), first, start, end, entry.message(), entry.sendsStatusReport());
                created.add(s);
            }
        });
        series.saveAllAndFlush(created);
        int planned = planning.generate(created, planning.calendar()).planned();
        planning.announce(instance.projectId(), "PLANNED", Set.of(owner));
        return planned;
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
