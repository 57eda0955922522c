package app.cadence.work.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface InstanceUpgradeRepository extends JpaRepository<InstanceUpgrade, Long> {

    @Query("select u from InstanceUpgrade u where u.id = :id and u.tenantId = :tenantId")
    Optional<InstanceUpgrade> findInTenant(Long id, Long tenantId);

    /** An instance's upgrades, latest first. */
    @Query("select u from InstanceUpgrade u where u.tenantId = :tenantId and u.instanceId = :instanceId order by u.upgradedAt desc, u.id desc")
    List<InstanceUpgrade> findByInstance(Long tenantId, Long instanceId);

    @Modifying
    @Query("delete from InstanceUpgrade u where u.tenantId = :tenantId and u.instanceId = :instanceId")
    int deleteByInstance(Long tenantId, Long instanceId);

    @Modifying
    @Query("delete from InstanceUpgrade u where u.tenantId = :tenantId and u.projectId = :projectId")
    int deleteByProject(Long tenantId, Long projectId);
}
