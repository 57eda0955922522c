package app.cadence.audit.service;

import app.cadence.audit.domain.AuditEvent;
import app.cadence.audit.domain.AuditEventRepository;
import app.cadence.shared.domain.SearchTerm;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSettings;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of business data: services record every change in the same transaction as
 * the change itself; readers page through a project's history. Nothing edits or deletes it.
 */
@NamedInterface("api")
@Service
@RolesAllowed(RoleSets.MEMBERS)
public class AuditTrail {

    private final AuditEventRepository events;
    private final TenantSettings settings;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, TenantSettings settings, Clock clock) {
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** One recorded change, as the screens show it. */
    public record Entry(Instant at, String actor, String subject, @Nullable String subjectLabel, String action,
                        @Nullable String field, @Nullable String before, @Nullable String after) {
    }

    /** What a change is recorded against: its type and id, the project it belongs to, and its name for people. */
    public record Subject(String type, Long id, @Nullable Long projectId, @Nullable String label) {
    }

    /** Filters of the history view: person (part of the name) and a date range, both optional. */
    public record HistoryFilter(String person, @Nullable LocalDate from, @Nullable LocalDate to) {
        public static HistoryFilter none() {
            return new HistoryFilter("", null, null);
        }
    }

    /** Must run inside the caller's transaction, so that the change and its record commit together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void created(String subjectType, Long subjectId, @Nullable Long projectId, String summary) {
        created(new Subject(subjectType, subjectId, projectId, null), summary);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(Subject subject, String summary) {
        save(subject, "CREATED", null, null, summary);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(String subjectType, Long subjectId, @Nullable Long projectId, String field,
                        @Nullable String before, @Nullable String after) {
        changed(new Subject(subjectType, subjectId, projectId, null), field, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(Subject subject, String field, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            save(subject, "UPDATED", field, before, after);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(String subjectType, Long subjectId, @Nullable Long projectId, String summary) {
        deleted(new Subject(subjectType, subjectId, projectId, null), summary);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(Subject subject, String summary) {
        save(subject, "DELETED", null, summary, null);
    }

    @Transactional(readOnly = true)
    public List<Entry> projectHistory(Long projectId, HistoryFilter filter, long offset, int limit) {
        SearchTerm person = new SearchTerm(filter.person());
        int size = Math.max(1, limit);
        return events.findProjectHistory(TenantContext.requireTenantId(), projectId, person.text(), person.containsPattern(),
                        start(filter.from()), start(filter.to() == null ? null : filter.to().plusDays(1)),
                        PageRequest.of(Math.toIntExact(offset / size), size)).stream()
                .map(e -> new Entry(e.getOccurredAt(), e.getActor(), e.getSubjectType(), e.getSubjectLabel(), e.getAction(),
                        e.getField(), e.getBefore(), e.getAfter()))
                .toList();
    }

    @Transactional(readOnly = true)
    public long countProjectHistory(Long projectId, HistoryFilter filter) {
        SearchTerm person = new SearchTerm(filter.person());
        return events.countProjectHistory(TenantContext.requireTenantId(), projectId, person.text(), person.containsPattern(),
                start(filter.from()), start(filter.to() == null ? null : filter.to().plusDays(1)));
    }

    private void save(Subject subject, String action, @Nullable String field, @Nullable String before, @Nullable String after) {
        String actor = TenantContext.currentUserName();
        events.save(new AuditEvent(clock.instant(), actor, subject.type(), subject.id(), subject.label(), subject.projectId(),
                action, field, before, after));
    }

    /** Dates are whole days in the tenant's time zone. */
    private @Nullable Instant start(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(settings.zone()).toInstant();
    }
}
