package app.cadence.comms.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CommOccurrenceRepository extends JpaRepository<CommOccurrence, Long> {

    @Query("select o from CommOccurrence o where o.id = :id and o.tenantId = :tenantId")
    Optional<CommOccurrence> findInTenant(Long id, Long tenantId);

    @Query("select o from CommOccurrence o where o.tenantId = :tenantId and o.seriesId = :seriesId order by o.dueAt")
    List<CommOccurrence> findBySeries(Long tenantId, Long seriesId);

    @Query("""
            select o from CommOccurrence o where o.tenantId = :tenantId and o.projectId = :projectId
               and o.dueAt >= :from and o.dueAt < :to order by o.dueAt, o.id""")
    List<CommOccurrence> findByProjectBetween(Long tenantId, Long projectId, Instant from, Instant to);

    @Query("""
            select o from CommOccurrence o where o.tenantId = :tenantId and o.projectId = :projectId
               and o.status = app.cadence.comms.domain.OccurrenceStatus.SENT order by o.sentAt desc, o.id desc""")
    List<CommOccurrence> findLog(Long tenantId, Long projectId, Pageable page);

    @Query("""
            select count(o) from CommOccurrence o where o.tenantId = :tenantId and o.projectId = :projectId
               and o.status = app.cadence.comms.domain.OccurrenceStatus.SENT""")
    long countLog(Long tenantId, Long projectId);

    /** Someone's open occurrences due before {@code until}: My work (overdue ones first, by date). */
    @Query("""
            select o from CommOccurrence o where o.tenantId = :tenantId and o.ownerId = :ownerId
               and o.status in (app.cadence.comms.domain.OccurrenceStatus.PLANNED, app.cadence.comms.domain.OccurrenceStatus.DRAFTED)
               and o.dueAt < :until order by o.dueAt, o.id""")
    List<CommOccurrence> findOpenOwnedBy(Long tenantId, Long ownerId, Instant until);

    /** Every occurrence of the organisation due in a window: the PMO's agenda. */
    @Query("""
            select o from CommOccurrence o where o.tenantId = :tenantId and o.dueAt >= :from and o.dueAt < :to
             order by o.dueAt, o.id""")
    List<CommOccurrence> findBetween(Long tenantId, Instant from, Instant to);

    /** Open occurrences due before {@code until} and not before {@code since}: what the reminder round tells owners about. */
    @Query("""
            select o from CommOccurrence o where o.tenantId = :tenantId
               and o.status in (app.cadence.comms.domain.OccurrenceStatus.PLANNED, app.cadence.comms.domain.OccurrenceStatus.DRAFTED)
               and o.dueAt >= :since and o.dueAt < :until order by o.dueAt, o.id""")
    List<CommOccurrence> findOpenDueBetween(Long tenantId, Instant since, Instant until);

    /** As {@link CommsHealthRule} counts: due in [from, now) and not skipped; of those, still open. One row. */
    @Query("""
            select count(o),
                   sum(case when o.status in (app.cadence.comms.domain.OccurrenceStatus.PLANNED, app.cadence.comms.domain.OccurrenceStatus.DRAFTED)
                            then 1 else 0 end)
              from CommOccurrence o where o.tenantId = :tenantId and o.projectId = :projectId
               and o.status <> app.cadence.comms.domain.OccurrenceStatus.SKIPPED and o.dueAt >= :from and o.dueAt < :now""")
    List<Object[]> countForHealth(Long tenantId, Long projectId, Instant from, Instant now);

    @Modifying
    @Query("""
            delete from CommOccurrence o where o.tenantId = :tenantId and o.seriesId in :seriesIds
               and o.status <> app.cadence.comms.domain.OccurrenceStatus.SENT""")
    int deleteUnsentOfSeries(Long tenantId, Collection<Long> seriesIds);

    @Modifying
    @Query("update CommOccurrence o set o.seriesId = null where o.tenantId = :tenantId and o.seriesId in :seriesIds")
    int detachFromSeries(Long tenantId, Collection<Long> seriesIds);

    @Modifying
    @Query("delete from CommOccurrence o where o.tenantId = :tenantId and o.projectId = :projectId")
    int deleteOfProject(Long tenantId, Long projectId);

    @Modifying
    @Query("delete from CommOccurrence o where o.tenantId = :tenantId and o.id in :ids")
    int deleteOccurrences(Long tenantId, Collection<Long> ids);
}
