package app.cadence.work.domain;

import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.TemplateItem;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One template item with the due moment its instance computed for it: what the preview shows. */
public record PlannedItem(UUID sectionKey, String sectionTitle, @Nullable SectionRole sectionRole, int sectionPosition,
                          int position, TemplateItem item, @Nullable Instant due, @Nullable String ownerRole,
                          boolean criticalPath, @Nullable Instant movedFrom) {

    public PlannedItem(UUID sectionKey, String sectionTitle, @Nullable SectionRole sectionRole, int sectionPosition, int position,
                       TemplateItem item, @Nullable Instant due, @Nullable String ownerRole, boolean criticalPath) {
        this(sectionKey, sectionTitle, sectionRole, sectionPosition, position, item, due, ownerRole, criticalPath, null);
    }
}
