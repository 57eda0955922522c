package app.cadence.project.domain;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProgramRepository extends JpaRepository<Program, Long> {

    @Query("select p from Program p where p.id = :id and p.tenantId = :tenantId")
    Optional<Program> findInTenant(Long id, Long tenantId);

    @Query("select count(p) > 0 from Program p where p.tenantId = :tenantId and lower(p.name) = lower(:name) and (:excludeId is null or p.id <> :excludeId)")
    boolean nameTaken(Long tenantId, String name, @Nullable Long excludeId);

    /**
     * Every program with its project count, in one statement. Programs are few per tenant (tens),
     * so the whole list serves the pickers and the programs page.
     */
    @Query("""
            select new app.cadence.project.domain.ProgramRow(p.id, p.name, p.description, count(pr.id), p.version)
            from Program p left join Project pr on pr.programId = p.id and pr.tenantId = p.tenantId
            where p.tenantId = :tenantId
            group by p.id, p.name, p.description, p.version
            order by p.name""")
    List<ProgramRow> findRows(Long tenantId);

    @Query("select count(pr) from Project pr where pr.tenantId = :tenantId and pr.programId = :programId")
    long projectCount(Long tenantId, Long programId);
}
