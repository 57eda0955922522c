package app.cadence.retro.domain;

import org.springframework.modulith.NamedInterface;

/**
 * The retro module's tables as the portfolio reads them, each statement with the tenant predicate
 * written by hand (DESIGN.md). Published here so that the module that owns retro_action also owns
 * the SQL that reads it.
 */
@NamedInterface("api")
public final class RetroSql {

    /**
     * A project's action items as health counts them, as of {@code :today} (the organisation's
     * date): dropped ones do not count; an action is due once its day has passed and overdue while
     * it is still open. The same rule as {@code RetroActionFacts}; a test checks they agree.
     */
    public static final String ACTIONS_AS_OF_TODAY = """
            select ra.project_id as project_id,
                   count(*) as actions,
                   sum(case when ra.due_on < :today then 1 else 0 end) as due_actions,
                   sum(case when ra.status = 'OPEN' and ra.due_on < :today then 1 else 0 end) as overdue_actions
              from retro_action ra
             where ra.tenant_id = :tenant and ra.status <> 'DROPPED'
             group by ra.project_id""";

    private RetroSql() {
    }
}
