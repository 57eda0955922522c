package app.cadence.comms.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StakeholderRepository extends JpaRepository<Stakeholder, Long> {

    /** By id and tenant: the tenant filter is a safety net, this predicate is the wall. */
    @Query("select s from Stakeholder s where s.id = :id and s.tenantId = :tenantId")
    Optional<Stakeholder> findInTenant(Long id, Long tenantId);

    @Query("select s from Stakeholder s where s.tenantId = :tenantId and s.id in :ids")
    List<Stakeholder> findAllInTenant(Collection<Long> ids, Long tenantId);

    @Query("select s from Stakeholder s where s.tenantId = :tenantId and s.projectId = :projectId and s.id in :ids")
    List<Stakeholder> findAllInProject(Long tenantId, Long projectId, Collection<Long> ids);

    @Query("select s from Stakeholder s where s.tenantId = :tenantId and s.projectId = :projectId order by lower(s.name), s.id")
    List<Stakeholder> findByProject(Long tenantId, Long projectId);

    /** The register's filter: name, email, organisation or role contains the pattern (lower case, escape '!'). */
    String REGISTER = """
             from Stakeholder s
             where s.tenantId = :tenantId and s.projectId = :projectId
               and (:pattern is null or lower(s.name) like :pattern escape '!' or s.emailKey like :pattern escape '!'
                    or lower(s.organisation) like :pattern escape '!' or lower(s.role) like :pattern escape '!')""";

    @Query("select s " + REGISTER)
    List<Stakeholder> findRegister(Long tenantId, Long projectId, @Nullable String pattern, Pageable page);

    @Query("select count(s) " + REGISTER)
    long countRegister(Long tenantId, Long projectId, @Nullable String pattern);

    /** How many of the project's stakeholders have each influence and interest: the grid's summary in one statement. */
    @Query("select s.influence, s.interest, count(s) from Stakeholder s where s.tenantId = :tenantId and s.projectId = :projectId "
            + "group by s.influence, s.interest")
    List<Object[]> countByLevels(Long tenantId, Long projectId);

    @Query("select count(s) > 0 from Stakeholder s where s.tenantId = :tenantId and s.projectId = :projectId and s.emailKey = :emailKey "
            + "and (:exceptId is null or s.id <> :exceptId)")
    boolean emailTaken(Long tenantId, Long projectId, String emailKey, @Nullable Long exceptId);

    /** The tenant's stakeholders whose name, email or organisation contains the pattern: the list editor's search. */
    @Query("""
            select s from Stakeholder s where s.tenantId = :tenantId
              and (lower(s.name) like :pattern escape '!' or s.emailKey like :pattern escape '!' or lower(s.organisation) like :pattern escape '!')
            order by lower(s.name), s.id""")
    List<Stakeholder> search(Long tenantId, String pattern, Pageable page);

    @Query("select s.id from Stakeholder s where s.tenantId = :tenantId and s.projectId = :projectId")
    List<Long> idsOfProject(Long tenantId, Long projectId);

    @Modifying
    @Query("delete from Stakeholder s where s.tenantId = :tenantId and s.projectId = :projectId")
    int deleteByProject(Long tenantId, Long projectId);
}
