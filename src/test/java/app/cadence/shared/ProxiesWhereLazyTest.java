package app.cadence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.Fixtures;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class ProxiesWhereLazyTest {

    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired EntityManager entityManager;
    @Autowired TransactionTemplate transactions;
    @Autowired Fixtures fixtures;

    @Test
    void onlyTheEntitiesALazyAssociationPointsToHaveProxyClasses() {
        Set<String> proxied = new TreeSet<>();
        entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(entity -> {
            if (entity.getRepresentationStrategy().getProxyFactory() != null) {
                proxied.add(entity.getMappedClass().getSimpleName());
            }
        });
        // Membership's tenant and person, a template version's template.
        assertThat(proxied).containsExactly("Template", "Tenant", "UserAccount");
    }

    @Test
    void aReferenceToAProxiedEntityIsStillNotLoadedUntilUsed() {
        Long tenantId = fixtures.tenant("Proxied").id();
        transactions.executeWithoutResult(status -> {
            Tenant reference = entityManager.getReference(Tenant.class, tenantId);
            assertThat(Hibernate.isInitialized(reference)).isFalse();
            assertThat(reference.getName()).startsWith("Proxied");
            assertThat(Hibernate.isInitialized(reference)).isTrue();
        });
    }
}
