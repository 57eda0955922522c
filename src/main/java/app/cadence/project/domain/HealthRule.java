package app.cadence.project.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * How a project's health is computed (documented in docs/user-guide.md), in this order:
 * <ul>
 *   <li><b>Not assessed</b> while the project is proposed, on hold or closed;</li>
 *   <li><b>Red</b> when a blocked step sits on a cutover's critical path, or when more than the
 *       tenant's share (default 10%) of the items already due are overdue;</li>
 *   <li><b>Amber</b> when anything is overdue or blocked, or when the project goes live within the
 *       tenant's number of days (default 14) with no cutover runbook applied;</li>
 *   <li><b>Not assessed</b> when nothing is applied (no item counts);</li>
 *   <li><b>Green</b> otherwise.</li>
 * </ul>
 * A go-live without a runbook comes before "nothing applied": an active project about to go live
 * with nothing applied is exactly what the PMO must see. The portfolio computes the same rule in
 * SQL ({@code PortfolioQueries}); a test keeps the two in agreement.
 */
@NamedInterface("api")
public final class HealthRule {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private HealthRule() {
    }

    /** The tenant's settings the rule reads (the bounds are the tenancy module's). */
    public record Thresholds(int redOverduePercent, int goLiveDays) {

        /** A new tenant's (changeset 0030); 10% was the fixed rule before it became a setting. */
        public static final Thresholds DEFAULTS = new Thresholds(10, 14);
    }

    public record Assessment(Health health, String reason) {
    }

    /**
     * @param today the day in the tenant's time zone, against which the go-live date is read
     */
    public static Assessment assess(HealthFacts facts, ProjectStatus status, @Nullable LocalDate goLiveDate, LocalDate today,
                                    Thresholds thresholds) {
        switch (status) {
            case PROPOSED -> {
                return new Assessment(Health.NOT_ASSESSED, "Not assessed while the project is proposed.");
            }
            case ON_HOLD -> {
                return new Assessment(Health.NOT_ASSESSED, "Not assessed while the project is on hold.");
            }
            case CLOSED -> {
                return new Assessment(Health.NOT_ASSESSED, "Not assessed: the project is closed.");
            }
            case ACTIVE -> {
                // judged below
            }
        }
        if (facts.blockedOnCriticalPath() > 0) {
            String more = facts.blockedOnCriticalPath() > 1 ? " and " + (facts.blockedOnCriticalPath() - 1) + " more" : "";
            return new Assessment(Health.RED, "Blocked on a cutover's critical path: “" + facts.firstBlockedOnCriticalPath() + "”" + more + ".");
        }
        if (facts.overdueItems() * 100 > facts.dueItems() * thresholds.redOverduePercent()) {
            return new Assessment(Health.RED, overdue(facts) + " — more than " + thresholds.redOverduePercent() + "%.");
        }
        boolean goLiveWithoutRunbook = goesLiveWithin(goLiveDate, today, thresholds.goLiveDays()) && facts.cutoverItems() == 0;
        if (facts.overdueItems() > 0 || facts.blockedItems() > 0 || goLiveWithoutRunbook) {
            StringBuilder reason = new StringBuilder();
            if (facts.overdueItems() > 0) {
                reason.append(overdue(facts));
            }
            if (facts.blockedItems() > 0) {
                reason.append(reason.isEmpty() ? "" : "; ").append(count(facts.blockedItems(), "item")).append(" blocked");
            }
            if (goLiveWithoutRunbook) {
                reason.append(reason.isEmpty() ? "Goes" : "; goes").append(" live on ").append(DATE.format(goLiveDate))
                        .append(" (").append(inDays(today, goLiveDate)).append(") with no cutover runbook applied");
            }
            return new Assessment(Health.AMBER, reason + ".");
        }
        if (facts.items() == 0) {
            return new Assessment(Health.NOT_ASSESSED, "No templates applied yet.");
        }
        return new Assessment(Health.GREEN, "Nothing overdue or blocked.");
    }

    /** From today up to and including {@code days} days ahead; a go-live already past is not "going live". */
    private static boolean goesLiveWithin(@Nullable LocalDate goLiveDate, LocalDate today, int days) {
        return goLiveDate != null && !goLiveDate.isBefore(today) && !goLiveDate.isAfter(today.plusDays(days));
    }

    private static String inDays(LocalDate today, LocalDate day) {
        long days = ChronoUnit.DAYS.between(today, day);
        return days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
    }

    private static String overdue(HealthFacts facts) {
        long percent = Math.round(facts.overdueItems() * 100.0 / facts.dueItems());
        return String.format(Locale.ROOT, "%d of %d due items overdue (%d%%)", facts.overdueItems(), facts.dueItems(), percent);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
