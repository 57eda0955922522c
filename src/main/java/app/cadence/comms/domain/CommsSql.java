package app.cadence.comms.domain;

import org.springframework.modulith.NamedInterface;

/**
 * The comms module's tables as the portfolio reads them, with the tenant predicate written by
 * hand (DESIGN.md). Published here so that the module that owns comm_occurrence also owns the SQL
 * that reads it.
 */
@NamedInterface("api")
public final class CommsSql {

    /**
     * A project's communications as health counts them, as of {@code :now}: those due in the
     * {@link CommsHealthRule#WINDOW} before now, not skipped, are due items, and those of them still
     * planned or drafted are overdue. The same rule as {@code CommsHealthFacts}; a test checks they
     * agree. {@code :comms_from} is now minus the window, bound as an instant so that no date
     * arithmetic differs between H2 and MySQL.
     */
    public static final String OCCURRENCES_AS_OF_NOW = """
            select co.project_id as project_id,
                   count(*) as due_communications,
                   sum(case when co.status in ('PLANNED', 'DRAFTED') then 1 else 0 end) as overdue_communications
              from comm_occurrence co
             where co.tenant_id = :tenant and co.due_at >= :comms_from and co.due_at < :now and co.status <> 'SKIPPED'
             group by co.project_id""";

    private CommsSql() {
    }
}
