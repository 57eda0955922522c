package app.cadence.home.service;

import app.cadence.tenancy.domain.Role;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one organisation contributes to the home page.
 *
 * @param moreItems outstanding items beyond those listed (My work in that organisation has them all)
 * @param red       red projects, for an ADMIN or PMO there; none for other roles
 */
public record OrganisationPart(Long tenantId, String name, Role role, ZoneId zone, List<HomeRow> rows, long moreItems, @Nullable Long red,
                               @Nullable Long amber) {
}
