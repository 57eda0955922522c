package app.cadence.project.domain;

import app.cadence.shared.domain.SearchTerm;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;

class ProjectListQueriesImpl implements ProjectListQueries {

    /** Sortable columns of the list, by the property names the UI uses. Anything else is ignored. */
    private static final Map<String, String> SORTABLE = Map.of(
            "key", "p.key",
            "name", "p.name",
            "pmName", "pm.displayName",
            "status", "p.status",
            "startDate", "p.startDate",
            "goLiveDate", "p.goLiveDate",
            "programName", "prog.name");

    private static final String FROM = """
             from Project p left join UserAccount pm on pm.id = p.pmUserId
               left join Program prog on prog.id = p.programId and prog.tenantId = p.tenantId
             where p.tenantId = :tenantId
               and (:search = '' or lower(p.key) like :pattern escape '!' or lower(p.name) like :pattern escape '!'
                    or lower(pm.displayName) like :pattern escape '!' or lower(prog.name) like :pattern escape '!')""";

    private final EntityManager em;

    ProjectListQueriesImpl(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<ProjectRow> findRows(Long tenantId, String search, Sort sort, long offset, int limit) {
        String jpql = "select new app.cadence.project.domain.ProjectRow(p.id, p.key, p.name, pm.displayName, p.status, p.startDate, p.goLiveDate, prog.name)"
                + FROM + orderBy(sort);
        TypedQuery<ProjectRow> query = em.createQuery(jpql, ProjectRow.class);
        bind(query, tenantId, search);
        return query.setFirstResult(Math.toIntExact(offset)).setMaxResults(limit).getResultList();
    }

    @Override
    public long countRows(Long tenantId, String search) {
        TypedQuery<Long> query = em.createQuery("select count(p)" + FROM, Long.class);
        bind(query, tenantId, search);
        return query.getSingleResult();
    }

    private static void bind(TypedQuery<?> query, Long tenantId, String search) {
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
        return " order by " + (columns.isEmpty() ? "p.key asc, " : columns + ", ") + "p.id asc";
    }
}
