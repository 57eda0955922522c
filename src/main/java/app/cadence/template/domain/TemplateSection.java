package app.cadence.template.domain;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An ordered group of items; cutover sections also say which phase they belong to. */
public record TemplateSection(UUID key, String title, @Nullable SectionRole role, List<TemplateItem> items) {

    public TemplateSection {
        items = List.copyOf(items);
    }
}
