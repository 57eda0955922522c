package app.cadence.demo;

import app.cadence.comms.domain.DistributionListMember.Kind;
import app.cadence.comms.domain.StakeholderChannel;
import app.cadence.comms.domain.StakeholderDraft;
import app.cadence.comms.domain.StakeholderLevel;
import app.cadence.comms.service.DistributionLists;
import app.cadence.comms.service.StakeholderDetails;
import app.cadence.comms.service.Stakeholders;
import app.cadence.project.domain.ProjectRow;
import app.cadence.project.service.ProjectService;
import app.cadence.tenancy.service.AccountDirectory;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSelection;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * CRM-03's stakeholders (issue C9) — the sponsor, business owners, the vendor's contact, end-user
 * representatives — and Acme's "CRM steering committee" list of the PM, the PMO and two of them.
 * Runs once the application is ready, after {@link DemoDataSeeder} created Acme, as
 * {@link DemoLessons} does; skipped when CRM-03 already has stakeholders.
 */
@Component
@ConditionalOnProperty(name = "cadence.demo-data", havingValue = "true")
class DemoStakeholders {

    private static final Logger log = LoggerFactory.getLogger(DemoStakeholders.class);
    static final String LIST = "CRM steering committee";

    private final TenantProvisioning provisioning;
    private final AccountDirectory accounts;
    private final TenantScope scope;
    private final ProjectService projects;
    private final Stakeholders stakeholders;
    private final DistributionLists lists;

    DemoStakeholders(TenantProvisioning provisioning, AccountDirectory accounts, TenantScope scope, ProjectService projects,
                     Stakeholders stakeholders, DistributionLists lists) {
        this.provisioning = provisioning;
        this.accounts = accounts;
        this.scope = scope;
        this.projects = projects;
        this.stakeholders = stakeholders;
        this.lists = lists;
    }

    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(10)
    void seed() {
        Long pmo = provisioning.findUserId("pmo@acme.example").orElse(null);
        Long pm = provisioning.findUserId("pm@acme.example").orElse(null);
        if (pmo == null || pm == null) {
            return;
        }
        Long acme = accounts.initialSelection(pmo).map(TenantSelection::tenantId).orElse(null);
        if (acme == null) {
            return;
        }
        Long crm = scope.call(pmo, acme, () -> projects.list("CRM-03", Sort.by("key"), 0, 5)).stream().filter(p -> p.key().equals("CRM-03"))
                .map(ProjectRow::id).findFirst().orElse(null);
        if (crm == null || scope.call(pmo, acme, () -> stakeholders.count(crm, "")) > 0) {
            return;
        }
        List<StakeholderDetails> added = new ArrayList<>();
        scope.run(pmo, acme, () -> {
            added.add(stakeholders.add(crm, new StakeholderDraft("Helen Marsh", "helen.marsh@acme.example", "Acme Corp", "Executive sponsor (Sales Director)",
                    StakeholderLevel.HIGH, StakeholderLevel.HIGH, StakeholderChannel.REPORT, "Wants the RAG and decisions needed, one page.")));
            added.add(stakeholders.add(crm, new StakeholderDraft("Tom Okafor", "tom.okafor@acme.example", "Acme Corp", "Business owner, UK sales",
                    StakeholderLevel.HIGH, StakeholderLevel.HIGH, StakeholderChannel.MEETING, "Signs off wave 1 (UK).")));
            added.add(stakeholders.add(crm, new StakeholderDraft("Sabine Keller", "sabine.keller@acme.example", "Acme GmbH", "Business owner, DACH sales",
                    StakeholderLevel.HIGH, StakeholderLevel.MEDIUM, StakeholderChannel.EMAIL, "Wave 2; prefers German-language training material.")));
            added.add(stakeholders.add(crm, new StakeholderDraft("Raj Patel", "raj.patel@vendor.example", "Cloudforce Partners", "Vendor delivery lead",
                    StakeholderLevel.MEDIUM, StakeholderLevel.HIGH, StakeholderChannel.CHAT, "Shared Teams channel with the vendor team.")));
            added.add(stakeholders.add(crm, new StakeholderDraft("Lucy Fernandes", "lucy.fernandes@acme.example", "Acme Corp", "End-user representative, inside sales",
                    StakeholderLevel.LOW, StakeholderLevel.HIGH, StakeholderChannel.EMAIL, null)));
            added.add(stakeholders.add(crm, new StakeholderDraft("Nils Berg", "nils.berg@acme.example", "Acme Nordics AB", "End-user representative, field sales",
                    StakeholderLevel.LOW, StakeholderLevel.MEDIUM, StakeholderChannel.EMAIL, "Wave 3 (Nordics).")));
            Long steering = lists.create(LIST, "Monthly steering of the Salesforce rollout: decisions, risks, budget.");
            lists.add(steering, Kind.MEMBER, pm);
            lists.add(steering, Kind.MEMBER, pmo);
            lists.add(steering, Kind.STAKEHOLDER, added.get(0).id());
            lists.add(steering, Kind.STAKEHOLDER, added.get(1).id());
        });
        log.info("Demo stakeholders created: {} for CRM-03 and the list “{}”.", added.size(), LIST);
    }
}
