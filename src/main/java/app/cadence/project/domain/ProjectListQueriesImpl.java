package app.cadence.project.domain;

import app.cadence.shared.domain.SearchTerm;
import app.cadence.tenancy.domain.TenancySql;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.springframework.data.domain.Sort;

/**
 * The projects list: native SQL because the PM's name is the tenancy module's, read through the
 * fragment it publishes ({@link TenancySql#ACCOUNT_NAMES}) rather than by joining its entity.
 */
class ProjectListQueriesImpl implements ProjectListQueries {

    /** Sortable columns of the list, by the property names the UI uses. Anything else is ignored. */
    private static final Map<String, String> SORTABLE = Map.of(
            "key", "p.project_key",
            "name", "p.name",
            "pmName", "pm.display_name",
            "status", "p.status",
            "startDate", "p.start_date",
            "goLiveDate", "p.go_live_date",
            "programName", "prog.name");

    private static final String FROM = " " + """
             from project p left join (%s) pm on pm.user_id = p.pm_user_id
               left join program prog on prog.id = p.program_id and prog.tenant_id = p.tenant_id
             where p.tenant_id = :tenantId
               and (:search = '' or lower(p.project_key) like :pattern escape '!' or lower(p.name) like :pattern escape '!'
                    or lower(pm.display_name) like :pattern escape '!' or lower(prog.name) like :pattern escape '!')"""
            .formatted(TenancySql.ACCOUNT_NAMES);

    private final EntityManager em;

    ProjectListQueriesImpl(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ProjectRow> findRows(Long tenantId, String search, Sort sort, long offset, int limit) {
        Query query = em.createNativeQuery("select p.id, p.project_key, p.name, pm.display_name, p.status, p.start_date,"
                + " p.go_live_date, prog.name as program_name" + FROM + orderBy(sort));
        bind(query, tenantId, search);
        NativeQuery<Object[]> typed = query.unwrap(NativeQuery.class);
        typed.addScalar("id", StandardBasicTypes.LONG).addScalar("project_key", StandardBasicTypes.STRING)
                .addScalar("name", StandardBasicTypes.STRING).addScalar("display_name", StandardBasicTypes.STRING)
                .addScalar("status", StandardBasicTypes.STRING).addScalar("start_date", StandardBasicTypes.LOCAL_DATE)
                .addScalar("go_live_date", StandardBasicTypes.LOCAL_DATE).addScalar("program_name", StandardBasicTypes.STRING);
        return typed.setFirstResult(Math.toIntExact(offset)).setMaxResults(limit).getResultList().stream()
                .map(r -> new ProjectRow((Long) r[0], (String) r[1], (String) r[2], (String) r[3], ProjectStatus.valueOf((String) r[4]),
                        (LocalDate) r[5], (LocalDate) r[6], (String) r[7]))
                .toList();
    }

    @Override
    public long countRows(Long tenantId, String search) {
        Query query = em.createNativeQuery("select count(*)" + FROM);
        bind(query, tenantId, search);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static void bind(Query query, Long tenantId, String search) {
        SearchTerm term = new SearchTerm(search);
        query.setParameter("tenantId", tenantId);
        query.setParameter("search", term.text());
        query.setParameter("pattern", term.containsPattern());
    }

    private static String orderBy(Sort sort) {
        String columns = sort.stream()
                .filter(order -> SORTABLE.containsKey(order.getProperty()))
                .map(order -> SORTABLE.get(order.getProperty()) + (order.isAscending() ? " asc" : " desc"))
                .collect(Collectors.joining(", "));
        // A stable tie-breaker keeps pages from overlapping.
        return " order by " + (columns.isEmpty() ? "p.project_key asc, " : columns + ", ") + "p.id asc";
    }
}
