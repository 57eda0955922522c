package app.cadence.template.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A template field a spreadsheet column can hold, for the kinds that have it. The header is what
 * the XLSX export writes (the shared column layout, docs/template-format.md); the other names are
 * headers PMOs commonly use for the same thing, so that their own sheets map without a click.
 */
public enum SpreadsheetField {
    ID("ID", all(), "id", "#", "no", "no.", "number", "ref", "step id"),
    SECTION("Section", all(), "section", "group", "workstream", "column"),
    PHASE("Phase", cutover(), "phase", "section phase"),
    TITLE("Title", all(), "title", "step", "task", "name", "activity", "communication", "question"),
    TYPE("Type", cutover(), "type", "step type", "kind"),
    START("Start", cutover(), "start", "planned start", "start time", "offset", "t-time", "when"),
    DURATION("Duration", cutover(), "duration", "planned duration"),
    OWNER_ROLE("Owner role", EnumSet.of(TemplateKind.CUTOVER, TemplateKind.COMMUNICATION_PLAN), "owner role", "owner", "role",
            "responsible"),
    PREDECESSORS("Predecessors", cutover(), "predecessors", "predecessor", "depends on", "dependencies", "waits for"),
    EVIDENCE_REQUIRED("Evidence required", cutover(), "evidence required", "evidence"),
    DESCRIPTION("Description", cutover(), "description", "details", "instructions"),
    ROLLBACK_TRIGGER("Rollback trigger", cutover(), "rollback trigger"),
    ROLLBACK_INSTRUCTIONS("Rollback instructions", cutover(), "rollback instructions", "rollback"),
    AUDIENCE("Audience", comms(), "audience", "recipients", "to"),
    PURPOSE("Purpose", comms(), "purpose", "objective"),
    ARTEFACT("Artefact", comms(), "artefact", "artifact", "deliverable"),
    CHANNEL("Channel", comms(), "channel", "medium"),
    CADENCE("Cadence", comms(), "cadence", "frequency"),
    ANCHOR("Anchor", comms(), "anchor", "relative to"),
    OFFSET_DAYS("Offset (days)", comms(), "offset (days)", "offset days", "offset"),
    PROMPT("Prompt", EnumSet.of(TemplateKind.RETROSPECTIVE), "prompt"),
    RATING("Rating", EnumSet.of(TemplateKind.RETROSPECTIVE), "rating", "rated");

    private final String header;
    private final Set<TemplateKind> kinds;
    private final List<String> names;

    SpreadsheetField(String header, Set<TemplateKind> kinds, String... names) {
        this.header = header;
        this.kinds = kinds;
        this.names = List.of(names);
    }

    /** The column's header as the export writes it, and the field's name on the mapping screen. */
    public String header() {
        return header;
    }

    /** The fields of a kind, in the export's column order. */
    public static List<SpreadsheetField> of(TemplateKind kind) {
        return Arrays.stream(values()).filter(f -> f.kinds.contains(kind)).toList();
    }

    /** Whether a column with this header holds the field (case and surrounding spaces ignored). */
    public boolean matches(String columnHeader) {
        return names.contains(normalised(columnHeader));
    }

    private static String normalised(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static Set<TemplateKind> all() {
        return EnumSet.allOf(TemplateKind.class);
    }

    private static Set<TemplateKind> cutover() {
        return EnumSet.of(TemplateKind.CUTOVER);
    }

    private static Set<TemplateKind> comms() {
        return EnumSet.of(TemplateKind.COMMUNICATION_PLAN);
    }
}
