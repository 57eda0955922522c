package app.cadence.work.domain;

import app.cadence.tenancy.domain.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may change what on an instance item: ADMIN, PMO and PM everything; a CONTRIBUTOR the status,
 * notes and evidence of items assigned to them; a VIEWER nothing.
 */
public final class ItemPermissions {

    private static final Set<ItemField> CONTRIBUTOR_FIELDS = EnumSet.of(ItemField.STATUS, ItemField.NOTES, ItemField.EVIDENCE);

    private ItemPermissions() {
    }

    public static Set<ItemField> editable(Role role, boolean assignedToMe) {
        return switch (role) {
            case ADMIN, PMO, PM -> EnumSet.allOf(ItemField.class);
            case CONTRIBUTOR -> assignedToMe ? EnumSet.copyOf(CONTRIBUTOR_FIELDS) : EnumSet.noneOf(ItemField.class);
            case VIEWER -> EnumSet.noneOf(ItemField.class);
        };
    }

    /** May run bulk changes and apply or remove templates. */
    public static boolean managesInstances(Role role) {
        return role.managesProjects();
    }

    /**
     * May upgrade an instance to a newer version of its template: ADMIN and PMO any project's
     * (they own the templates and roll changes out across projects), a PM only the instances of
     * a project they manage.
     */
    public static boolean upgradesInstance(Role role, boolean managesTheProject) {
        return switch (role) {
            case ADMIN, PMO -> true;
            case PM -> managesTheProject;
            case CONTRIBUTOR, VIEWER -> false;
        };
    }
}
