package app.cadence.comms.service;

import app.cadence.shared.domain.RuleViolationException;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** A CSV file with problems: nothing was imported; {@link #problems()} says what to correct, by row and column. */
@NamedInterface("api")
public class StakeholderImportException extends RuleViolationException {

    private final List<String> problems;

    StakeholderImportException(List<String> problems, int count) {
        super(null, "Nothing was imported: the file has " + (count == 1 ? "1 problem" : count + " problems")
                + ". Correct " + (count == 1 ? "it" : "them") + " and upload the file again.");
        this.problems = List.copyOf(problems);
    }

    /** What is wrong, one sentence each, the first {@link app.cadence.comms.domain.StakeholderCsv#ERRORS_SHOWN} and a count of the rest. */
    public List<String> problems() {
        return problems;
    }
}
