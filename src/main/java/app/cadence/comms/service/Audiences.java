package app.cadence.comms.service;

import app.cadence.comms.domain.DistributionList;
import app.cadence.comms.domain.DistributionListMember;
import app.cadence.comms.domain.DistributionListMemberRepository;
import app.cadence.comms.domain.DistributionListRepository;
import app.cadence.comms.domain.Stakeholder;
import app.cadence.comms.domain.StakeholderRepository;
import app.cadence.project.service.ProjectService;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a communication goes to: an {@link Audience} (lists and stakeholders) expanded to
 * {@link Recipient}s. Everything is read in the current organisation: ids of another one, or of
 * lists and stakeholders deleted since the audience was chosen, are ignored rather than refused,
 * so that a communication planned months ago still goes to whoever is left.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class Audiences {

    /** Lists a picker offers at most: more than an organisation keeps. */
    static final int LISTS_MAX = 500;
    /** Stakeholders of one project a picker offers at most. */
    static final int STAKEHOLDERS_MAX = 2_000;

    private static final Comparator<Recipient> ORDER = Comparator.comparing(Recipient::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(r -> r.email() == null ? "" : r.email().toLowerCase(Locale.ROOT))
            .thenComparing(Recipient::kind)
            .thenComparing(Recipient::refId);

    private final DistributionListRepository lists;
    private final DistributionListMemberRepository listed;
    private final StakeholderRepository stakeholders;
    private final MembershipDirectory members;
    private final ProjectService projects;

    Audiences(DistributionListRepository lists, DistributionListMemberRepository listed, StakeholderRepository stakeholders,
              MembershipDirectory members, ProjectService projects) {
        this.lists = lists;
        this.listed = listed;
        this.stakeholders = stakeholders;
        this.members = members;
        this.projects = projects;
    }

    /**
     * The recipients of an audience for a project, in a stable order (by name, then email);
     * ids of another tenant, deleted lists or stakeholders are ignored; stakeholders of other
     * projects only when they come through a list. One person reached twice — on two lists, or as
     * a member and a stakeholder with the same address — is one recipient (a member wins over a
     * stakeholder, so replies reach their account). Members who left the organisation are skipped.
     * A project of another organisation is not found.
     */
    @Transactional(readOnly = true)
    public List<Recipient> recipients(Long projectId, Audience audience) {
        Long tenantId = TenantContext.requireTenantId();
        projects.reference(projectId);
        if (audience.isEmpty()) {
            return List.of();
        }
        Set<Long> userIds = new HashSet<>();
        Set<Long> listedStakeholders = new HashSet<>();
        if (!audience.listIds().isEmpty()) {
            List<Long> listIds = lists.findAllInTenant(audience.listIds(), tenantId).stream().map(DistributionList::id).toList();
            if (!listIds.isEmpty()) {
                for (DistributionListMember row : listed.findByLists(tenantId, listIds)) {
                    (row.getKind() == DistributionListMember.Kind.MEMBER ? userIds : listedStakeholders).add(row.getRefId());
                }
            }
        }
        List<Stakeholder> people = new ArrayList<>();
        if (!audience.stakeholderIds().isEmpty()) {
            people.addAll(stakeholders.findAllInProject(tenantId, projectId, audience.stakeholderIds()));
        }
        listedStakeholders.removeAll(people.stream().map(Stakeholder::id).collect(Collectors.toSet()));
        if (!listedStakeholders.isEmpty()) {
            people.addAll(stakeholders.findAllInTenant(listedStakeholders, tenantId));
        }
        List<Recipient> found = new ArrayList<>();
        members.activeMembers(userIds).stream().sorted(Comparator.comparing(MemberSummary::userId))
                .forEach(m -> found.add(new Recipient(m.displayName(), m.email(), Recipient.Kind.MEMBER, m.userId())));
        people.stream().sorted(Comparator.comparing(Stakeholder::id))
                .forEach(s -> found.add(new Recipient(s.getName(), s.getEmail(), Recipient.Kind.STAKEHOLDER, s.id())));
        Map<String, Recipient> unique = new LinkedHashMap<>();
        for (Recipient r : found) {
            String key = r.email() == null ? r.kind() + ":" + r.refId() : r.email().strip().toLowerCase(Locale.ROOT);
            unique.putIfAbsent(key, r);
        }
        return unique.values().stream().sorted(ORDER).toList();
    }

    /** A short description for screens, e.g. "Steering committee (list, 6) · Jane Roe"; "Nobody chosen" for an empty audience. */
    @Transactional(readOnly = true)
    public String describe(Audience audience) {
        Long tenantId = TenantContext.requireTenantId();
        List<String> parts = new ArrayList<>();
        if (!audience.listIds().isEmpty()) {
            List<DistributionList> found = lists.findAllInTenant(audience.listIds(), tenantId);
            Map<Long, Long> sizes = sizes(tenantId, found.stream().map(DistributionList::id).toList());
            found.forEach(l -> parts.add(l.getName() + " (list, " + sizes.getOrDefault(l.id(), 0L) + ")"));
        }
        if (!audience.stakeholderIds().isEmpty()) {
            stakeholders.findAllInTenant(audience.stakeholderIds(), tenantId).stream()
                    .sorted(Comparator.comparing(Stakeholder::getName, String.CASE_INSENSITIVE_ORDER).thenComparing(Stakeholder::id))
                    .forEach(s -> parts.add(s.getName()));
        }
        return parts.isEmpty() ? "Nobody chosen" : String.join(" · ", parts);
    }

    /** What a picker offers for a project: the tenant's lists (by name) and the project's stakeholders (by name). */
    @Transactional(readOnly = true)
    public List<AudienceOption> options(Long projectId) {
        Long tenantId = TenantContext.requireTenantId();
        projects.reference(projectId);
        List<DistributionList> all = lists.findAllOfTenant(tenantId, PageRequest.of(0, LISTS_MAX));
        Map<Long, Long> sizes = sizes(tenantId, all.stream().map(DistributionList::id).toList());
        List<AudienceOption> options = new ArrayList<>();
        all.forEach(l -> options.add(new AudienceOption(AudienceOption.Kind.LIST, l.id(), l.getName() + " (list, " + sizes.getOrDefault(l.id(), 0L) + ")")));
        stakeholders.findByProject(tenantId, projectId).stream().limit(STAKEHOLDERS_MAX).forEach(s -> options.add(new AudienceOption(
                AudienceOption.Kind.STAKEHOLDER, s.id(), s.getName() + (s.getOrganisation() == null ? "" : " · " + s.getOrganisation())
                + (s.getEmail() == null ? "" : " · " + s.getEmail()))));
        return options;
    }

    private Map<Long, Long> sizes(Long tenantId, List<Long> listIds) {
        Map<Long, Long> sizes = new HashMap<>();
        if (!listIds.isEmpty()) {
            for (Object[] row : listed.countByLists(tenantId, listIds)) {
                sizes.put((Long) row[0], ((Number) row[1]).longValue());
            }
        }
        return sizes;
    }
}
