package app.cadence.comms.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DistributionListMemberRepository extends JpaRepository<DistributionListMember, Long> {

    @Query("select m from DistributionListMember m where m.tenantId = :tenantId and m.listId in :listIds order by m.listId, m.id")
    List<DistributionListMember> findByLists(Long tenantId, Collection<Long> listIds);

    @Query("select count(m) > 0 from DistributionListMember m where m.tenantId = :tenantId and m.listId = :listId and m.kind = :kind and m.refId = :refId")
    boolean isListed(Long tenantId, Long listId, DistributionListMember.Kind kind, Long refId);

    @Query("select m.listId, count(m) from DistributionListMember m where m.tenantId = :tenantId and m.listId in :listIds group by m.listId")
    List<Object[]> countByLists(Long tenantId, Collection<Long> listIds);

    @Modifying
    @Query("delete from DistributionListMember m where m.tenantId = :tenantId and m.listId = :listId and m.kind = :kind and m.refId = :refId")
    int unlist(Long tenantId, Long listId, DistributionListMember.Kind kind, Long refId);

    @Modifying
    @Query("delete from DistributionListMember m where m.tenantId = :tenantId and m.listId = :listId")
    int deleteByList(Long tenantId, Long listId);

    /** Stakeholders leave every list when they are deleted, alone or with their project. */
    @Modifying
    @Query("delete from DistributionListMember m where m.tenantId = :tenantId and m.kind = app.cadence.comms.domain.DistributionListMember.Kind.STAKEHOLDER "
            + "and m.refId in :stakeholderIds")
    int deleteStakeholders(Long tenantId, Collection<Long> stakeholderIds);
}
