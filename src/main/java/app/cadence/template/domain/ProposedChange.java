package app.cadence.template.domain;

import app.cadence.shared.domain.RuleViolationException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The change a proposal asks for, applied to a template's content the way the designer would
 * apply it (the same {@link TemplateContent} edits): a pure rule, unit-tested without a database.
 *
 * @param itemKey the step it concerns (after which to add, to change, to remove); none for a note
 * @param title   the new or changed step's title
 * @param details the new or changed step's details (none when changing: the step keeps its own) (a runbook step's description, a retrospective
 *                column's prompt, a communication's purpose); for a note, the note itself
 */
public record ProposedChange(ProposalKind kind, @Nullable UUID itemKey, @Nullable String title, @Nullable String details) {

    /** Minutes a proposed new runbook step is planned to take until someone says otherwise. */
    public static final int NEW_STEP_MINUTES = 30;

    public ProposedChange {
        title = title == null || title.isBlank() ? null : title.strip();
        details = details == null || details.isBlank() ? null : details.strip();
    }

    /** What is wrong with the proposal as such, as a sentence per field; empty when it is sound. */
    public Optional<RuleViolationException> problem() {
        if (kind.needsItem() && itemKey == null) {
            return Optional.of(new RuleViolationException("item", "Choose the step this proposal concerns."));
        }
        if (kind.needsTitle() && title == null) {
            return Optional.of(new RuleViolationException("title", kind == ProposalKind.ADD_AFTER
                    ? "Give the new step a title." : "Give the step its proposed title."));
        }
        if (title != null && title.length() > TemplateContent.TITLE_MAX) {
            return Optional.of(new RuleViolationException("title", "The title can be at most " + TemplateContent.TITLE_MAX + " characters."));
        }
        if (kind == ProposalKind.NOTE && details == null) {
            return Optional.of(new RuleViolationException("details", "Write the note for the template's owners."));
        }
        if (details != null && details.length() > TemplateContent.TEXT_MAX) {
            return Optional.of(new RuleViolationException("details", "The details can be at most " + TemplateContent.TEXT_MAX + " characters."));
        }
        return Optional.empty();
    }

    /**
     * The content with this change made. A step that is no longer in the content (removed from the
     * draft since) is refused with a sentence; a note leaves the content as it is.
     */
    public TemplateContent applyTo(TemplateContent content) {
        problem().ifPresent(p -> {
            throw p;
        });
        if (kind == ProposalKind.NOTE) {
            return content;
        }
        UUID key = java.util.Objects.requireNonNull(itemKey);
        TemplateItem target = content.itemsByKey().get(key);
        if (target == null) {
            throw new RuleViolationException("item", "The step this proposal concerns is no longer in the draft. Decline the proposal, "
                    + "or edit the draft in the designer.");
        }
        return switch (kind) {
            case ADD_AFTER -> content.withItemAfter(key, newItemAfter(target));
            case CHANGE -> content.withItem(content.sectionOf(key).orElseThrow(), changed(target));
            case REMOVE -> content.withoutItem(key);
            case NOTE -> content;
        };
    }

    private TemplateItem newItemAfter(TemplateItem after) {
        String newTitle = java.util.Objects.requireNonNull(title);
        return switch (after) {
            // Planned to start when the step before it finishes, and to wait for it.
            case CutoverStep s -> new CutoverStep(UUID.randomUUID(), newTitle, details, StepType.TASK, s.offsetMinutes() + s.durationMinutes(),
                    NEW_STEP_MINUTES, s.ownerRole(), List.of(s.key()), null, null, false);
            case RetroPrompt r -> new RetroPrompt(UUID.randomUUID(), newTitle, details, false);
            case CommunicationEntry c -> new CommunicationEntry(UUID.randomUUID(), newTitle, c.audience(), details, c.artefact(), c.channel(),
                    c.cadence(), c.ownerRole(), c.anchor(), c.offsetDays());
        };
    }

    private TemplateItem changed(TemplateItem item) {
        String newTitle = java.util.Objects.requireNonNull(title);
        return switch (item) {
            case CutoverStep s -> new CutoverStep(s.key(), newTitle, details != null ? details : s.description(), s.type(), s.offsetMinutes(), s.durationMinutes(), s.ownerRole(),
                    s.predecessors(), s.rollbackTrigger(), s.rollbackInstructions(), s.evidenceRequired(), s.recurrence());
            case RetroPrompt r -> new RetroPrompt(r.key(), newTitle, details != null ? details : r.prompt(), r.rating());
            case CommunicationEntry c -> new CommunicationEntry(c.key(), newTitle, c.audience(), details != null ? details : c.purpose(), c.artefact(), c.channel(),
                    c.cadence(), c.ownerRole(), c.anchor(), c.offsetDays());
        };
    }
}
