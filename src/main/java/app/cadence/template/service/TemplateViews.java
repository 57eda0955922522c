package app.cadence.template.service;

import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateStatus;
import app.cadence.template.domain.VersionState;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** What the template screens show, as plain values (no entities leave the service). */
@NamedInterface("api")
public final class TemplateViews {

    private TemplateViews() {
    }

    public record Filter(@Nullable TemplateKind kind, @Nullable TemplateStatus status, String search) {
        public static Filter all() {
            return new Filter(null, null, "");
        }
    }

    public record VersionSummary(Long id, @Nullable Integer number, VersionState state, int itemCount,
                                 @Nullable String changeNote, String updatedBy, Instant updatedAt,
                                 @Nullable String publishedBy, @Nullable Instant publishedAt, long version) {
        public String label() {
            return number == null ? "Draft" : "Version " + number;
        }
    }

    public record ChangeSummary(Instant at, String by, String summary) {
    }

    public record TemplateDetails(Long id, TemplateKind kind, String name, @Nullable String description,
                                  TemplateStatus status, long version, List<VersionSummary> versions,
                                  List<ChangeSummary> changes) {
    }

    public record VersionContent(VersionSummary summary, TemplateContent content) {
    }

    /** A published version that can be applied to a project. */
    public record PublishedVersion(Long id, int number) {
        public String label() {
            return "Version " + number;
        }
    }

    /** An active template with its published versions, latest first. */
    public record ApplicableTemplate(Long id, String name, TemplateKind kind, List<PublishedVersion> versions) {
        public PublishedVersion latest() {
            return versions.getFirst();
        }
    }

    /** A published version's content, ready to be applied to a project. */
    public record ApplicableVersion(Long templateId, String templateName, TemplateKind kind, Long versionId, int number,
                                    TemplateContent content) {
    }
}
