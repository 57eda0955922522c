package app.cadence.comms.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DistributionListRepository extends JpaRepository<DistributionList, Long> {

    /** By id and tenant: the tenant filter is a safety net, this predicate is the wall. */
    @Query("select l from DistributionList l where l.id = :id and l.tenantId = :tenantId")
    Optional<DistributionList> findInTenant(Long id, Long tenantId);

    @Query("select l from DistributionList l where l.tenantId = :tenantId and l.id in :ids order by lower(l.name), l.id")
    List<DistributionList> findAllInTenant(Collection<Long> ids, Long tenantId);

    @Query("select l from DistributionList l where l.tenantId = :tenantId order by lower(l.name), l.id")
    List<DistributionList> findAllOfTenant(Long tenantId, Pageable page);

    @Query("select count(l) > 0 from DistributionList l where l.tenantId = :tenantId and l.nameKey = :nameKey and (:exceptId is null or l.id <> :exceptId)")
    boolean nameTaken(Long tenantId, String nameKey, @Nullable Long exceptId);

    /** The lists page's filter: name or description contains the pattern (lower case, escape '!'). */
    String PAGE = """
             from DistributionList l
             where l.tenantId = :tenantId
               and (:pattern is null or l.nameKey like :pattern escape '!' or lower(l.description) like :pattern escape '!')""";

    /** A page of lists with how many people each holds, in one statement. */
    @Query("select new app.cadence.comms.domain.DistributionListRow(l.id, l.name, l.description, "
            + "(select count(m) from DistributionListMember m where m.tenantId = l.tenantId and m.listId = l.id), l.version) " + PAGE)
    List<DistributionListRow> findPage(Long tenantId, @Nullable String pattern, Pageable page);

    @Query("select count(l) " + PAGE)
    long countPage(Long tenantId, @Nullable String pattern);
}
