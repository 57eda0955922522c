package app.cadence.template.service;

import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.EntryTiming;
import app.cadence.template.domain.MessageTemplate;
import app.cadence.template.domain.NonWorkingDayRule;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.PlanAnchor;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.RetroSettings;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepRecurrence;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes template content in the documented JSON format (docs/template-format.md).
 * Reading is strict: unknown fields, missing values and wrong types are refused with a message
 * that names the place, e.g. {@code sections[2].items[0].offset}.
 */
public final class TemplateFormat {

    public static final int FORMAT_VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private TemplateFormat() {
    }

    public static String write(TemplateContent content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("kind", content.kind().name());
        if (content.retro() != null) {
            ObjectNode retro = root.putObject("retrospective");
            retro.put("format", content.retro().format());
            retro.put("votingBudget", content.retro().votingBudget());
            retro.put("anonymousByDefault", content.retro().anonymousByDefault());
        }
        if (content.followsWorkingCalendar()) {
            root.put("followsWorkingCalendar", true);
        }
        ArrayNode sections = root.putArray("sections");
        for (TemplateSection section : content.sections()) {
            ObjectNode s = sections.addObject();
            s.put("key", section.key().toString());
            s.put("title", section.title());
            if (section.role() != null) {
                s.put("role", section.role().name());
            }
            ArrayNode items = s.putArray("items");
            section.items().forEach(item -> writeItem(items.addObject(), item));
        }
        return JSON.writeValueAsString(root);
    }

    private static void writeItem(ObjectNode node, TemplateItem item) {
        node.put("key", item.key().toString());
        node.put("title", item.title());
        switch (item) {
            case CutoverStep s -> {
                putText(node, "description", s.description());
                node.put("type", s.type().name());
                node.put("offset", RelativeTime.formatOffset(s.offsetMinutes()));
                node.put("duration", RelativeTime.formatDuration(s.durationMinutes()));
                putText(node, "ownerRole", s.ownerRole());
                ArrayNode predecessors = node.putArray("predecessors");
                s.predecessors().forEach(p -> predecessors.add(p.toString()));
                putText(node, "rollbackTrigger", s.rollbackTrigger());
                putText(node, "rollbackInstructions", s.rollbackInstructions());
                node.put("evidenceRequired", s.evidenceRequired());
                if (s.recurrence() != null) {
                    writeRecurrence(node.putObject("recurrence"), s.recurrence());
                }
            }
            case RetroPrompt r -> {
                putText(node, "prompt", r.prompt());
                node.put("rating", r.rating());
            }
            case CommunicationEntry c -> {
                node.put("audience", c.audience());
                putText(node, "purpose", c.purpose());
                putText(node, "artefact", c.artefact());
                putText(node, "channel", c.channel());
                node.put("cadence", c.cadence().name());
                putText(node, "ownerRole", c.ownerRole());
                node.put("anchor", c.anchor().name());
                node.put("offsetDays", c.offsetDays());
                if (!c.timing().equals(EntryTiming.DEFAULT)) {
                    writeTiming(node.putObject("timing"), c.timing());
                }
                if (c.message() != null) {
                    ObjectNode message = node.putObject("message");
                    message.put("subject", c.message().subject());
                    message.put("body", c.message().body());
                }
                if (c.sendsStatusReport()) {
                    node.put("sendsStatusReport", true);
                }
            }
        }
    }

    /** Only what differs from {@link EntryTiming#DEFAULT}: a file stays as short as the plan is simple. */
    private static void writeTiming(ObjectNode node, EntryTiming timing) {
        EntryTiming d = EntryTiming.DEFAULT;
        if (!timing.at().equals(d.at())) {
            node.put("at", HH_MM.format(timing.at()));
        }
        if (!timing.weekdays().isEmpty()) {
            timing.weekdays().stream().sorted().forEach(day -> node.withArray("weekdays").add(day.name()));
        }
        if (timing.every() != 1) {
            node.put("every", timing.every());
        }
        if (timing.dayOfMonth() != 0) {
            node.put("dayOfMonth", timing.dayOfMonth());
        }
        if (timing.weekdayOrdinal() != 0 && timing.monthWeekday() != null) {
            node.put("weekdayOrdinal", timing.weekdayOrdinal());
            node.put("monthWeekday", timing.monthWeekday().name());
        }
        timing.milestoneOffsets().forEach(o -> node.withArray("milestoneOffsets").add(o));
        if (timing.onDayOff() != d.onDayOff()) {
            node.put("onDayOff", timing.onDayOff().name());
        }
    }

    private static void writeRecurrence(ObjectNode node, StepRecurrence recurrence) {
        switch (recurrence) {
            case StepRecurrence.EveryHours every -> node.put("everyHours", every.hours());
            case StepRecurrence.DailyAt daily -> node.put("dailyAt", HH_MM.format(daily.time()));
        }
        node.put("days", recurrence.days());
    }

    private static void putText(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    public static TemplateContent read(String json) {
        return readContent(parse(json), "");
    }

    /** A whole exported file: the content plus the template's name and description. */
    public record Document(@Nullable String name, @Nullable String description, TemplateContent content) {
    }

    public static String writeDocument(String name, @Nullable String description, int versionNumber, TemplateContent content) {
        ObjectNode root = (ObjectNode) JSON.readTree(write(content));
        ObjectNode document = JSON.createObjectNode();
        document.put("format", "cadence-template");
        document.put("formatVersion", FORMAT_VERSION);
        document.put("name", name);
        if (description != null) {
            document.put("description", description);
        }
        document.putObject("exportedFrom").put("version", versionNumber);
        root.properties().forEach(p -> {
            if (!p.getKey().equals("formatVersion")) {
                document.set(p.getKey(), p.getValue());
            }
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    public static Document readDocument(String json) {
        JsonNode root = parse(json);
        if (root == null || !root.isObject() || (!root.has("format") && !root.has("formatVersion"))) {
            throw new TemplateFormatException("This is not a Cadence template file: export one from a template's page and import that.");
        }
        TemplateContent content = readContent(root, "");
        if (root.has("format") && !"cadence-template".equals(root.get("format").asString())) {
            throw new TemplateFormatException("format: this is not a Cadence template file.");
        }
        return new Document(optionalText(root, "name", ""), optionalText(root, "description", ""), content);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new TemplateFormatException("The file is not valid JSON" + where + ".");
        }
    }

    /** Reads the content part of a document; {@code at} prefixes every location in messages. */
    static TemplateContent readContent(JsonNode root, String at) {
        if (root == null || !root.isObject()) {
            throw new TemplateFormatException("The template must be a JSON object.");
        }
        int formatVersion = integer(root, "formatVersion", at);
        if (formatVersion != FORMAT_VERSION) {
            throw new TemplateFormatException(at + "formatVersion: version " + formatVersion + " is not supported; this Cadence reads version " + FORMAT_VERSION + ".");
        }
        TemplateKind kind = enumValue(root, "kind", TemplateKind.class, at);
        RetroSettings retro = null;
        if (root.has("retrospective")) {
            JsonNode r = object(root, "retrospective", at);
            String rat = at + "retrospective.";
            onlyFields(r, rat, "format", "votingBudget", "anonymousByDefault");
            retro = new RetroSettings(text(r, "format", rat), integer(r, "votingBudget", rat), bool(r, "anonymousByDefault", rat));
            if (retro.votingBudget() < 0 || retro.votingBudget() > 50) {
                throw new TemplateFormatException(rat + "votingBudget: must be between 0 and 50.");
            }
        }
        List<TemplateSection> sections = new ArrayList<>();
        JsonNode sectionNodes = array(root, "sections", at);
        for (int i = 0; i < sectionNodes.size(); i++) {
            String sat = at + "sections[" + i + "].";
            JsonNode s = sectionNodes.get(i);
            if (!s.isObject()) {
                throw new TemplateFormatException(sat.substring(0, sat.length() - 1) + ": must be an object.");
            }
            onlyFields(s, sat, "key", "title", "role", "items");
            SectionRole role = s.has("role") ? enumValue(s, "role", SectionRole.class, sat) : null;
            List<TemplateItem> items = new ArrayList<>();
            JsonNode itemNodes = array(s, "items", sat);
            for (int j = 0; j < itemNodes.size(); j++) {
                items.add(readItem(itemNodes.get(j), kind, sat + "items[" + j + "]."));
            }
            sections.add(new TemplateSection(uuid(s, "key", sat), text(s, "title", sat), role, items));
        }
        onlyFields(root, at, "formatVersion", "kind", "retrospective", "followsWorkingCalendar", "sections", "name", "description", "format", "exportedFrom");
        boolean followsCalendar = root.has("followsWorkingCalendar") && bool(root, "followsWorkingCalendar", at);
        if (followsCalendar && kind != TemplateKind.CUTOVER) {
            throw new TemplateFormatException(at + "followsWorkingCalendar: only a cutover runbook follows the working calendar.");
        }
        return new TemplateContent(kind, sections, retro, followsCalendar);
    }

    private static TemplateItem readItem(JsonNode n, TemplateKind kind, String at) {
        if (!n.isObject()) {
            throw new TemplateFormatException(at.substring(0, at.length() - 1) + ": must be an object.");
        }
        UUID key = uuid(n, "key", at);
        String title = text(n, "title", at);
        return switch (kind) {
            case CUTOVER -> {
                onlyFields(n, at, "key", "title", "description", "type", "offset", "duration", "ownerRole", "predecessors",
                        "rollbackTrigger", "rollbackInstructions", "evidenceRequired", "recurrence");
                List<UUID> predecessors = new ArrayList<>();
                if (n.has("predecessors")) {
                    JsonNode p = array(n, "predecessors", at);
                    for (int i = 0; i < p.size(); i++) {
                        predecessors.add(parseUuid(p.get(i), at + "predecessors[" + i + "]"));
                    }
                }
                yield new CutoverStep(key, title, optionalText(n, "description", at), enumValue(n, "type", StepType.class, at),
                        relative(n, "offset", at, true), relative(n, "duration", at, false), optionalText(n, "ownerRole", at),
                        predecessors, optionalText(n, "rollbackTrigger", at), optionalText(n, "rollbackInstructions", at),
                        n.has("evidenceRequired") && bool(n, "evidenceRequired", at),
                        n.has("recurrence") && !n.get("recurrence").isNull() ? recurrence(object(n, "recurrence", at), at + "recurrence.") : null);
            }
            case RETROSPECTIVE -> {
                onlyFields(n, at, "key", "title", "prompt", "rating");
                yield new RetroPrompt(key, title, optionalText(n, "prompt", at), n.has("rating") && bool(n, "rating", at));
            }
            case COMMUNICATION_PLAN -> {
                onlyFields(n, at, "key", "title", "audience", "purpose", "artefact", "channel", "cadence", "ownerRole", "anchor", "offsetDays",
                        "timing", "message", "sendsStatusReport");
                yield new CommunicationEntry(key, title, text(n, "audience", at), optionalText(n, "purpose", at),
                        optionalText(n, "artefact", at), optionalText(n, "channel", at), enumValue(n, "cadence", Cadence.class, at),
                        optionalText(n, "ownerRole", at), enumValue(n, "anchor", PlanAnchor.class, at),
                        n.has("offsetDays") ? integer(n, "offsetDays", at) : 0,
                        n.has("timing") ? timing(object(n, "timing", at), at + "timing.") : EntryTiming.DEFAULT,
                        n.has("message") ? message(object(n, "message", at), at + "message.") : null,
                        n.has("sendsStatusReport") && bool(n, "sendsStatusReport", at));
            }
        };
    }

    /** {@code {"at": "15:00", "weekdays": ["FRIDAY"], "every": 2, "onDayOff": "NEXT_WORKING_DAY"}}; what is missing is the default. */
    private static EntryTiming timing(JsonNode n, String at) {
        onlyFields(n, at, "at", "weekdays", "every", "dayOfMonth", "weekdayOrdinal", "monthWeekday", "milestoneOffsets", "onDayOff");
        EntryTiming d = EntryTiming.DEFAULT;
        LocalTime time = d.at();
        if (n.has("at")) {
            String text = text(n, "at", at);
            try {
                time = LocalTime.parse(text, HH_MM);
            } catch (DateTimeParseException e) {
                throw new TemplateFormatException(at + "at: “" + text + "” is not a time of day. Use 24-hour HH:mm, e.g. 15:00.");
            }
        }
        java.util.Set<java.time.DayOfWeek> weekdays = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
        if (n.has("weekdays")) {
            for (JsonNode day : array(n, "weekdays", at)) {
                try {
                    weekdays.add(java.time.DayOfWeek.valueOf(day.asString()));
                } catch (IllegalArgumentException e) {
                    throw new TemplateFormatException(at + "weekdays: “" + day.asString() + "” is not a weekday (MONDAY … SUNDAY).");
                }
            }
        }
        java.util.List<Integer> offsets = new java.util.ArrayList<>();
        if (n.has("milestoneOffsets")) {
            for (JsonNode offset : array(n, "milestoneOffsets", at)) {
                if (!offset.isInt()) {
                    throw new TemplateFormatException(at + "milestoneOffsets: give whole numbers of days, e.g. [-10, 1].");
                }
                offsets.add(offset.asInt());
            }
        }
        try {
            return new EntryTiming(time, weekdays, n.has("every") ? integer(n, "every", at) : 1,
                    n.has("dayOfMonth") ? integer(n, "dayOfMonth", at) : 0, n.has("weekdayOrdinal") ? integer(n, "weekdayOrdinal", at) : 0,
                    n.has("monthWeekday") ? enumValue(n, "monthWeekday", java.time.DayOfWeek.class, at) : null, offsets,
                    n.has("onDayOff") ? enumValue(n, "onDayOff", NonWorkingDayRule.class, at) : d.onDayOff());
        } catch (IllegalArgumentException e) {
            throw new TemplateFormatException(at.substring(0, at.length() - 1) + ": " + e.getMessage());
        }
    }

    private static MessageTemplate message(JsonNode n, String at) {
        onlyFields(n, at, "subject", "body");
        try {
            return new MessageTemplate(text(n, "subject", at), n.has("body") ? text(n, "body", at) : "");
        } catch (RuleViolationException e) {
            throw new TemplateFormatException(at + e.field() + ": " + e.getMessage());
        }
    }

    /**
     * {@code {"everyHours": 4, "days": 3}} or {@code {"dailyAt": "09:00", "days": 14}}. The numbers'
     * ranges are the content's rules ({@link TemplateContent#problems()}), checked with the others.
     */
    private static StepRecurrence recurrence(JsonNode n, String at) {
        onlyFields(n, at, "everyHours", "dailyAt", "days");
        if (n.has("everyHours") == n.has("dailyAt")) {
            throw new TemplateFormatException(at.substring(0, at.length() - 1)
                    + ": give either everyHours (e.g. 4) or dailyAt (e.g. \"09:00\"), with days.");
        }
        int days = integer(n, "days", at);
        if (n.has("everyHours")) {
            return new StepRecurrence.EveryHours(integer(n, "everyHours", at), days);
        }
        String time = text(n, "dailyAt", at);
        try {
            return new StepRecurrence.DailyAt(LocalTime.parse(time, HH_MM), days);
        } catch (DateTimeParseException e) {
            throw new TemplateFormatException(at + "dailyAt: “" + time + "” is not a time of day. Use 24-hour HH:mm, e.g. 09:00.");
        }
    }

    private static void onlyFields(JsonNode node, String at, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw new TemplateFormatException(at + name + ": unknown field. Known fields here: " + String.join(", ", allowed) + ".");
            }
        }
    }

    private static JsonNode required(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new TemplateFormatException(at + field + ": a value is required.");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        if (!value.isString() || value.asString().isBlank()) {
            throw new TemplateFormatException(at + field + ": must be non-empty text.");
        }
        return value.asString().strip();
    }

    private static @Nullable String optionalText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new TemplateFormatException(at + field + ": must be text.");
        }
        return value.asString().isBlank() ? null : value.asString().strip();
    }

    private static int integer(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        if (!value.isInt()) {
            throw new TemplateFormatException(at + field + ": must be a whole number.");
        }
        return value.asInt();
    }

    private static boolean bool(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        if (!value.isBoolean()) {
            throw new TemplateFormatException(at + field + ": must be true or false.");
        }
        return value.asBoolean();
    }

    private static JsonNode array(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        if (!value.isArray()) {
            throw new TemplateFormatException(at + field + ": must be a list.");
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        if (!value.isObject()) {
            throw new TemplateFormatException(at + field + ": must be an object.");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type, String at) {
        String value = text(node, field, at);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new TemplateFormatException(at + field + ": “" + value + "” is not one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ".");
        }
    }

    private static UUID uuid(JsonNode node, String field, String at) {
        return parseUuid(required(node, field, at), at + field);
    }

    private static UUID parseUuid(JsonNode value, String where) {
        try {
            if (value.isString()) {
                return UUID.fromString(value.asString());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new TemplateFormatException(where + ": must be a key such as 3f2c6a1e-8d4b-4c1a-9e57-2b6f0c9d7a10.");
    }

    private static int relative(JsonNode node, String field, String at, boolean signed) {
        String value = text(node, field, at);
        try {
            return signed ? RelativeTime.parseOffset(value) : RelativeTime.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new TemplateFormatException(at + field + ": " + e.getMessage());
        }
    }
}
