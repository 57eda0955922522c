package app.cadence.template.service;

import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.domain.SearchTerm;
import app.cadence.template.domain.PublishedVersionRow;
import app.cadence.template.domain.Template;
import app.cadence.template.domain.TemplateChange;
import app.cadence.template.domain.TemplateChangeRepository;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateProposal;
import app.cadence.template.domain.TemplateProposalRepository;
import app.cadence.template.domain.TemplateRepository;
import app.cadence.template.domain.TemplateRow;
import app.cadence.template.domain.TemplateStatus;
import app.cadence.template.domain.TemplateVersion;
import app.cadence.template.domain.TemplateVersionRepository;
import app.cadence.template.domain.VersionComparison;
import app.cadence.template.domain.VersionRangeComparison;
import app.cadence.template.events.TemplateChanged;
import app.cadence.template.service.TemplateViews.ApplicableTemplate;
import app.cadence.template.service.TemplateViews.ApplicableVersion;
import app.cadence.template.service.TemplateViews.ChangeSummary;
import app.cadence.template.service.TemplateViews.Filter;
import app.cadence.template.service.TemplateViews.PublishedVersion;
import app.cadence.template.service.TemplateViews.TemplateDetails;
import app.cadence.template.service.TemplateViews.VersionContent;
import app.cadence.template.service.TemplateViews.VersionSummary;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's template library: everybody reads published versions; ADMIN and PMO author
 * drafts, publish immutable numbered versions and retire templates. Every change is recorded.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class TemplateLibrary {

    private static final Set<String> SORTABLE = Set.of("name", "kind", "status", "updatedAt");
    private static final int CHANGES_SHOWN = 50;

    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final TemplateChangeRepository changes;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TemplateProposalRepository proposals;

    TemplateLibrary(TemplateRepository templates, TemplateVersionRepository versions, TemplateChangeRepository changes, Clock clock,
                    ApplicationEventPublisher events, TemplateProposalRepository proposals) {
        this.proposals = proposals;
        this.events = events;
        this.templates = templates;
        this.versions = versions;
        this.changes = changes;
        this.clock = clock;
    }

    public List<TemplateRow> list(Filter filter, Sort sort, long offset, int limit) {
        Sort allowed = Sort.by(sort.stream().filter(o -> SORTABLE.contains(o.getProperty())).toList());
        Sort ordered = (allowed.isSorted() ? allowed : Sort.by("kind", "name")).and(Sort.by("id"));
        int pageSize = Math.max(1, limit);
        return templates.findLibrary(TenantContext.requireTenantId(), filter.kind(), filter.status(), search(filter), pattern(filter),
                PageRequest.of(Math.toIntExact(offset / pageSize), pageSize, ordered));
    }

    public long count(Filter filter) {
        return templates.countLibrary(TenantContext.requireTenantId(), filter.kind(), filter.status(), search(filter), pattern(filter));
    }

    public TemplateDetails details(Long templateId) {
        Template template = find(templateId);
        boolean author = isAuthor();
        List<VersionSummary> summaries = versions.findAllOf(templateId, TenantContext.requireTenantId()).stream()
                .filter(v -> author || !v.isDraft())
                .map(TemplateLibrary::summary)
                .toList();
        List<ChangeSummary> recent = changes.findRecent(templateId, TenantContext.requireTenantId(), PageRequest.of(0, CHANGES_SHOWN)).stream()
                .map(c -> new ChangeSummary(c.getChangedAt(), c.getChangedBy(), c.getSummary()))
                .toList();
        return new TemplateDetails(templateId, template.getKind(), template.getName(), template.getDescription(),
                template.getStatus(), template.getVersion(), summaries, recent);
    }

    /** One version's content; drafts only for authors, everything else reads published versions. */
    public VersionContent version(Long templateId, Long versionId) {
        TemplateVersion version = versions.findInTenant(versionId, templateId, TenantContext.requireTenantId())
                .filter(v -> !v.isDraft() || isAuthor())
                .orElseThrow(() -> new RecordNotFoundException("Template version", versionId));
        return new VersionContent(summary(version), TemplateFormat.read(version.getContent()));
    }

    /**
     * The content of a published version by its id alone, for a module that keeps the version it
     * follows (a cutover run its plan). Published versions never change, so callers may keep it.
     */
    public TemplateContent publishedContent(Long versionId) {
        return versions.findPublishedInTenant(versionId, TenantContext.requireTenantId())
                .map(v -> TemplateFormat.read(v.getContent()))
                .orElseThrow(() -> new RecordNotFoundException("Template version", versionId));
    }

    /** Active templates with at least one published version: what projects can apply. */
    public List<ApplicableTemplate> applicable() {
        Map<Long, ApplicableTemplate> byTemplate = new LinkedHashMap<>();
        for (PublishedVersionRow row : versions.findApplicable(TenantContext.requireTenantId())) {
            byTemplate.computeIfAbsent(row.templateId(), id -> new ApplicableTemplate(id, row.templateName(), row.kind(), new ArrayList<>()))
                    .versions().add(new PublishedVersion(row.versionId(), row.number()));
        }
        return byTemplate.values().stream()
                .map(t -> new ApplicableTemplate(t.id(), t.name(), t.kind(), List.copyOf(t.versions())))
                .toList();
    }

    /**
     * A published version to apply to a project. A retired template is refused with the reason;
     * a draft is reported like a missing version.
     */
    public ApplicableVersion applicableVersion(Long templateId, Long versionId) {
        Template template = find(templateId);
        TemplateVersion version = versions.findInTenant(versionId, templateId, TenantContext.requireTenantId())
                .filter(v -> !v.isDraft())
                .orElseThrow(() -> new RecordNotFoundException("Template version", versionId));
        if (template.getStatus() == TemplateStatus.RETIRED) {
            throw new RuleViolationException("template", "“" + template.getName() + "” is retired and can no longer be applied to projects.");
        }
        return new ApplicableVersion(templateId, template.getName(), template.getKind(), versionId,
                java.util.Objects.requireNonNull(version.getNumber()), TemplateFormat.read(version.getContent()));
    }

    public boolean nameInUse(String name) {
        return templates.nameTaken(TenantContext.requireTenantId(), name.strip(), null);
    }

    /** The draft to edit in the designer; empty when the template has none. */
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public java.util.Optional<VersionContent> draft(Long templateId) {
        find(templateId);
        return versions.findDraft(templateId, TenantContext.requireTenantId())
                .map(v -> new VersionContent(summary(v), TemplateFormat.read(v.getContent())));
    }

    /** What changed from one version to another, by item key. */
    public VersionComparison compare(Long templateId, Long olderVersionId, Long newerVersionId) {
        return VersionComparison.between(version(templateId, olderVersionId).content(), version(templateId, newerVersionId).content());
    }

    /**
     * What changed from one version to another across the versions between them: the cumulative
     * change and the version that made each part of it. The two may be given in either order: the
     * comparison always runs from the older (lower number; the draft is the newest) to the newer.
     */
    public VersionRangeComparison compareRange(Long templateId, Long oneVersionId, Long otherVersionId) {
        find(templateId);
        boolean author = isAuthor();
        // findAllOf lists the draft first, then the published versions newest first: reversed, oldest first.
        List<TemplateVersion> all = new ArrayList<>(versions.findAllOf(templateId, TenantContext.requireTenantId()).stream()
                .filter(v -> author || !v.isDraft()).toList()).reversed();
        int one = indexOf(all, oneVersionId);
        int other = indexOf(all, otherVersionId);
        List<VersionRangeComparison.Version> range = all.subList(Math.min(one, other), Math.max(one, other) + 1).stream()
                .map(v -> new VersionRangeComparison.Version(summary(v).label(), v.getChangeNote(), TemplateFormat.read(v.getContent())))
                .toList();
        if (range.size() < 2) {
            throw new RuleViolationException(null, "Choose two different versions to compare.");
        }
        return VersionRangeComparison.across(range);
    }

    private static int indexOf(List<TemplateVersion> versions, Long versionId) {
        for (int i = 0; i < versions.size(); i++) {
            if (versionId.equals(versions.get(i).getId())) {
                return i;
            }
        }
        throw new RecordNotFoundException("Template version", versionId);
    }

    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public Long create(TemplateKind kind, String name, @Nullable String description) {
        return create(name, description, new TemplateContent(kind, List.of(), null), "Created");
    }

    /** Creates a template whose draft holds {@code content} (starter library, import, copy). */
    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public Long create(String name, @Nullable String description, TemplateContent content, String how) {
        String cleanName = checkName(name, null);
        String cleanDescription = clean(description);
        TemplateContent.tooLong(cleanDescription, Template.DESCRIPTION_MAX, "The description").ifPresent(problem -> {
            throw new RuleViolationException("description", problem + " Shorten it.");
        });
        checkContent(content);
        Instant now = clock.instant();
        Template template = templates.saveAndFlush(new Template(content.kind(), cleanName, cleanDescription, now, TenantContext.currentUserName()));
        versions.save(TemplateVersion.draft(template, TemplateFormat.write(content), content.itemCount(), now, TenantContext.currentUserName()));
        record(template, TemplateChanged.Change.CREATED, null, how + " " + content.kind().label().toLowerCase(Locale.ROOT) + " “" + cleanName + "”.");
        return template.getId();
    }

    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public void saveDraft(Long templateId, long expectedVersion, TemplateContent content) {
        Template template = find(templateId);
        TemplateVersion draft = versions.findDraft(templateId, TenantContext.requireTenantId())
                .orElseThrow(() -> new RuleViolationException(null, "This template has no draft. Start a new draft from the latest version first."));
        if (draft.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("The draft of " + template.getName(), draft.getUpdatedBy(), draft.getUpdatedAt());
        }
        if (content.kind() != template.getKind()) {
            throw new RuleViolationException(null, "A " + template.getKind().label() + " cannot hold " + content.kind().label() + " content.");
        }
        checkContent(content);
        draft.replaceContent(TemplateFormat.write(content), content.itemCount(), clock.instant(), TenantContext.currentUserName());
        template.touch(clock.instant(), TenantContext.currentUserName());
        record(template, TemplateChanged.Change.DRAFT_SAVED, null, "Saved the draft (" + content.itemCount() + " items).");
    }

    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public int publish(Long templateId, String changeNote) {
        Template template = find(templateId);
        String note = changeNote == null ? "" : changeNote.strip();
        if (note.isEmpty()) {
            throw new RuleViolationException("changeNote", "Describe what changed in this version, so that project teams know.");
        }
        if (note.length() > 2000) {
            throw new RuleViolationException("changeNote", "The change note can be at most 2000 characters.");
        }
        TemplateVersion draft = versions.findDraft(templateId, TenantContext.requireTenantId())
                .orElseThrow(() -> new RuleViolationException(null, "There is no draft to publish."));
        TemplateContent content = TemplateFormat.read(draft.getContent());
        if (content.itemCount() == 0) {
            throw new RuleViolationException(null, "Add at least one item before publishing.");
        }
        checkContent(content);
        Optional<TemplateVersion> latest = versions.findAllOf(templateId, TenantContext.requireTenantId()).stream().filter(v -> !v.isDraft()).findFirst();
        if (latest.isPresent() && TemplateFormat.read(latest.get().getContent()).equals(content)) {
            throw new RuleViolationException(null, "The draft is the same as version " + latest.get().getNumber()
                    + ". Change something in the designer before publishing, or discard the draft.");
        }
        int number = versions.lastNumber(templateId, TenantContext.requireTenantId()) + 1;
        draft.publish(number, note, clock.instant(), TenantContext.currentUserName());
        template.touch(clock.instant(), TenantContext.currentUserName());
        // Schedule warnings are advisory (the screen asks the publisher to confirm them); the history
        // keeps that the version went out with them, for whoever wonders later why a step overlaps.
        int warnings = content.scheduleWarnings().size();
        record(template, TemplateChanged.Change.PUBLISHED, number, "Published version " + number + ": " + note
                + (warnings == 0 ? "" : " (with " + warnings + (warnings == 1 ? " schedule warning)" : " schedule warnings)")));
        return number;
    }

    /** Throws the draft away; only when a published version remains to fall back on. */
    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public void discardDraft(Long templateId) {
        Template template = find(templateId);
        TemplateVersion draft = versions.findDraft(templateId, TenantContext.requireTenantId())
                .orElseThrow(() -> new RuleViolationException(null, "There is no draft to discard."));
        if (versions.lastNumber(templateId, TenantContext.requireTenantId()) == 0) {
            throw new RuleViolationException(null, "This template has never been published: its draft is all there is. Retire the template instead.");
        }
        // Proposals accepted into this draft reached no version: back to the queue, to decide again.
        List<TemplateProposal> reopened = proposals.findAcceptedInto(TenantContext.requireTenantId(), draft.getId());
        reopened.forEach(TemplateProposal::reopen);
        versions.delete(draft);
        template.touch(clock.instant(), TenantContext.currentUserName());
        record(template, TemplateChanged.Change.DRAFT_DISCARDED, null, "Discarded the draft." + (reopened.isEmpty() ? ""
                : reopened.size() == 1 ? " The change proposal accepted into it waits again." 
                : " The " + reopened.size() + " change proposals accepted into it wait again."));
    }

    /** Starts the next draft as a copy of the latest published version. */
    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public Long startDraft(Long templateId) {
        Template template = find(templateId);
        if (versions.findDraft(templateId, TenantContext.requireTenantId()).isPresent()) {
            throw new RuleViolationException(null, "This template already has a draft: edit that one.");
        }
        TemplateVersion latest = versions.findAllOf(templateId, TenantContext.requireTenantId()).stream()
                .filter(v -> !v.isDraft())
                .findFirst()
                .orElseThrow(() -> new RuleViolationException(null, "There is no published version to start from."));
        TemplateVersion draft = versions.save(TemplateVersion.draft(template, latest.getContent(), latest.getItemCount(), clock.instant(), TenantContext.currentUserName()));
        template.touch(clock.instant(), TenantContext.currentUserName());
        record(template, TemplateChanged.Change.DRAFT_STARTED, null, "Started a new draft from version " + latest.getNumber() + ".");
        return draft.getId();
    }

    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public void retire(Long templateId) {
        Template template = find(templateId);
        if (template.getStatus() == TemplateStatus.RETIRED) {
            return;
        }
        template.retire();
        template.touch(clock.instant(), TenantContext.currentUserName());
        record(template, TemplateChanged.Change.RETIRED, null, "Retired the template: it stays readable but can no longer be applied to projects.");
    }

    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public void reactivate(Long templateId) {
        Template template = find(templateId);
        if (template.getStatus() == TemplateStatus.ACTIVE) {
            return;
        }
        template.reactivate();
        template.touch(clock.instant(), TenantContext.currentUserName());
        record(template, TemplateChanged.Change.REACTIVATED, null, "Reactivated the template.");
    }

    private Template find(Long templateId) {
        return templates.findInTenant(templateId, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Template", templateId));
    }

    private String checkName(String name, @Nullable Long existingId) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new RuleViolationException("name", "Enter a name for the template.");
        }
        if (clean.length() > Template.NAME_MAX) {
            throw new RuleViolationException("name", "The name can be at most " + Template.NAME_MAX + " characters.");
        }
        if (templates.nameTaken(TenantContext.requireTenantId(), clean, existingId)) {
            throw new RuleViolationException("name", "Another template is already called “" + clean + "”. Choose a different name.");
        }
        return clean;
    }

    private static void checkContent(TemplateContent content) {
        List<String> problems = content.problems();
        if (!problems.isEmpty()) {
            throw new RuleViolationException(null, String.join(" ", problems));
        }
    }

    /** The change in the template's history, and the news of it for other modules and open screens. */
    void record(Long templateId, TemplateChanged.Change change, String summary) {
        record(find(templateId), change, null, summary);
    }

    private void record(Template template, TemplateChanged.Change change, @Nullable Integer versionNumber, String summary) {
        Instant now = clock.instant();
        changes.save(new TemplateChange(template.getId(), now, TenantContext.currentUserName(), summary));
        events.publishEvent(new TemplateChanged(TenantContext.requireTenantId(), template.getId(), change, versionNumber, ChangedBy.current(), now));
    }

    private static boolean isAuthor() {
        return TenantContext.currentSelection().map(s -> s.role() == Role.ADMIN || s.role() == Role.PMO).orElse(false);
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String search(Filter filter) {
        return new SearchTerm(filter.search()).text();
    }

    private static String pattern(Filter filter) {
        return new SearchTerm(filter.search()).containsPattern();
    }



    private static VersionSummary summary(TemplateVersion v) {
        return new VersionSummary(v.getId(), v.getNumber(), v.getState(), v.getItemCount(), v.getChangeNote(),
                v.getUpdatedBy(), v.getUpdatedAt(), v.getPublishedBy(), v.getPublishedAt(), v.getVersion());
    }
}
