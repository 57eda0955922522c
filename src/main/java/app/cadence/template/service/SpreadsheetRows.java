package app.cadence.template.service;

import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.PlanAnchor;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.SpreadsheetField;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns the rows of a spreadsheet, with the user's column mapping, into template content: one row
 * per item, grouped into sections in the order they first appear. Strict like the JSON import:
 * every problem is a sentence naming the row and column ("Row 4, column Duration: …"), and the
 * content's own rules ({@link TemplateContent#problems()}) are checked on top.
 */
final class SpreadsheetRows {

    /** The content read, what is wrong with it (empty: it may be imported), and which row each item came from. */
    record Converted(TemplateContent content, List<String> problems, Map<UUID, Integer> rowOfItem, boolean startHoldsDateTimes) {
    }

    private static final Pattern HOURS_MINUTES = Pattern.compile("^(\\d{1,4}):([0-5]\\d)$");
    private static final Pattern LOOKS_DATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]", Locale.ROOT);

    private final TemplateKind kind;
    private final SpreadsheetTable table;
    private final Map<SpreadsheetField, Integer> columns = new EnumMap<>(SpreadsheetField.class);
    private final @Nullable LocalDateTime t0;
    private final List<String> problems = new ArrayList<>();
    private boolean startHoldsDateTimes;

    private SpreadsheetRows(TemplateKind kind, SpreadsheetTable table, @Nullable LocalDateTime t0) {
        this.kind = kind;
        this.table = table;
        this.t0 = t0;
    }

    /** {@code mapping.get(i)} is the field column i holds; null: the column is ignored. */
    static Converted convert(TemplateKind kind, SpreadsheetTable table, List<@Nullable SpreadsheetField> mapping, @Nullable LocalDateTime t0) {
        return new SpreadsheetRows(kind, table, t0).run(mapping);
    }

    /** The field each column holds, judged by its header; a field goes to the first column that names it. */
    static List<@Nullable SpreadsheetField> autoMap(TemplateKind kind, List<String> headers) {
        List<@Nullable SpreadsheetField> mapping = new ArrayList<>();
        Set<SpreadsheetField> taken = java.util.EnumSet.noneOf(SpreadsheetField.class);
        for (String header : headers) {
            SpreadsheetField field = SpreadsheetField.of(kind).stream().filter(f -> !taken.contains(f) && f.matches(header)).findFirst().orElse(null);
            if (field != null) {
                taken.add(field);
            }
            mapping.add(field);
        }
        return mapping;
    }

    private Converted run(List<@Nullable SpreadsheetField> mapping) {
        checkMapping(mapping);
        if (!problems.isEmpty()) {
            return new Converted(new TemplateContent(kind, List.of(), null), problems, Map.of(), false);
        }
        Map<String, SectionDraft> sections = new LinkedHashMap<>();
        List<ItemDraft> items = new ArrayList<>();
        Map<String, Integer> rowOfId = new HashMap<>();
        String section = defaultSection();
        for (SpreadsheetTable.Row row : table.rows()) {
            String id = cell(row, SpreadsheetField.ID);
            if (!id.isEmpty() && rowOfId.putIfAbsent(id, row.number()) != null) {
                problem(row, SpreadsheetField.ID, "“" + id + "” is also the ID of row " + rowOfId.get(id) + "; give every row its own ID.");
            }
            String sectionTitle = cell(row, SpreadsheetField.SECTION);
            section = sectionTitle.isEmpty() ? section : sectionTitle; // an empty cell continues the section above
            SectionDraft draft = sections.computeIfAbsent(section, title -> new SectionDraft(title, row));
            if (draft.firstRow == row) {
                length(row, SpreadsheetField.SECTION, draft.title, TemplateContent.TITLE_MAX);
            }
            readPhase(row, draft);
            String title = text(row, SpreadsheetField.TITLE);
            if (title == null) {
                problem(row, SpreadsheetField.TITLE, "a title is required.");
                title = "";
            }
            UUID key = UUID.randomUUID();
            ItemDraft item = new ItemDraft(row, id, switch (kind) {
                case CUTOVER -> step(row, key, title);
                case COMMUNICATION_PLAN -> communication(row, key, title);
                case RETROSPECTIVE -> new RetroPrompt(key, title, text(row, SpreadsheetField.PROMPT), yesNo(row, SpreadsheetField.RATING));
            });
            draft.items.add(item);
            items.add(item);
        }
        if (kind == TemplateKind.CUTOVER) {
            linkPredecessors(items);
        }
        List<TemplateSection> built = sections.values().stream()
                .map(s -> new TemplateSection(UUID.randomUUID(), s.title, s.role, s.items.stream().map(i -> i.item).toList())).toList();
        TemplateContent content = new TemplateContent(kind, built, null);
        Map<UUID, Integer> rowOfItem = items.stream().collect(Collectors.toMap(i -> i.key, i -> i.row.number()));
        if (problems.isEmpty()) {
            // Rules that need the whole template; the row checks above already caught every per-cell problem.
            content.predecessorCycleKeys().ifPresentOrElse(cycle -> cycleProblem(cycle, content, rowOfItem), () -> problems.addAll(content.problems()));
        }
        return new Converted(content, problems, rowOfItem, startHoldsDateTimes);
    }

    private void checkMapping(List<@Nullable SpreadsheetField> mapping) {
        List<SpreadsheetField> offered = SpreadsheetField.of(kind);
        for (int column = 0; column < mapping.size(); column++) {
            SpreadsheetField field = mapping.get(column);
            if (field == null) {
                continue;
            }
            if (!offered.contains(field)) {
                problems.add(capitalised(describe(column)) + " is mapped to " + field.header() + ", which a "
                        + kind.label().toLowerCase(Locale.ROOT) + " does not have. Choose another field or ignore the column.");
            } else if (columns.containsKey(field)) {
                problems.add("Columns " + describe(columns.get(field)).substring("column ".length()) + " and "
                        + describe(column).substring("column ".length()) + " are both mapped to " + field.header() + ": map it to one column only.");
            } else {
                columns.put(field, column);
            }
        }
        if (!columns.containsKey(SpreadsheetField.TITLE)) {
            problems.add("No column is mapped to Title: choose the column that holds the items' titles.");
        }
        if (kind == TemplateKind.COMMUNICATION_PLAN && !columns.containsKey(SpreadsheetField.AUDIENCE)) {
            problems.add("No column is mapped to Audience: choose the column that says who hears each communication.");
        }
    }

    private String describe(int column) {
        String header = column < table.headers().size() ? table.headers().get(column).strip() : "";
        return "column " + SpreadsheetTable.letter(column) + (header.isEmpty() ? "" : " (“" + header + "”)");
    }

    private String defaultSection() {
        return switch (kind) {
            case CUTOVER -> "Steps";
            case COMMUNICATION_PLAN -> "Communications";
            case RETROSPECTIVE -> "Prompts";
        };
    }

    private void readPhase(SpreadsheetTable.Row row, SectionDraft section) {
        String text = cell(row, SpreadsheetField.PHASE);
        if (text.isEmpty()) {
            return;
        }
        Optional<SectionRole> phase = label(text, SectionRole.values(), SectionRole::label);
        if (phase.isEmpty()) {
            problem(row, SpreadsheetField.PHASE, "“" + text + "” is not a phase. Use one of " + labels(SectionRole.values(), SectionRole::label) + ", or leave it empty.");
        } else if (section.role == null) {
            section.role = phase.get();
            section.roleRow = row.number();
        } else if (section.role != phase.get()) {
            problem(row, SpreadsheetField.PHASE, "“" + text + "” differs from " + section.role.label() + ", given for section “" + section.title
                    + "” on row " + section.roleRow + ". A section has one phase: correct one of them or put the row in another section.");
        }
    }

    private CutoverStep step(SpreadsheetTable.Row row, UUID key, String title) {
        StepType type = choice(row, SpreadsheetField.TYPE, StepType.values(), StepType::label, "a step type", StepType.TASK);
        return new CutoverStep(key, title, text(row, SpreadsheetField.DESCRIPTION), type, start(row), duration(row),
                text(row, SpreadsheetField.OWNER_ROLE), List.of(), text(row, SpreadsheetField.ROLLBACK_TRIGGER),
                text(row, SpreadsheetField.ROLLBACK_INSTRUCTIONS), yesNo(row, SpreadsheetField.EVIDENCE_REQUIRED));
    }

    /** Relative to T0 ("-2d 4h"), or a date-time counted from the T0 the user gave; empty is T0. */
    private int start(SpreadsheetTable.Row row) {
        String text = cell(row, SpreadsheetField.START);
        if (text.isEmpty()) {
            return 0;
        }
        LocalDateTime at = dateTime(text);
        if (at == null) {
            return relative(row, SpreadsheetField.START, text, true);
        }
        startHoldsDateTimes = true;
        if (t0 == null) {
            problem(row, SpreadsheetField.START, "“" + text + "” is a date and time. Give the T0 (the switch-over moment) on this screen so that "
                    + "Cadence can count from it, or write the start relative to T0, e.g. -2d 4h.");
            return 0;
        }
        long minutes = Duration.between(t0, at).toMinutes();
        if (Math.abs(minutes) > RelativeTime.LIMIT_MINUTES) {
            problem(row, SpreadsheetField.START, "“" + text + "” is more than a year from the T0. Check the date, or the T0.");
            return 0;
        }
        return (int) minutes;
    }

    /** "1h 30m", or hours:minutes as a spreadsheet shows a time ("1:30"); empty is no duration. */
    private int duration(SpreadsheetTable.Row row) {
        String text = cell(row, SpreadsheetField.DURATION);
        if (text.isEmpty()) {
            return 0;
        }
        Matcher clock = HOURS_MINUTES.matcher(text);
        if (clock.matches()) {
            return Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2));
        }
        return relative(row, SpreadsheetField.DURATION, text, false);
    }

    private int relative(SpreadsheetTable.Row row, SpreadsheetField field, String text, boolean signed) {
        try {
            return signed ? RelativeTime.parseOffset(text) : RelativeTime.parseDuration(text);
        } catch (IllegalArgumentException e) {
            problem(row, field, e.getMessage());
            return 0;
        }
    }

    private static @Nullable LocalDateTime dateTime(String text) {
        if (!LOOKS_DATED.matcher(text).lookingAt()) {
            return null; // most starts are relative: no parse attempt, no exception per row
        }
        try {
            return LocalDateTime.parse(text, DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private CommunicationEntry communication(SpreadsheetTable.Row row, UUID key, String title) {
        String audience = text(row, SpreadsheetField.AUDIENCE);
        if (audience == null) {
            problem(row, SpreadsheetField.AUDIENCE, "an audience is required: who hears this communication, e.g. Key users.");
        }
        Cadence cadence = choice(row, SpreadsheetField.CADENCE, Cadence.values(), Cadence::label, "a cadence", Cadence.ONCE);
        PlanAnchor anchor = choice(row, SpreadsheetField.ANCHOR, PlanAnchor.values(), PlanAnchor::label, "an anchor", PlanAnchor.PLAN_START);
        return new CommunicationEntry(key, title, audience == null ? "" : audience, text(row, SpreadsheetField.PURPOSE),
                text(row, SpreadsheetField.ARTEFACT), text(row, SpreadsheetField.CHANNEL), cadence, text(row, SpreadsheetField.OWNER_ROLE),
                anchor, offsetDays(row));
    }

    private int offsetDays(SpreadsheetTable.Row row) {
        String text = cell(row, SpreadsheetField.OFFSET_DAYS);
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int days = Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
            if (Math.abs(days) <= TemplateContent.MAX_OFFSET_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            problem(row, SpreadsheetField.OFFSET_DAYS, "“" + text + "” is not a whole number of days, e.g. -5 or 3.");
            return 0;
        }
        problem(row, SpreadsheetField.OFFSET_DAYS, "“" + text + "” days is too far; the offset must be between -"
                + String.format(Locale.ENGLISH, "%,d", TemplateContent.MAX_OFFSET_DAYS) + " and "
                + String.format(Locale.ENGLISH, "%,d", TemplateContent.MAX_OFFSET_DAYS) + " days.");
        return 0;
    }

    /** One of the values by its label (or name); empty is {@code otherwise}, anything else a problem that lists the labels. */
    private <E extends Enum<E>> E choice(SpreadsheetTable.Row row, SpreadsheetField field, E[] values, Function<E, String> label, String noun,
                                         E otherwise) {
        String text = cell(row, field);
        if (text.isEmpty()) {
            return otherwise;
        }
        Optional<E> parsed = label(text, values, label);
        if (parsed.isEmpty()) {
            problem(row, field, "“" + text + "” is not " + noun + ". Use one of " + labels(values, label) + " (empty is "
                    + label.apply(otherwise) + ").");
        }
        return parsed.orElse(otherwise);
    }

    /** Yes / No as the export writes it; also the words and marks people type in a checkbox column. */
    private boolean yesNo(SpreadsheetTable.Row row, SpreadsheetField field) {
        String text = cell(row, field).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "", "no", "n", "false", "0", "-" -> false;
            case "yes", "y", "true", "x", "1", "✓", "✔" -> true;
            default -> {
                problem(row, field, "“" + cell(row, field) + "” is not Yes or No.");
                yield false;
            }
        };
    }

    /** Predecessors name rows by ID, or by row number when no column is mapped to ID. */
    private void linkPredecessors(List<ItemDraft> items) {
        boolean byId = columns.containsKey(SpreadsheetField.ID);
        Map<String, ItemDraft> byReference = new HashMap<>();
        for (ItemDraft item : items) {
            String reference = byId ? item.id : String.valueOf(item.row.number());
            if (!reference.isEmpty()) {
                byReference.putIfAbsent(reference, item);
            }
        }
        for (ItemDraft item : items) {
            String text = cell(item.row, SpreadsheetField.PREDECESSORS);
            if (text.isEmpty()) {
                continue;
            }
            Set<UUID> predecessors = new LinkedHashSet<>();
            for (String reference : text.split("[,;\\n]")) {
                String ref = reference.strip();
                if (ref.isEmpty()) {
                    continue;
                }
                ItemDraft predecessor = byReference.get(ref);
                if (predecessor == null) {
                    problem(item.row, SpreadsheetField.PREDECESSORS, byId ? "there is no row with the ID “" + ref + "”."
                            : "there is no item on row “" + ref + "”. With no ID column, predecessors are row numbers.");
                } else if (predecessor == item) {
                    problem(item.row, SpreadsheetField.PREDECESSORS, "a step cannot wait for itself (“" + ref + "”).");
                } else {
                    predecessors.add(predecessor.key);
                }
            }
            if (predecessors.size() > TemplateContent.MAX_PREDECESSORS) {
                problem(item.row, SpreadsheetField.PREDECESSORS, "the step has " + predecessors.size() + " predecessors; at most "
                        + TemplateContent.MAX_PREDECESSORS + " are allowed. Keep the ones it really waits for.");
            }
            CutoverStep s = (CutoverStep) item.item;
            item.item = new CutoverStep(s.key(), s.title(), s.description(), s.type(), s.offsetMinutes(), s.durationMinutes(), s.ownerRole(),
                    List.copyOf(predecessors), s.rollbackTrigger(), s.rollbackInstructions(), s.evidenceRequired());
        }
    }

    private void cycleProblem(List<UUID> cycle, TemplateContent content, Map<UUID, Integer> rowOfItem) {
        Map<UUID, TemplateItem> byKey = content.itemsByKey();
        List<Integer> rows = cycle.stream().distinct().map(rowOfItem::get).sorted().toList();
        String rowList = rows.size() == 1 ? "Row " + rows.getFirst()
                : "Rows " + rows.subList(0, rows.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", ")) + " and " + rows.getLast();
        problems.add(rowList + ", column " + table.columnName(columns.get(SpreadsheetField.PREDECESSORS)) + ": these steps wait for each other in a cycle: "
                + cycle.stream().map(k -> byKey.get(k).title() + " (row " + rowOfItem.get(k) + ")").collect(Collectors.joining(" → "))
                + ". Remove one of the links.");
    }

    // --- cells ------------------------------------------------------------------------------

    /**
     * The cell's text, stripped; "" when the field is not mapped. A leading apostrophe that only
     * kept a spreadsheet from reading the text as a formula ("'-2d 4h") is dropped.
     */
    private String cell(SpreadsheetTable.Row row, SpreadsheetField field) {
        Integer column = columns.get(field);
        if (column == null) {
            return "";
        }
        String text = row.cell(column).strip();
        if (text.length() > 1 && text.charAt(0) == '\'' && app.cadence.shared.SpreadsheetText.startsFormula(text.substring(1))) {
            return text.substring(1);
        }
        return text;
    }

    /** The cell's text, null when empty, with the field's length limit checked. */
    private @Nullable String text(SpreadsheetTable.Row row, SpreadsheetField field) {
        String text = cell(row, field);
        if (text.isEmpty()) {
            return null;
        }
        length(row, field, text, TemplateContent.maxLength(field.header()));
        return text;
    }

    private void length(SpreadsheetTable.Row row, SpreadsheetField field, String text, int max) {
        TemplateContent.tooLong(text, max, "the text").ifPresent(p -> problem(row, field, p + " Shorten it."));
    }

    private void problem(SpreadsheetTable.Row row, SpreadsheetField field, String message) {
        problems.add("Row " + row.number() + ", column " + table.columnName(columns.get(field)) + ": " + message);
    }

    /** A label as the export writes it or the enum's name, ignoring case, spaces and punctuation ("go/no-go" finds GO_NO_GO). */
    private static <E extends Enum<E>> Optional<E> label(String text, E[] values, Function<E, String> label) {
        String wanted = squeezed(text);
        return Arrays.stream(values).filter(v -> squeezed(label.apply(v)).equals(wanted) || squeezed(v.name()).equals(wanted)).findFirst();
    }

    private static String squeezed(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static <E> String labels(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(label).collect(Collectors.joining(", "));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static final class SectionDraft {
        final String title;
        final SpreadsheetTable.Row firstRow;
        final List<ItemDraft> items = new ArrayList<>();
        @Nullable SectionRole role;
        int roleRow;

        SectionDraft(String title, SpreadsheetTable.Row firstRow) {
            this.title = title;
            this.firstRow = firstRow;
        }
    }

    private static final class ItemDraft {
        final SpreadsheetTable.Row row;
        final UUID key;
        final String id;
        /** Replaced once predecessors are linked: they can name rows further down. */
        TemplateItem item;

        ItemDraft(SpreadsheetTable.Row row, String id, TemplateItem item) {
            this.row = row;
            this.key = item.key();
            this.id = id;
            this.item = item;
        }
    }
}
