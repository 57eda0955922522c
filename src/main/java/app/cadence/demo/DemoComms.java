package app.cadence.demo;

import app.cadence.comms.service.Audience;
import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.OccurrenceRow;
import app.cadence.comms.service.Communications.SeriesChange;
import app.cadence.comms.service.Communications.SeriesView;
import app.cadence.comms.service.CommsReminders;
import app.cadence.comms.service.DistributionLists;
import app.cadence.comms.service.StakeholderDetails;
import app.cadence.comms.service.Stakeholders;
import app.cadence.project.domain.ProjectRow;
import app.cadence.project.service.ProjectService;
import app.cadence.tenancy.service.AccountDirectory;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSelection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * CRM-03's communication plan in motion (issue C9): its entries go to the steering committee list
 * and the right stakeholders; what fell due before today was sent (the weekly status reports,
 * with the published report in them) or held (steering committees, the intranet dashboard); the
 * milestone update and the executive dashboard belong to Diego (dev@acme.example), so his My
 * work shows communications to come; then one reminder round, as the scheduler would run it.
 */
@Component
@ConditionalOnProperty(name = "cadence.demo-data", havingValue = "true")
class DemoComms {

    private static final Logger log = LoggerFactory.getLogger(DemoComms.class);

    private final TenantProvisioning provisioning;
    private final AccountDirectory accounts;
    private final TenantScope scope;
    private final ProjectService projects;
    private final Stakeholders stakeholders;
    private final DistributionLists lists;
    private final Communications communications;
    private final CommsReminders reminders;

    DemoComms(TenantProvisioning provisioning, AccountDirectory accounts, TenantScope scope, ProjectService projects, Stakeholders stakeholders,
              DistributionLists lists, Communications communications, CommsReminders reminders) {
        this.provisioning = provisioning;
        this.accounts = accounts;
        this.scope = scope;
        this.projects = projects;
        this.stakeholders = stakeholders;
        this.lists = lists;
        this.communications = communications;
        this.reminders = reminders;
    }

    /** After the stakeholders and lists ({@link DemoStakeholders}), which the audiences name. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void seed() {
        Long pm = provisioning.findUserId("pm@acme.example").orElse(null);
        Long dev = provisioning.findUserId("dev@acme.example").orElse(null);
        if (pm == null || dev == null) {
            return;
        }
        Long acme = accounts.initialSelection(pm).map(TenantSelection::tenantId).orElse(null);
        if (acme == null) {
            return;
        }
        Long crm = scope.call(pm, acme, () -> projects.list("CRM-03", Sort.by("key"), 0, 5)).stream().filter(p -> p.key().equals("CRM-03"))
                .map(ProjectRow::id).findFirst().orElse(null);
        if (crm == null || scope.call(pm, acme, () -> communications.logCount(crm)) > 0) {
            return;
        }
        int[] done = {0};
        scope.run(pm, acme, () -> {
            List<StakeholderDetails> people = stakeholders.list(crm, "", Sort.by("name"), 0, 50);
            Long steering = lists.list(DemoStakeholders.LIST, Sort.by("name"), 0, 5).stream().findFirst().map(l -> l.id()).orElse(null);
            Set<Long> listIds = steering == null ? Set.of() : Set.of(steering);
            Set<Long> sponsor = ids(people, "Executive sponsor");
            Set<Long> users = people.stream().filter(p -> p.draft().role() != null && p.draft().role().startsWith("End-user"))
                    .map(StakeholderDetails::id).collect(Collectors.toSet());
            for (SeriesView s : communications.series(crm)) {
                Audience audience = switch (s.title()) {
                    case "Weekly status report", "Steering committee", "Quarterly business review" -> new Audience(listIds, sponsor);
                    case "Go-live notice", "Milestone update" -> new Audience(Set.of(), users);
                    default -> new Audience(listIds, Set.of());
                };
                Long owner = s.title().equals("Milestone update") || s.title().equals("Executive dashboard") ? dev : s.ownerId();
                communications.changeSeries(s.id(), s.version(), new SeriesChange(owner, s.channel(), s.cadence(), s.timing(), s.firstDate(),
                        audience, s.message(), s.sendsStatusReport()));
            }
            Instant now = communications.now();
            for (OccurrenceRow past : communications.agenda(crm, now.minus(Duration.ofDays(120)), now)) {
                if (!past.status().isOpen()) {
                    continue;
                }
                if (past.title().equals("Weekly status report") && past.dueAt().isAfter(now.minus(Duration.ofDays(15)))) {
                    var draft = communications.proposedDraft(past.id());
                    long version = communications.saveDraft(past.id(), past.version(), draft.subject(), draft.body());
                    communications.send(past.id(), version);
                } else {
                    communications.markSent(past.id(), past.version(), switch (past.title()) {
                        case "Steering committee" -> "Held; decisions and minutes on the project SharePoint.";
                        case "Executive dashboard" -> "Published on the intranet.";
                        case "Weekly status report" -> "Sent from Outlook, before the plan moved to Cadence.";
                        default -> null;
                    });
                }
                done[0]++;
            }
        });
        int told = reminders.remindAll();
        log.info("Demo communications: CRM-03's plan with audiences, {} past occurrences sent or held, {} reminders.", done[0], told);
    }

    private static Set<Long> ids(List<StakeholderDetails> people, String rolePrefix) {
        return people.stream().filter(p -> p.draft().role() != null && p.draft().role().startsWith(rolePrefix)).map(StakeholderDetails::id)
                .collect(Collectors.toSet());
    }
}
