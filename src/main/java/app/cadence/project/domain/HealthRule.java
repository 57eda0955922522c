package app.cadence.project.domain;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * How a project's health is computed from its items (documented in docs/user-guide.md):
 * <ul>
 *   <li><b>Red</b> when a blocked step sits on a cutover's critical path, or when more than 10% of
 *       the items already due are overdue;</li>
 *   <li><b>Amber</b> when anything is overdue or blocked;</li>
 *   <li><b>Green</b> otherwise.</li>
 * </ul>
 */
@NamedInterface("api")
public final class HealthRule {

    /** Red once the overdue share of due items is strictly above this percentage. */
    public static final int RED_OVERDUE_PERCENT = 10;

    private HealthRule() {
    }

    public record Assessment(Health health, String reason) {
    }

    public static Assessment assess(HealthFacts facts) {
        if (facts.blockedOnCriticalPath() > 0) {
            String more = facts.blockedOnCriticalPath() > 1 ? " and " + (facts.blockedOnCriticalPath() - 1) + " more" : "";
            return new Assessment(Health.RED, "Blocked on a cutover's critical path: “" + facts.firstBlockedOnCriticalPath() + "”" + more + ".");
        }
        if (facts.overdueItems() * 100 > facts.dueItems() * RED_OVERDUE_PERCENT) {
            return new Assessment(Health.RED, overdue(facts) + " — more than " + RED_OVERDUE_PERCENT + "%.");
        }
        if (facts.overdueItems() > 0 || facts.blockedItems() > 0) {
            StringBuilder reason = new StringBuilder();
            if (facts.overdueItems() > 0) {
                reason.append(overdue(facts));
            }
            if (facts.blockedItems() > 0) {
                reason.append(reason.isEmpty() ? "" : "; ").append(count(facts.blockedItems(), "item")).append(" blocked");
            }
            return new Assessment(Health.AMBER, reason + ".");
        }
        if (facts.items() == 0) {
            return new Assessment(Health.GREEN, "No templates applied yet.");
        }
        return new Assessment(Health.GREEN, "Nothing overdue or blocked.");
    }

    private static String overdue(HealthFacts facts) {
        long percent = Math.round(facts.overdueItems() * 100.0 / facts.dueItems());
        return String.format(Locale.ROOT, "%d of %d due items overdue (%d%%)", facts.overdueItems(), facts.dueItems(), percent);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
