package app.cadence.work.service;

import app.cadence.project.domain.ProjectSql;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.VersionState;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.ApplicableVersion;
import app.cadence.template.service.TemplateViews.TemplateDetails;
import app.cadence.template.service.TemplateViews.VersionSummary;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.domain.TenancySql;
import app.cadence.work.domain.Instance;
import app.cadence.work.domain.InstanceItem;
import app.cadence.work.domain.InstanceItemRepository;
import app.cadence.work.domain.UpgradeMerge;
import app.cadence.work.domain.WorkSql;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The drift report of a template — every instance of it, by the version it follows — and the
 * upgrade of many instances in one action, for ADMIN and PMO: a summary preview first (what the
 * upgrade adds, removes, changes and moves across them, and which are blocked and why), then
 * each instance upgraded in a transaction of its own, so that one that cannot be upgraded does not
 * hold back the others; the caller hears of each as it is done.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
public class TemplateDrift {

    /** One instance of the template: where it runs, who manages it, which version it follows, how far along it is. */
    public record DriftRow(Long instanceId, String instanceName, Long projectId, String projectKey, String projectName,
                           @Nullable String pmName, int versionNumber, long counted, long done, @Nullable Instant lastChange) {
        public int percentDone() {
            return counted == 0 ? 0 : (int) (done * 100 / counted);
        }

        public String label() {
            return projectKey + " · " + instanceName;
        }
    }

    /** The template's instances, oldest version first; {@code latest} is null when nothing is published or the template is retired. */
    public record DriftReport(Long templateId, String templateName, @Nullable Long latestVersionId, @Nullable Integer latestNumber,
                              List<DriftRow> rows) {
        public boolean behind(DriftRow row) {
            return latestNumber != null && row.versionNumber() < latestNumber;
        }

        public long behindCount() {
            return rows.stream().filter(this::behind).count();
        }

        /** How many instances follow each version, latest version first. */
        public Map<Integer, Long> byVersion() {
            Map<Integer, Long> counts = new LinkedHashMap<>();
            rows.stream().map(DriftRow::versionNumber).sorted(Comparator.reverseOrder())
                    .forEach(v -> counts.merge(v, 1L, Long::sum));
            return counts;
        }
    }

    /** An instance that will not be upgraded, and why. */
    public record Blocked(Long instanceId, String label, String why) {
    }

    /** What upgrading the chosen instances would do, in sum. */
    public record DriftSummary(int toNumber, int ready, long added, long removed, long kept, long changed, long moved, long keptValues,
                               List<Blocked> blocked) {
    }

    public enum Outcome { UPGRADED, BLOCKED, FAILED }

    /** What happened to one instance of the action. */
    public record InstanceOutcome(Long instanceId, String label, Outcome outcome, String message) {
    }

    private final InstanceRecords records;
    private final InstanceItemRepository items;
    private final TemplateLibrary templates;
    private final Upgrading upgrading;
    private final JdbcClient jdbc;
    private final TransactionTemplate eachInstance;

    TemplateDrift(InstanceRecords records, InstanceItemRepository items, TemplateLibrary templates, Upgrading upgrading, JdbcClient jdbc,
                  PlatformTransactionManager transactions) {
        this.records = records;
        this.items = items;
        this.templates = templates;
        this.upgrading = upgrading;
        this.jdbc = jdbc;
        this.eachInstance = new TransactionTemplate(transactions);
    }

    private static final String ROWS = """
            select i.id, i.name, i.project_id, p.project_key, p.name as project_name, acc.display_name as pm_name, i.version_number,
                   coalesce(c.counted, 0) as counted, coalesce(c.done, 0) as done, c.last_change
              from project_instance i
              join (%1$s) p on p.project_id = i.project_id
              left join (%2$s) acc on acc.user_id = p.pm_user_id
              left join (select it.instance_id,
                                sum(case when %3$s and it.status <> 'NOT_APPLICABLE' then 1 else 0 end) as counted,
                                sum(case when %3$s and it.status = 'DONE' then 1 else 0 end) as done,
                                max(it.updated_at) as last_change
                           from instance_item it
                          where it.tenant_id = :tenant
                            and it.instance_id in (select i2.id from project_instance i2 where i2.tenant_id = :tenant and i2.template_id = :template)
                          group by it.instance_id) c on c.instance_id = i.id
             where i.tenant_id = :tenant and i.template_id = :template
             order by i.version_number, p.project_key, i.id""".formatted(ProjectSql.PROJECTS, TenancySql.ACCOUNT_NAMES, WorkSql.COUNTED);

    /** Every instance of the template in this organisation, with the version each follows. */
    public DriftReport report(Long templateId) {
        TemplateDetails template = templates.details(templateId);
        List<DriftRow> rows = jdbc.sql(ROWS).param("tenant", InstanceRecords.tenantId()).param("template", template.id())
                .query((rs, n) -> new DriftRow(rs.getLong("id"), rs.getString("name"), rs.getLong("project_id"), rs.getString("project_key"),
                        rs.getString("project_name"), rs.getString("pm_name"), rs.getInt("version_number"), rs.getLong("counted"),
                        rs.getLong("done"), instant(rs.getTimestamp("last_change"))))
                .list();
        VersionSummary latest = template.status() == app.cadence.template.domain.TemplateStatus.RETIRED ? null
                : template.versions().stream().filter(v -> v.state() == VersionState.PUBLISHED && v.number() != null)
                .max(Comparator.comparingInt(v -> Objects.requireNonNull(v.number()))).orElse(null);
        return new DriftReport(template.id(), template.name(), latest == null ? null : latest.id(), latest == null ? null : latest.number(), rows);
    }

    /** What upgrading the instances to the template's latest version would do; nothing is saved. */
    public DriftSummary summary(Long templateId, Collection<Long> instanceIds) {
        ApplicableVersion target = latest(templateId);
        Map<Long, String> blockedBy = upgrading.blockedBy(instanceIds);
        Upgrading.Plans plans = upgrading.plans();
        List<Blocked> blocked = new ArrayList<>();
        long added = 0;
        long removed = 0;
        long kept = 0;
        long changed = 0;
        long moved = 0;
        long keptValues = 0;
        int ready = 0;
        Long tenantId = InstanceRecords.tenantId();
        for (Long id : instanceIds) {
            Instance instance = instanceOf(templateId, id);
            String why = blockedBy.get(id) != null ? blockedBy.get(id)
                    : instance.getVersionNumber() >= target.number() ? "Already follows version " + instance.getVersionNumber() + "." : null;
            if (why != null) {
                blocked.add(new Blocked(id, label(instance), why));
                continue;
            }
            UpgradeMerge merge = plans.merge(instance, items.findByInstance(id, tenantId), target.content());
            ready++;
            added += merge.added().size();
            kept += merge.keptCount();
            removed += merge.removed().size() - merge.keptCount();
            changed += merge.changed().size();
            moved += merge.moved().size();
            keptValues += merge.keptValueCount();
        }
        return new DriftSummary(target.number(), ready, added, removed, kept, changed, moved, keptValues, blocked);
    }

    /**
     * Upgrades the instances to the template's latest version, each in a transaction of its own,
     * telling {@code progress} of each as it is done. Blocked ones (a run under way, already on
     * the latest version) are skipped with why; one that fails does not undo the others.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<InstanceOutcome> upgradeAll(Long templateId, Collection<Long> instanceIds, Consumer<InstanceOutcome> progress) {
        ApplicableVersion target = eachInstance.execute(tx -> latest(templateId));
        Upgrading.Plans plans = eachInstance.execute(tx -> upgrading.plans());
        List<InstanceOutcome> outcomes = new ArrayList<>();
        for (Long id : instanceIds) {
            InstanceOutcome outcome;
            try {
                outcome = eachInstance.execute(tx -> upgradeOne(templateId, id, Objects.requireNonNull(target), Objects.requireNonNull(plans)));
            } catch (RuleViolationException | ConcurrentChangeException e) {
                outcome = new InstanceOutcome(id, labelOf(id), Outcome.BLOCKED, e.getMessage());
            } catch (RecordNotFoundException | AccessDeniedException e) {
                throw e;
            } catch (RuntimeException e) {
                outcome = new InstanceOutcome(id, labelOf(id), Outcome.FAILED, "Not upgraded: " + e.getMessage());
            }
            outcomes.add(Objects.requireNonNull(outcome));
            progress.accept(outcome);
        }
        return outcomes;
    }

    private InstanceOutcome upgradeOne(Long templateId, Long id, ApplicableVersion target, Upgrading.Plans plans) {
        Instance instance = instanceOf(templateId, id);
        String blocked = upgrading.blockedBy(List.of(id)).get(id);
        if (blocked != null) {
            return new InstanceOutcome(id, label(instance), Outcome.BLOCKED, blocked);
        }
        if (instance.getVersionNumber() >= target.number()) {
            return new InstanceOutcome(id, label(instance), Outcome.BLOCKED, "Already follows version " + instance.getVersionNumber() + ".");
        }
        List<InstanceItem> current = items.findByInstance(id, InstanceRecords.tenantId());
        InstanceUpgrades.UpgradeResult result = upgrading.upgrade(instance, current, target, plans.merge(instance, current, target.content()));
        return new InstanceOutcome(id, label(instance), Outcome.UPGRADED,
                "Upgraded from version " + result.fromNumber() + " to " + result.toNumber() + ": " + result.counts() + ".");
    }

    private ApplicableVersion latest(Long templateId) {
        DriftReport report = report(templateId);
        if (report.latestVersionId() == null) {
            throw new RuleViolationException(null, "“" + report.templateName() + "” has no published version its instances could be upgraded to.");
        }
        return templates.applicableVersion(templateId, report.latestVersionId());
    }

    /** An instance of this template in the current organisation; any other is not found. */
    private Instance instanceOf(Long templateId, Long id) {
        Instance instance = records.findInstance(id);
        if (!instance.getTemplateId().equals(templateId)) {
            throw new RecordNotFoundException("Instance", id);
        }
        return instance;
    }

    private String label(Instance instance) {
        return records.findProject(instance.getProjectId()).key() + " · " + instance.getName();
    }

    private String labelOf(Long id) {
        try {
            return eachInstance.execute(tx -> label(records.findInstance(id)));
        } catch (RuntimeException e) {
            return "Instance " + id;
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
