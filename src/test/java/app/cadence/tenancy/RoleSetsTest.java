package app.cadence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import org.junit.jupiter.api.Test;

/** What each role is granted, through the role sets that screens and services name. */
class RoleSetsTest {

    @Test
    void eachRoleBelongsToTheSetsOfEveryoneWithAtLeastItsRights() {
        assertThat(Role.ADMIN.sets()).containsExactly(RoleSets.MEMBERS, RoleSets.PROJECT_MANAGERS,
                RoleSets.PORTFOLIO_OFFICE, RoleSets.ADMINISTRATORS);
        assertThat(Role.PMO.sets()).containsExactly(RoleSets.MEMBERS, RoleSets.PROJECT_MANAGERS, RoleSets.PORTFOLIO_OFFICE);
        assertThat(Role.PM.sets()).containsExactly(RoleSets.MEMBERS, RoleSets.PROJECT_MANAGERS);
        assertThat(Role.CONTRIBUTOR.sets()).containsExactly(RoleSets.MEMBERS);
        assertThat(Role.VIEWER.sets()).containsExactly(RoleSets.MEMBERS);
    }

    @Test
    void theAuthoritiesAreTheRoleAndItsSetsAsSpringSecurityRoles() {
        assertThat(Role.PM.authorities()).containsExactly("ROLE_PM", "ROLE_MEMBERS", "ROLE_PROJECT_MANAGERS");
        assertThat(Role.VIEWER.authorities()).containsExactly("ROLE_VIEWER", "ROLE_MEMBERS");
    }

    @Test
    void onlyTheRolesThatManageProjectsAreProjectManagers() {
        for (Role role : Role.values()) {
            assertThat(role.sets().contains(RoleSets.PROJECT_MANAGERS)).as(role.name()).isEqualTo(role.managesProjects());
        }
    }

    @Test
    void noSetIsNamedLikeARoleSoNoRoleIsGrantedASetByName() {
        for (Role role : Role.values()) {
            assertThat(role.sets()).doesNotContain(role.name());
        }
    }
}
