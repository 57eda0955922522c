package app.cadence.shared;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.data.repository.core.support.RepositoryFactoryInformation;
import org.springframework.stereotype.Component;

/**
 * Finishes, in the background, the start-up work that {@code
 * spring.data.jpa.repositories.bootstrap-mode=lazy} leaves out of the start: building each Spring
 * Data repository (parsing its query methods, about a second of the start on two cores) and
 * waiting for the entity manager factory that Hibernate builds on its own thread meanwhile.
 *
 * <p>Why: a node restarted during a go-live, or one joining a cluster, should take traffic as soon
 * as it can (issue C11's "back in under 6 s"; docs/deployment.md, "A faster start"). The first
 * requests still find every repository they touch — one that is not built yet is built on first
 * use, on that request's thread, by the same singleton lock — and this runs right after the node
 * said it is ready, so the next requests find them all built. The tests keep the eager default
 * (application-test.properties), so a broken query method still fails every test context.
 */
@Component
class RepositoryWarmUp {

    private static final Logger log = LoggerFactory.getLogger(RepositoryWarmUp.class);

    @EventListener(ApplicationReadyEvent.class)
    void warmUp(ApplicationReadyEvent ready) {
        ApplicationContext context = ready.getApplicationContext();
        Thread.ofPlatform().name("repository-warm-up").daemon().start(() -> build(context));
    }

    /** Builds every repository not built yet; returns the names of all of them. */
    static List<String> build(ApplicationContext context) {
        long began = System.nanoTime();
        // By their factories: a lazy repository's own type is not known before it is built.
        List<String> names = Arrays.stream(context.getBeanNamesForType(RepositoryFactoryInformation.class, false, false))
                .map(BeanFactoryUtils::transformedBeanName).toList();
        for (String name : names) {
            try {
                context.getBean(name);
            } catch (BeansException e) {
                // The request that first uses it will fail the same way and show it where it belongs.
                log.warn("Repository {} could not be built ahead of use: {}", name, e.getMessage());
            }
        }
        log.info("{} repositories built {} ms after the node was ready", names.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        return names;
    }
}
