package app.cadence.project.service;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * Action items that count towards a project's health besides its items — a retrospective's
 * actions, from the retro module: a retrospective counts through what the team agreed to do, not
 * through its prompts. Declared here and implemented there, like {@link ProjectWorkFacts}; the
 * portfolio's SQL counts the same rows (the retro module publishes it), and a test checks they agree.
 */
@NamedInterface("api")
public interface ProjectActionFacts {

    /** @param actions not dropped; due: their day has passed; overdue: due and still open */
    record ActionCounts(long actions, long due, long overdue) {
    }

    /** The project's action counts as of {@code now}, days judged in the organisation's zone. */
    ActionCounts actionCounts(Long projectId, Instant now);
}
