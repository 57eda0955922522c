package app.cadence.template.domain;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** An ordered group of items; cutover sections also say which phase they belong to. */
@NamedInterface("api")
public record TemplateSection(UUID key, String title, @Nullable SectionRole role, List<TemplateItem> items) {

    public TemplateSection {
        items = List.copyOf(items);
    }
}
