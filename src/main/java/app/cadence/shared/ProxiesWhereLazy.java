package app.cadence.shared;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets Hibernate make lazy-loading proxy classes only for the entities that a lazy association
 * points to. Hibernate 7 treats every entity as proxyable and generates a proxy class for each
 * (ByteBuddy) whenever it starts — a third of its start-up on this application, on the path to
 * the node being ready (docs/deployment.md, "A faster start") — while only a handful are ever
 * proxied here: the targets of the few {@code @ManyToOne(fetch = LAZY)} mappings, which also
 * include the entities asked for by {@code getReferenceById}. Any other entity is loaded when
 * asked for, which it always was.
 *
 * <p>Applied before Hibernate builds its runtime model: integrators run first.
 */
@Component
class ProxiesWhereLazy implements HibernatePropertiesCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ProxiesWhereLazy.class);

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put(JpaSettings.INTEGRATOR_PROVIDER, (org.hibernate.jpa.boot.spi.IntegratorProvider) () -> List.of(new Integrator() {
            @Override
            public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
                Set<String> kept = proxied(metadata.getEntityBindings());
                int unproxied = 0;
                for (PersistentClass entity : metadata.getEntityBindings()) {
                    if (!kept.contains(entity.getEntityName()) && entity.isLazy()) {
                        entity.setLazy(false);
                        unproxied++;
                    }
                }
                log.debug("Lazy-loading proxies for {} entities ({}), none for {}", kept.size(), kept, unproxied);
            }
        }));
    }

    /**
     * The entities a proxy may stand for: those a lazy to-one association points to, and any in
     * an inheritance hierarchy (a proxy of the root may stand for a subclass).
     */
    static Set<String> proxied(Iterable<PersistentClass> entities) {
        Set<String> proxied = new HashSet<>();
        for (PersistentClass entity : entities) {
            if (entity.hasSubclasses() || entity.getSuperclass() != null) {
                proxied.add(entity.getEntityName());
            }
            for (Property property : entity.getPropertyClosure()) {
                if (property.getValue() instanceof ToOne toOne && toOne.isLazy()) {
                    proxied.add(toOne.getReferencedEntityName());
                }
            }
        }
        return proxied;
    }
}
