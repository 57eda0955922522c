package app.cadence.lessons.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.lessons.domain.Lesson;
import app.cadence.lessons.domain.LessonRepository;
import app.cadence.lessons.domain.LessonRow;
import app.cadence.lessons.domain.Tags;
import app.cadence.lessons.events.LessonRecorded;
import app.cadence.project.service.ProjectRef;
import app.cadence.project.service.ProjectService;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.domain.SearchTerm;
import app.cadence.template.domain.ProposalKind;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateProposals;
import app.cadence.template.service.TemplateProposals.ItemChoice;
import app.cadence.template.service.TemplateProposals.ProposalRequest;
import app.cadence.template.service.TemplateViews.TemplateDetails;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSettings;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lessons learned library: any member but a VIEWER records a lesson (from a retrospective's
 * card, group or action, or directly); everyone reads, searches and filters the tenant's lessons;
 * a lesson about a template can propose a change to it (kept by the template module's
 * {@link TemplateProposals}).
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class Lessons {

    /** Columns the list may be sorted by. */
    public static final Set<String> SORTABLE = Set.of("recordedAt", "title", "category", "templateName", "projectLabel");
    /** Templates and projects offered in the filters and the dialog: more than an organisation has. */
    static final int CHOICES_MAX = 1_000;

    /** A template a lesson may concern. */
    public record TemplateChoice(Long id, String name, app.cadence.template.domain.TemplateKind kind) {
    }

    private final LessonRepository lessons;
    private final TemplateLibrary templates;
    private final TemplateProposals proposals;
    private final ProjectService projects;
    private final TenantSettings settings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Lessons(LessonRepository lessons, TemplateLibrary templates, TemplateProposals proposals, ProjectService projects, TenantSettings settings,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.lessons = lessons;
        this.templates = templates;
        this.proposals = proposals;
        this.projects = projects;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a lesson in the current organisation and returns its id. Any member but a VIEWER.
     * The template, item and project must be the organisation's own (another's is not found);
     * every field is checked with a sentence naming it ({@link RuleViolationException#field()}).
     */
    @Transactional
    public Long record(LessonDraft draft) {
        CadenceUser me = requireContributor();
        Lesson.Text text = new Lesson.Text(draft.title(), draft.whatHappened(), draft.impact(), draft.recommendation(), draft.category(),
                draft.tags());
        text.check();
        Lesson.Concerns concerns = concerns(draft.templateId(), draft.itemKey(), draft.projectId());
        Instant now = clock.instant();
        Lesson lesson = lessons.save(new Lesson(text, concerns, draft.source(), me.userId(), me.displayName(), now));
        audit.created("Lesson", lesson.getId(), lesson.getProjectId(), "Recorded the lesson “" + lesson.getTitle() + "” ("
                + lesson.getCategory().label() + ", " + draft.source().kindLabel().toLowerCase(java.util.Locale.ROOT) + ").");
        events.publishEvent(new LessonRecorded(TenantContext.requireTenantId(), lesson.getId(), lesson.getTemplateId(), lesson.getProjectId(),
                draft.source().kind(), draft.source().id(), ChangedBy.current(), now));
        return lesson.getId();
    }

    /** Whether the signed-in member may record lessons and propose changes (everyone but a VIEWER). */
    public boolean mayRecord() {
        return TenantContext.currentSelection().map(s -> s.role() != Role.VIEWER).orElse(false);
    }

    /** One page of the library, filtered in the database; sorted by a known column, latest first otherwise. */
    public List<LessonRow> search(LessonFilter filter, Sort sort, long offset, int limit) {
        Sort allowed = Sort.by(sort.stream().filter(o -> SORTABLE.contains(o.getProperty())).toList());
        Sort ordered = (allowed.isSorted() ? allowed : Sort.by(Sort.Direction.DESC, "recordedAt")).and(Sort.by(Sort.Direction.DESC, "id"));
        int pageSize = Math.max(1, Math.min(limit, 500));
        Query q = query(filter);
        return lessons.findLibrary(TenantContext.requireTenantId(), q.search, q.pattern, filter.templateId(), filter.templateKind(),
                filter.category(), q.tagPattern, filter.projectId(), q.from, q.until,
                PageRequest.of(Math.toIntExact(offset / pageSize), pageSize, ordered));
    }

    /** The first rows of a search and how many lessons match in all. */
    public record LessonPage(List<LessonRow> rows, long total) {
    }

    /**
     * The first page and the total, as the list's first request needs them: when the page is not
     * full it holds every match, so the count costs no second pass over the library (a selective
     * search over 10,000 lessons reads them once, not twice).
     */
    public LessonPage firstPage(LessonFilter filter, Sort sort, int limit) {
        List<LessonRow> rows = search(filter, sort, 0, limit);
        return new LessonPage(rows, rows.size() < Math.max(1, Math.min(limit, 500)) ? rows.size() : count(filter));
    }

    public long count(LessonFilter filter) {
        Query q = query(filter);
        return lessons.countLibrary(TenantContext.requireTenantId(), q.search, q.pattern, filter.templateId(), filter.templateKind(),
                filter.category(), q.tagPattern, filter.projectId(), q.from, q.until);
    }

    /** One lesson with the proposals raised from it; another organisation's is not found. */
    public LessonDetails details(Long lessonId) {
        Lesson l = find(lessonId);
        return new LessonDetails(l.getId(), l.getTitle(), l.getWhatHappened(), l.getImpact(), l.getRecommendation(), l.getCategory(),
                l.getTags(), l.getTemplateId(), l.getTemplateName(), l.getTemplateKind(), l.getItemKey(), l.getItemTitle(), l.getProjectId(),
                l.getProjectLabel(), l.getSource(), l.getRecordedByName(), l.getRecordedAt(), mayRecord() && l.getTemplateId() != null,
                proposals.ofLesson(l.getId()));
    }

    /**
     * Proposes a change to the template the lesson concerns (add a step after one, change one,
     * remove one, or a note); the proposal links back to the lesson. Any member but a VIEWER.
     */
    @Transactional
    public Long proposeChange(Long lessonId, ProposalKind kind, @Nullable UUID itemKey, @Nullable String title, @Nullable String details) {
        requireContributor();
        Lesson l = find(lessonId);
        if (l.getTemplateId() == null) {
            throw new RuleViolationException(null, "This lesson concerns no template, so it cannot propose a change to one.");
        }
        Long id = proposals.propose(new ProposalRequest(l.getTemplateId(), kind, itemKey, title, details, l.getId(), l.getTitle(),
                LessonDetails.link(l.getId())));
        audit.changed(new AuditTrail.Subject("Lesson", l.getId(), l.getProjectId(), l.getTitle()), "Proposal", null,
                kind.label() + " — " + (l.getTemplateName() == null ? "template" : l.getTemplateName()));
        return id;
    }

    /** The templates a lesson may concern (active, with a published version), by name. */
    public List<TemplateChoice> templateChoices() {
        return templates.applicable().stream().limit(CHOICES_MAX)
                .map(t -> new TemplateChoice(t.id(), t.name(), t.kind()))
                .sorted(java.util.Comparator.comparing(TemplateChoice::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The steps of a template a lesson may name, in the template's order. */
    public List<ItemChoice> itemChoices(Long templateId) {
        return proposals.items(templateId);
    }

    /** The projects a lesson may concern, by key. */
    public List<ProjectRef> projectChoices() {
        return projects.list("", Sort.by("key"), 0, CHOICES_MAX).stream().map(p -> new ProjectRef(p.id(), p.key(), p.name())).toList();
    }

    private Lesson find(Long lessonId) {
        return lessons.findInTenant(lessonId, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Lesson", lessonId));
    }

    private Lesson.Concerns concerns(@Nullable Long templateId, @Nullable UUID itemKey, @Nullable Long projectId) {
        String templateName = null;
        app.cadence.template.domain.TemplateKind kind = null;
        String itemTitle = null;
        if (templateId != null) {
            TemplateDetails template = templates.details(templateId);
            templateName = template.name();
            kind = template.kind();
            if (itemKey != null) {
                itemTitle = proposals.items(templateId).stream().filter(i -> i.key().equals(itemKey)).map(ItemChoice::title).findFirst()
                        .orElseThrow(() -> new RuleViolationException("item", "That step is not in “" + template.name()
                                + "”. Choose one of its steps, or none."));
            }
        } else if (itemKey != null) {
            throw new RuleViolationException("item", "Choose the template first, then one of its steps.");
        }
        String projectLabel = null;
        if (projectId != null) {
            ProjectRef project = projects.reference(projectId);
            projectLabel = cut(project.key() + " · " + project.name(), 200);
        }
        return new Lesson.Concerns(templateId, templateName, kind, itemKey, itemTitle, projectId, projectLabel);
    }

    private record Query(String search, String pattern, @Nullable String tagPattern, @Nullable Instant from, @Nullable Instant until) {
    }

    private Query query(LessonFilter filter) {
        SearchTerm term = new SearchTerm(filter.search());
        String tag = filter.tag() == null ? null : Tags.normalise(filter.tag());
        ZoneId zone = filter.from() != null || filter.to() != null ? settings.zone() : ZoneId.of("UTC");
        Instant from = filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant();
        Instant until = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        return new Query(term.text(), term.containsPattern(), tag == null || tag.isEmpty() ? null : Tags.pattern(tag), from, until);
    }

    private static CadenceUser requireContributor() {
        if (TenantContext.currentSelection().map(s -> s.role() == Role.VIEWER).orElse(true)) {
            throw new AccessDeniedException("Viewers read the lessons library; recording lessons and proposing changes is for the other roles.");
        }
        return TenantContext.currentUser().orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
