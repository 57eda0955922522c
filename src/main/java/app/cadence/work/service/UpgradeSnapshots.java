package app.cadence.work.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The instance's items as they were before an upgrade, kept row for row (ids and versions
 * included) in {@code instance_item_snapshot}, so that undoing the upgrade puts back exactly the
 * items it replaced; and the fingerprint that tells whether an item changed since. Every
 * statement names the tenant (Hibernate's tenant filter does not reach plain SQL).
 */
@Component
class UpgradeSnapshots {

    private static final String COLUMNS = """
            id, tenant_id, instance_id, project_id, instance_kind, item_key, section_key, section_title, section_role,
            section_position, position, title, details, step_type, owner_role, duration_minutes, predecessors,
            evidence_required, critical_path, outside_template, status, assignee_user_id, due_at, started_at, completed_at,
            completed_by, notes, evidence_url, blocked_reason, created_at, created_by, updated_at, updated_by, version""";

    private final JdbcTemplate jdbc;

    UpgradeSnapshots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the instance's items as they are in the database now, under the upgrade; drops the copies older upgrades kept. */
    void keep(Long tenantId, Long instanceId, Long upgradeId) {
        jdbc.update("""
                delete from instance_item_snapshot where tenant_id = ? and upgrade_id in
                  (select u.id from instance_upgrade u where u.tenant_id = ? and u.instance_id = ?)""", tenantId, tenantId, instanceId);
        jdbc.update("insert into instance_item_snapshot (upgrade_id, " + COLUMNS + ") select ?, " + COLUMNS
                + " from instance_item where tenant_id = ? and instance_id = ?", upgradeId, tenantId, instanceId);
    }

    /** Replaces the instance's items with those kept under the upgrade, and forgets the copy. */
    void restore(Long tenantId, Long instanceId, Long upgradeId) {
        jdbc.update("delete from instance_item where tenant_id = ? and instance_id = ?", tenantId, instanceId);
        jdbc.update("insert into instance_item (" + COLUMNS + ") select " + COLUMNS
                + " from instance_item_snapshot where tenant_id = ? and upgrade_id = ? and instance_id = ?", tenantId, upgradeId, instanceId);
        forget(tenantId, upgradeId);
    }

    void forget(Long tenantId, Long upgradeId) {
        jdbc.update("delete from instance_item_snapshot where tenant_id = ? and upgrade_id = ?", tenantId, upgradeId);
    }

    /** The copies kept for an instance's upgrades, when the instance goes. */
    void forgetInstance(Long tenantId, Long instanceId) {
        jdbc.update("delete from instance_item_snapshot where tenant_id = ? and instance_id = ?", tenantId, instanceId);
    }

    void forgetProject(Long tenantId, Long projectId) {
        jdbc.update("delete from instance_item_snapshot where tenant_id = ? and project_id = ?", tenantId, projectId);
    }

    /** The ids of the items kept under an upgrade. */
    List<Long> keptIds(Long tenantId, Long upgradeId) {
        return jdbc.queryForList("select id from instance_item_snapshot where tenant_id = ? and upgrade_id = ?", Long.class, tenantId, upgradeId);
    }

    /** The items' ids and versions, hashed: any change of an item, any item added or removed, changes it. */
    String fingerprint(Long tenantId, Long instanceId) {
        MessageDigest digest = sha256();
        jdbc.query("select id, version from instance_item where tenant_id = ? and instance_id = ? order by id",
                rs -> {
                    digest.update((rs.getLong(1) + ":" + rs.getLong(2) + ";").getBytes(StandardCharsets.US_ASCII));
                }, tenantId, instanceId);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The ids of the instance's items now. */
    List<Long> itemIds(Long tenantId, Long instanceId) {
        return jdbc.queryForList("select id from instance_item where tenant_id = ? and instance_id = ?", Long.class, tenantId, instanceId);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
