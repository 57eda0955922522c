package app.cadence.comms.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.comms.domain.DistributionList;
import app.cadence.comms.domain.DistributionListMember;
import app.cadence.comms.domain.DistributionListMember.Kind;
import app.cadence.comms.domain.DistributionListMemberRepository;
import app.cadence.comms.domain.DistributionListRepository;
import app.cadence.comms.domain.DistributionListRow;
import app.cadence.comms.domain.Stakeholder;
import app.cadence.comms.domain.StakeholderRepository;
import app.cadence.project.service.ProjectRef;
import app.cadence.project.service.ProjectService;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.domain.SearchTerm;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's distribution lists: every member reads them; ADMIN, PMO and PM create,
 * rename, delete and change who is on them. Members are the organisation's (by account),
 * stakeholders those of any of its projects; anything of another organisation is not found.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class DistributionLists {

    static final String SUBJECT = "Distribution list";
    /** Columns the lists page may be sorted by ("size" is the number of people). */
    public static final Set<String> SORTABLE = Set.of("name", "description");
    /** How many people the editor's search offers at most. */
    static final int CANDIDATES_MAX = 50;

    private final DistributionListRepository lists;
    private final DistributionListMemberRepository listed;
    private final StakeholderRepository stakeholders;
    private final MembershipDirectory members;
    private final ProjectService projects;
    private final AuditTrail audit;
    private final Clock clock;

    DistributionLists(DistributionListRepository lists, DistributionListMemberRepository listed, StakeholderRepository stakeholders,
                      MembershipDirectory members, ProjectService projects, AuditTrail audit, Clock clock) {
        this.lists = lists;
        this.listed = listed;
        this.stakeholders = stakeholders;
        this.members = members;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the signed-in member may change lists (ADMIN, PMO, PM). */
    public boolean mayEdit() {
        return TenantContext.currentSelection().map(s -> s.role().managesProjects()).orElse(false);
    }

    /** One page of the organisation's lists, filtered by name or description, by name unless sorted otherwise. */
    public List<DistributionListRow> list(String search, Sort sort, long offset, int limit) {
        Sort allowed = Sort.by(sort.stream().filter(o -> SORTABLE.contains(o.getProperty())).map(Sort.Order::ignoreCase).toList());
        Sort ordered = (allowed.isSorted() ? allowed : Sort.by(Sort.Order.asc("name").ignoreCase())).and(Sort.by("id"));
        int pageSize = Math.max(1, Math.min(limit, 500));
        return lists.findPage(TenantContext.requireTenantId(), pattern(search), PageRequest.of(Math.toIntExact(offset / pageSize), pageSize, ordered));
    }

    public long count(String search) {
        return lists.countPage(TenantContext.requireTenantId(), pattern(search));
    }

    /** A list with everyone on it, members first, each by name. */
    public DistributionListDetails details(Long listId) {
        Long tenantId = TenantContext.requireTenantId();
        DistributionList list = find(listId);
        List<DistributionListMember> entries = listed.findByLists(tenantId, List.of(listId));
        return new DistributionListDetails(list.id(), list.getName(), list.getDescription(), list.getVersion(), entries(tenantId, entries));
    }

    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public Long create(String name, @Nullable String description) {
        Long tenantId = TenantContext.requireTenantId();
        DistributionList list = new DistributionList(name, description, clock.instant(), TenantContext.currentUserName());
        refuseTakenName(tenantId, list.getName(), null);
        DistributionList saved = save(list);
        audit.created(SUBJECT, saved.id(), null, "Created the distribution list " + saved.getName() + ".");
        return saved.id();
    }

    /** Renames and describes a list seen at {@code version}. */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public void rename(Long listId, long version, String name, @Nullable String description) {
        Long tenantId = TenantContext.requireTenantId();
        DistributionList list = findAt(listId, version);
        String beforeName = list.getName();
        String beforeDescription = list.getDescription();
        list.describe(name, description);
        refuseTakenName(tenantId, list.getName(), listId);
        list.touch(clock.instant(), TenantContext.currentUserName());
        save(list);
        AuditTrail.Subject subject = new AuditTrail.Subject(SUBJECT, listId, null, list.getName());
        if (!beforeName.equals(list.getName())) {
            audit.changed(subject, "Name", beforeName, list.getName());
        }
        if (!java.util.Objects.equals(beforeDescription, list.getDescription())) {
            audit.changed(subject, "Description", beforeDescription, list.getDescription());
        }
    }

    /** Deletes a list seen at {@code version} and who was on it (the people themselves stay). */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public void delete(Long listId, long version) {
        Long tenantId = TenantContext.requireTenantId();
        DistributionList list = findAt(listId, version);
        listed.deleteByList(tenantId, listId);
        audit.deleted(SUBJECT, listId, null, "Deleted the distribution list " + list.getName() + ".");
        lists.delete(list);
    }

    /** Puts a member or a stakeholder of this organisation on the list; someone already on it stays once. */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public void add(Long listId, Kind kind, Long refId) {
        Long tenantId = TenantContext.requireTenantId();
        DistributionList list = find(listId);
        String who = switch (kind) {
            case MEMBER -> members.activeMembers(List.of(refId)).stream().findFirst().map(MemberSummary::displayName)
                    .orElseThrow(() -> new RuleViolationException("member", "Choose a member of this organisation."));
            case STAKEHOLDER -> stakeholders.findInTenant(refId, tenantId).map(Stakeholder::getName)
                    .orElseThrow(() -> new RecordNotFoundException("Stakeholder", refId));
        };
        if (listed.isListed(tenantId, listId, kind, refId)) {
            return;
        }
        listed.saveAndFlush(new DistributionListMember(listId, kind, refId, clock.instant(), TenantContext.currentUserName()));
        audit.changed(new AuditTrail.Subject(SUBJECT, listId, null, list.getName()), "Added", null, who + " (" + kind.label() + ")");
    }

    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public void remove(Long listId, Kind kind, Long refId) {
        Long tenantId = TenantContext.requireTenantId();
        DistributionList list = find(listId);
        if (listed.unlist(tenantId, listId, kind, refId) > 0) {
            String who = switch (kind) {
                case MEMBER -> members.activeMembers(List.of(refId)).stream().findFirst().map(MemberSummary::displayName).orElse("a former member");
                case STAKEHOLDER -> stakeholders.findInTenant(refId, tenantId).map(Stakeholder::getName).orElse("a deleted stakeholder");
            };
            audit.changed(new AuditTrail.Subject(SUBJECT, listId, null, list.getName()), "Removed", who + " (" + kind.label() + ")", null);
        }
    }

    /**
     * Members and stakeholders whose name, email or organisation contains {@code search}, for the
     * editor's combo box: members first, at most {@value #CANDIDATES_MAX}.
     */
    public List<DistributionListCandidate> candidates(String search) {
        Long tenantId = TenantContext.requireTenantId();
        SearchTerm term = new SearchTerm(search);
        List<DistributionListCandidate> found = new ArrayList<>();
        members.activeMembers().stream()
                .filter(m -> term.isEmpty() || m.displayName().toLowerCase(Locale.ROOT).contains(term.text())
                        || m.email().toLowerCase(Locale.ROOT).contains(term.text()))
                .sorted(Comparator.comparing(MemberSummary::displayName, String.CASE_INSENSITIVE_ORDER))
                .limit(CANDIDATES_MAX)
                .forEach(m -> found.add(new DistributionListCandidate(Kind.MEMBER, m.userId(), m.displayName(), m.email(), "member, " + m.role().label())));
        int room = CANDIDATES_MAX - found.size();
        if (room > 0) {
            List<Stakeholder> matches = stakeholders.search(tenantId, term.containsPattern(), PageRequest.of(0, room));
            Map<Long, ProjectRef> projectsById = projects.references(matches.stream().map(Stakeholder::getProjectId).collect(Collectors.toSet()));
            matches.forEach(s -> found.add(new DistributionListCandidate(Kind.STAKEHOLDER, s.id(), s.getName(), s.getEmail(),
                    stakeholderDetail(s, projectsById))));
        }
        return found;
    }

    /** The entries of lists, resolved to people in two statements (members, stakeholders), whatever the number of lists. */
    List<DistributionListDetails.Entry> entries(Long tenantId, List<DistributionListMember> rows) {
        Set<Long> userIds = rows.stream().filter(r -> r.getKind() == Kind.MEMBER).map(DistributionListMember::getRefId).collect(Collectors.toSet());
        Set<Long> stakeholderIds = rows.stream().filter(r -> r.getKind() == Kind.STAKEHOLDER).map(DistributionListMember::getRefId)
                .collect(Collectors.toSet());
        Map<Long, MemberSummary> active = members.activeMembers(userIds).stream().collect(Collectors.toMap(MemberSummary::userId, Function.identity()));
        Map<Long, Stakeholder> people = stakeholderIds.isEmpty() ? Map.of()
                : stakeholders.findAllInTenant(stakeholderIds, tenantId).stream().collect(Collectors.toMap(Stakeholder::id, Function.identity()));
        Map<Long, ProjectRef> projectsById = projects.references(people.values().stream().map(Stakeholder::getProjectId).collect(Collectors.toSet()));
        List<DistributionListDetails.Entry> entries = new ArrayList<>();
        for (DistributionListMember row : rows) {
            if (row.getKind() == Kind.MEMBER) {
                MemberSummary m = active.get(row.getRefId());
                entries.add(m == null
                        ? new DistributionListDetails.Entry(Kind.MEMBER, row.getRefId(), "Former member", null, "no longer in the organisation", false)
                        : new DistributionListDetails.Entry(Kind.MEMBER, m.userId(), m.displayName(), m.email(), "member, " + m.role().label(), true));
            } else {
                Stakeholder s = people.get(row.getRefId());
                if (s != null) {
                    entries.add(new DistributionListDetails.Entry(Kind.STAKEHOLDER, s.id(), s.getName(), s.getEmail(), stakeholderDetail(s, projectsById), true));
                }
            }
        }
        entries.sort(Comparator.comparing((DistributionListDetails.Entry e) -> e.kind().ordinal())
                .thenComparing(DistributionListDetails.Entry::name, String.CASE_INSENSITIVE_ORDER));
        return entries;
    }

    private static String stakeholderDetail(Stakeholder s, Map<Long, ProjectRef> projectsById) {
        ProjectRef project = projectsById.get(s.getProjectId());
        return "stakeholder" + (project == null ? "" : ", " + project.key()) + (s.getOrganisation() == null ? "" : ", " + s.getOrganisation());
    }

    private DistributionList find(Long id) {
        return lists.findInTenant(id, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
    }

    private DistributionList findAt(Long id, long version) {
        DistributionList list = find(id);
        if (list.getVersion() != version) {
            throw new ConcurrentChangeException("The list " + list.getName(), list.getUpdatedBy(), list.getUpdatedAt());
        }
        return list;
    }

    private void refuseTakenName(Long tenantId, String name, @Nullable Long exceptId) {
        if (lists.nameTaken(tenantId, DistributionList.key(name), exceptId)) {
            throw takenName(name);
        }
    }

    private static RuleViolationException takenName(String name) {
        return new RuleViolationException("name", "There is already a list called “" + name + "”. Choose another name.");
    }

    private DistributionList save(DistributionList list) {
        try {
            return lists.saveAndFlush(list);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT).contains("uk_distribution_list_tenant_name")) {
                throw takenName(list.getName());
            }
            throw e;
        }
    }

    private static @Nullable String pattern(String search) {
        SearchTerm term = new SearchTerm(search);
        return term.isEmpty() ? null : term.containsPattern();
    }
}
