package app.cadence.template.domain;

import java.util.LinkedHashMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** One line of a communication plan: who hears what, through which channel, how often. */
@NamedInterface("api")
public record CommunicationEntry(UUID key, String title, String audience, @Nullable String purpose,
                                 @Nullable String artefact, @Nullable String channel, Cadence cadence,
                                 @Nullable String ownerRole, PlanAnchor anchor, int offsetDays) implements TemplateItem {

    @Override
    public LinkedHashMap<String, String> fields() {
        LinkedHashMap<String, String> f = new LinkedHashMap<>();
        f.put("Title", title);
        f.put("Audience", audience);
        f.put("Purpose", CutoverStep.text(purpose));
        f.put("Artefact", CutoverStep.text(artefact));
        f.put("Channel", CutoverStep.text(channel));
        f.put("Cadence", cadence.label());
        f.put("Owner role", CutoverStep.text(ownerRole));
        f.put("Anchor", anchor.label());
        f.put("Offset (days)", String.valueOf(offsetDays));
        return f;
    }
}
