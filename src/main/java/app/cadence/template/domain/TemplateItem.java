package app.cadence.template.domain;

import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * One item of a template version. Its {@code key} never changes across versions: it is what
 * lets a project instance be compared with, and upgraded to, a newer version.
 */
@NamedInterface("api")
public sealed interface TemplateItem permits CutoverStep, RetroPrompt, CommunicationEntry {

    UUID key();

    String title();

    /** The item's fields by label, in display order: what "compare versions" diffs field by field. */
    LinkedHashMap<String, String> fields();
}
