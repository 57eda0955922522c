package app.cadence.project.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProjectRepository extends JpaRepository<Project, Long>, ProjectListQueries {

    /** By id and tenant: the tenant filter is a safety net, this predicate is the wall. */
    @Query("select p from Project p where p.id = :id and p.tenantId = :tenantId")
    Optional<Project> findInTenant(Long id, Long tenantId);

    @Query("select p from Project p where p.id in :ids and p.tenantId = :tenantId")
    List<Project> findAllInTenant(Collection<Long> ids, Long tenantId);

    /** Projects going live in [from, to], soonest first; closed ones left out. */
    @Query("""
            select p from Project p where p.tenantId = :tenantId and p.goLiveDate >= :from and p.goLiveDate <= :to
               and p.status <> app.cadence.project.domain.ProjectStatus.CLOSED order by p.goLiveDate, p.key""")
    List<Project> findGoingLive(Long tenantId, java.time.LocalDate from, java.time.LocalDate to);

    @Query("select count(p) > 0 from Project p where p.tenantId = :tenantId and p.key = :key and (:excludeId is null or p.id <> :excludeId)")
    boolean keyTaken(Long tenantId, String key, @Nullable Long excludeId);
}
