package app.cadence.demo;

import app.cadence.lessons.domain.LessonCategory;
import app.cadence.lessons.service.LessonDraft;
import app.cadence.lessons.service.LessonFilter;
import app.cadence.lessons.service.Lessons;
import app.cadence.lessons.service.Lessons.TemplateChoice;
import app.cadence.project.service.ProjectRef;
import app.cadence.template.domain.ProposalKind;
import app.cadence.template.service.TemplateProposals;
import app.cadence.template.service.TemplateProposals.ItemChoice;
import app.cadence.tenancy.service.AccountDirectory;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSelection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The lessons learned library of the demo (issue C8): a few of Acme's lessons, one of which
 * proposed a change to the ERP go-live cutover runbook that the PMO accepted into its draft, and
 * one whose proposal waits on the runbook's page. Runs once the application is ready, so after
 * {@link DemoDataSeeder} (an application runner) has created Acme; a class of its own so that the
 * retrospectives' demo data can grow beside it. Skipped when Acme already has lessons.
 */
@Component
@ConditionalOnProperty(name = "cadence.demo-data", havingValue = "true")
class DemoLessons {

    private static final Logger log = LoggerFactory.getLogger(DemoLessons.class);
    static final String RUNBOOK = "ERP go-live cutover runbook";

    private final TenantProvisioning provisioning;
    private final AccountDirectory accounts;
    private final TenantScope scope;
    private final Lessons lessons;
    private final TemplateProposals proposals;

    DemoLessons(TenantProvisioning provisioning, AccountDirectory accounts, TenantScope scope, Lessons lessons, TemplateProposals proposals) {
        this.provisioning = provisioning;
        this.accounts = accounts;
        this.scope = scope;
        this.lessons = lessons;
        this.proposals = proposals;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        Long pmo = provisioning.findUserId("pmo@acme.example").orElse(null);
        Long pm = provisioning.findUserId("pm@acme.example").orElse(null);
        Long dev = provisioning.findUserId("dev@acme.example").orElse(null);
        if (pmo == null || pm == null || dev == null) {
            return;
        }
        Long acme = accounts.initialSelection(pmo).map(TenantSelection::tenantId).orElse(null);
        if (acme == null || scope.call(pmo, acme, () -> lessons.count(LessonFilter.none())) > 0) {
            return;
        }
        TemplateChoice runbook = scope.call(pm, acme, () -> lessons.templateChoices()).stream().filter(t -> t.name().equals(RUNBOOK))
                .findFirst().orElse(null);
        if (runbook == null) {
            return;
        }
        List<ItemChoice> steps = scope.call(pm, acme, () -> lessons.itemChoices(runbook.id()));
        ItemChoice loadStep = step(steps, "load");
        ItemChoice vendorStep = step(steps, "interface");

        Long volumes = scope.call(pm, acme, () -> lessons.record(LessonDraft.manual()
                .withText("Rehearse the data load with production volumes",
                        "CLOUD-02's rehearsal loaded a 10% extract; the live load would have taken three hours longer than planned.")
                .withImpact("The go-live window would have been overrun; found in the rehearsal report, not in the plan.")
                .withRecommendation("Make the last rehearsal load full production volumes and reconcile record counts before sign-off.")
                .inCategory(LessonCategory.CUTOVER).withTags(List.of("data migration", "rehearsal", "volumes"))
                .aboutTemplate(runbook.id(), loadStep == null ? null : loadStep.key()).forProject(project(pm, acme, "CLOUD-02"))));
        if (loadStep != null) {
            Long accepted = scope.call(pm, acme, () -> lessons.proposeChange(volumes, ProposalKind.ADD_AFTER, loadStep.key(),
                    "Reconcile record counts with the legacy system", "Compare record counts and control totals per company code; "
                            + "stop and escalate on any difference above 0.1%."));
            scope.run(pmo, acme, () -> proposals.accept(accepted, 0));
        }

        Long vendor = scope.call(dev, acme, () -> lessons.record(LessonDraft.manual()
                .withText("Name an owner for every vendor task in the runbook",
                        "Two interface switch-overs were “the vendor's”; on the night nobody knew who at the vendor to call.")
                .withRecommendation("Every vendor step names a person and a phone number, confirmed at the go/no-go.")
                .inCategory(LessonCategory.VENDOR).withTags(List.of("vendor", "ownership"))
                .aboutTemplate(runbook.id(), vendorStep == null ? null : vendorStep.key()).forProject(project(pm, acme, "ERP-01"))));
        ItemChoice toChange = vendorStep != null ? vendorStep : steps.isEmpty() ? null : steps.getFirst();
        scope.call(dev, acme, () -> toChange == null
                ? lessons.proposeChange(vendor, ProposalKind.NOTE, null, null, "Every vendor step should name its contact.")
                : lessons.proposeChange(vendor, ProposalKind.CHANGE, toChange.key(), toChange.title() + " (vendor contact named)",
                        "Owner: the vendor's named engineer; phone number in the runbook; confirmed at the go/no-go."));

        scope.call(pmo, acme, () -> lessons.record(LessonDraft.manual()
                .withText("Brief the service desk a week before go-live",
                        "Calls spiked on the first day of the intranet relaunch; the service desk had not seen the new pages.")
                .withImpact("Average wait on the service desk line rose to 25 minutes.")
                .withRecommendation("Add a service desk briefing to the communication plan, a week before go-live, with a FAQ.")
                .inCategory(LessonCategory.COMMUNICATION).withTags(List.of("service desk", "go-live"))
                .forProject(project(pm, acme, "INTRA-06"))));
        scope.call(pm, acme, () -> lessons.record(LessonDraft.manual()
                .withText("Book the rehearsal environment early",
                        "The only production-sized environment was booked by another project in the rehearsal week.")
                .withRecommendation("Book environments for every rehearsal when the runbook is applied.")
                .inCategory(LessonCategory.PLANNING).withTags(List.of("environments", "rehearsal"))
                .forProject(project(pm, acme, "CLOUD-02"))));
        log.info("Demo lessons learned created: 4 lessons, one proposal accepted into the draft of “{}”, one waiting.", RUNBOOK);
    }

    private static @Nullable ItemChoice step(List<ItemChoice> steps, String word) {
        return steps.stream().filter(s -> s.title().toLowerCase(Locale.ROOT).contains(word)).findFirst()
                .orElse(steps.isEmpty() ? null : steps.get(steps.size() / 2));
    }

    private @Nullable Long project(Long user, Long tenant, String key) {
        return scope.call(user, tenant, () -> lessons.projectChoices()).stream().filter(p -> p.key().equals(key)).map(ProjectRef::id)
                .findFirst().orElse(null);
    }
}
