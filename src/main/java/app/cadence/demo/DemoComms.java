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
import java.time.LocalDate;
import java.time.ZoneId;
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
    private final DemoStatusReports statusReports;

    DemoComms(TenantProvisioning provisioning, AccountDirectory accounts, TenantScope scope, ProjectService projects, Stakeholders stakeholders,
              DistributionLists lists, Communications communications, CommsReminders reminders, DemoStatusReports statusReports) {
        this.statusReports = statusReports;
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
        Long pmo = provisioning.findUserId("pmo@acme.example").orElse(null);
        Long dev = provisioning.findUserId("dev@acme.example").orElse(null);
        if (pm == null || pmo == null || dev == null) {
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
            // The last two Fridays' reports go out with the status reports published those days (below); the rest of the past was
            // held or sent before the plan moved to Cadence.
            LocalDate lastFriday = DemoStatusReports.lastFriday(communications.today());
            for (OccurrenceRow past : communications.agenda(crm, now.minus(Duration.ofDays(120)), now)) {
                boolean withReport = past.title().equals("Weekly status report") && !past.dueOn().isBefore(lastFriday.minusWeeks(1));
                if (!past.status().isOpen() || withReport) {
                    continue;
                }
                communications.markSent(past.id(), past.version(), switch (past.title()) {
                    case "Steering committee" -> "Held; decisions and minutes on the project SharePoint.";
                    case "Executive dashboard" -> "Published on the intranet.";
                    case "Quarterly business review" -> "Held with the sponsor; pack on SharePoint.";
                    case "Weekly status report" -> "Sent from Outlook, before the plan moved to Cadence.";
                    default -> null;
                });
                done[0]++;
            }
        });
        ZoneId zone = scope.call(pm, acme, communications::zone);
        LocalDate lastFriday = DemoStatusReports.lastFriday(scope.call(pm, acme, communications::today));
        statusReports.fridayBeforeLast(acme, pmo, crm, lastFriday.minusWeeks(1), zone);
        done[0] += sendWeeklyReport(acme, pm, crm, lastFriday.minusWeeks(1));
        statusReports.lastFriday(acme, pmo, crm, lastFriday, zone);
        done[0] += sendWeeklyReport(acme, pm, crm, lastFriday);
        int told = reminders.remindAll();
        log.info("Demo communications: CRM-03's plan with audiences, {} past occurrences sent or held, {} reminders.", done[0], told);
    }

    /** Sends the weekly status report due on {@code day}, drafted with the report published that day. */
    private int sendWeeklyReport(Long tenantId, Long pm, Long crm, LocalDate day) {
        return scope.call(pm, tenantId, () -> {
            for (OccurrenceRow o : communications.agenda(crm, day.atStartOfDay(communications.zone()).toInstant(),
                    day.plusDays(1).atStartOfDay(communications.zone()).toInstant())) {
                if (o.title().equals("Weekly status report") && o.status().isOpen()) {
                    var draft = communications.proposedDraft(o.id());
                    long version = communications.saveDraft(o.id(), o.version(), draft.subject(), draft.body());
                    communications.send(o.id(), version);
                    return 1;
                }
            }
            return 0;
        });
    }

    private static Set<Long> ids(List<StakeholderDetails> people, String rolePrefix) {
        return people.stream().filter(p -> p.draft().role() != null && p.draft().role().startsWith(rolePrefix)).map(StakeholderDetails::id)
                .collect(Collectors.toSet());
    }
}
