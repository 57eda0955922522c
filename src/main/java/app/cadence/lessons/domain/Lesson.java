package app.cadence.lessons.domain;

import app.cadence.shared.domain.AbstractEntity;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.TemplateKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A lesson learned: what happened, its impact and what to do next time, filed under a category
 * with free tags; the template (and item) and project it concerns, kept by id with the names people
 * knew them by when it was recorded; where it came from; who recorded it and when.
 */
@Entity
@Table(name = "lesson")
public class Lesson extends AbstractEntity {

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 4000;
    public static final int IMPACT_MAX = 2000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(name = "what_happened", nullable = false, length = TEXT_MAX)
    private String whatHappened;

    @Column(length = IMPACT_MAX)
    private @Nullable String impact;

    @Column(length = TEXT_MAX)
    private @Nullable String recommendation;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 30)
    private LessonCategory category;

    @Column(nullable = false, length = 500)
    private String tags;

    /**
     * What the search reads: title, what happened, recommendation and tags, lower case, in one
     * column (a search is then one LIKE per row, with no function call); written with the lesson.
     */
    @jakarta.persistence.Lob
    @Column(name = "search_text", nullable = false, length = Integer.MAX_VALUE)
    private String searchText;

    @Column(name = "template_id")
    private @Nullable Long templateId;

    @Column(name = "template_name", length = 120)
    private @Nullable String templateName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "template_kind", length = 30)
    private @Nullable TemplateKind templateKind;

    @Column(name = "item_key", length = 36)
    private @Nullable String itemKey;

    @Column(name = "item_title", length = 200)
    private @Nullable String itemTitle;

    @Column(name = "project_id")
    private @Nullable Long projectId;

    @Column(name = "project_label", length = 200)
    private @Nullable String projectLabel;

    @Column(name = "source_kind", nullable = false, length = 20, updatable = false)
    private String sourceKind;

    @Column(name = "source_id", updatable = false)
    private @Nullable Long sourceId;

    @Column(name = "source_label", nullable = false, length = 200, updatable = false)
    private String sourceLabel;

    @Column(name = "source_link", length = 300, updatable = false)
    private @Nullable String sourceLink;

    @Column(name = "recorded_by_id", nullable = false, updatable = false)
    private Long recordedById;

    @Column(name = "recorded_by_name", nullable = false, length = 254, updatable = false)
    private String recordedByName;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Version
    private long version;

    @SuppressWarnings("NullAway.Init")
    protected Lesson() {
        this.title = "";
        this.whatHappened = "";
        this.category = LessonCategory.OTHER;
        this.tags = ",,";
        this.searchText = "";
        this.sourceKind = LessonSource.MANUAL;
        this.sourceLabel = "";
        this.recordedById = 0L;
        this.recordedByName = "";
        this.recordedAt = Instant.EPOCH;
    }

    /** What the lesson says, checked: a sentence per field that is wrong, naming the field. */
    public record Text(String title, String whatHappened, @Nullable String impact, @Nullable String recommendation,
                       @Nullable LessonCategory category, List<String> tags) {

        public Text {
            title = title == null ? "" : title.strip();
            whatHappened = whatHappened == null ? "" : whatHappened.strip();
            impact = impact == null || impact.isBlank() ? null : impact.strip();
            recommendation = recommendation == null || recommendation.isBlank() ? null : recommendation.strip();
            tags = Tags.of(tags == null ? List.of() : tags);
        }

        /** Throws the first problem, for the field it concerns. */
        public void check() {
            if (title.isEmpty()) {
                throw new RuleViolationException("title", "Give the lesson a title: one line that says what was learned.");
            }
            if (title.length() > TITLE_MAX) {
                throw new RuleViolationException("title", "The title can be at most " + TITLE_MAX + " characters; it has " + title.length() + ".");
            }
            if (whatHappened.isEmpty()) {
                throw new RuleViolationException("whatHappened", "Say what happened, so that others can recognise the situation.");
            }
            if (whatHappened.length() > TEXT_MAX) {
                throw new RuleViolationException("whatHappened", "“What happened” can be at most " + TEXT_MAX + " characters.");
            }
            if (impact != null && impact.length() > IMPACT_MAX) {
                throw new RuleViolationException("impact", "The impact can be at most " + IMPACT_MAX + " characters.");
            }
            if (recommendation != null && recommendation.length() > TEXT_MAX) {
                throw new RuleViolationException("recommendation", "The recommendation can be at most " + TEXT_MAX + " characters.");
            }
            if (category == null) {
                throw new RuleViolationException("category", "Choose a category.");
            }
        }
    }

    /** What the lesson concerns, as the services found it in the current tenant. */
    public record Concerns(@Nullable Long templateId, @Nullable String templateName, @Nullable TemplateKind templateKind,
                           @Nullable UUID itemKey, @Nullable String itemTitle, @Nullable Long projectId, @Nullable String projectLabel) {
    }

    public Lesson(Text text, Concerns concerns, LessonSource source, Long recordedById, String recordedByName, Instant at) {
        text.check();
        this.title = text.title();
        this.whatHappened = text.whatHappened();
        this.impact = text.impact();
        this.recommendation = text.recommendation();
        this.category = java.util.Objects.requireNonNull(text.category());
        this.tags = Tags.stored(text.tags());
        this.searchText = searchText(title, whatHappened, recommendation, tags);
        this.templateId = concerns.templateId();
        this.templateName = concerns.templateName();
        this.templateKind = concerns.templateKind();
        this.itemKey = concerns.itemKey() == null ? null : concerns.itemKey().toString();
        this.itemTitle = concerns.itemTitle();
        this.projectId = concerns.projectId();
        this.projectLabel = concerns.projectLabel();
        this.sourceKind = source.kind();
        this.sourceId = source.id();
        this.sourceLabel = source.label();
        this.sourceLink = source.link();
        this.recordedById = recordedById;
        this.recordedByName = recordedByName;
        this.recordedAt = at;
    }

    /** The searchable text of a lesson: what {@code LessonRepository}'s search matches with one LIKE. */
    public static String searchText(String title, String whatHappened, @Nullable String recommendation, String storedTags) {
        return (title + "\n" + whatHappened + "\n" + (recommendation == null ? "" : recommendation) + "\n" + storedTags)
                .toLowerCase(java.util.Locale.ROOT);
    }

    public String getTitle() {
        return title;
    }

    public String getWhatHappened() {
        return whatHappened;
    }

    public @Nullable String getImpact() {
        return impact;
    }

    public @Nullable String getRecommendation() {
        return recommendation;
    }

    public LessonCategory getCategory() {
        return category;
    }

    public List<String> getTags() {
        return Tags.fromStored(tags);
    }

    public @Nullable Long getTemplateId() {
        return templateId;
    }

    public @Nullable String getTemplateName() {
        return templateName;
    }

    public @Nullable TemplateKind getTemplateKind() {
        return templateKind;
    }

    public @Nullable UUID getItemKey() {
        return itemKey == null ? null : UUID.fromString(itemKey);
    }

    public @Nullable String getItemTitle() {
        return itemTitle;
    }

    public @Nullable Long getProjectId() {
        return projectId;
    }

    public @Nullable String getProjectLabel() {
        return projectLabel;
    }

    public LessonSource getSource() {
        return new LessonSource(sourceKind, sourceId, sourceLabel, sourceLink);
    }

    public Long getRecordedById() {
        return recordedById;
    }

    public String getRecordedByName() {
        return recordedByName;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public long getVersion() {
        return version;
    }
}
