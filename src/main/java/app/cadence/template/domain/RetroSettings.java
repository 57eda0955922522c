package app.cadence.template.domain;

/** How a retrospective runs: its format's name, votes per participant, anonymous cards by default. */
public record RetroSettings(String format, int votingBudget, boolean anonymousByDefault) {
}
