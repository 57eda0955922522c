package app.cadence.project.service;

import app.cadence.project.domain.HealthFacts;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * What the project module needs to know about the work done on a project — the instances and
 * items the work module owns. Declared here and implemented there, so that work depends on
 * project and never the other way round. Called inside the caller's transaction and tenant.
 */
@NamedInterface("api")
public interface ProjectWorkFacts {

    /** The counts the health rule reads for one project, in at most two statements. */
    HealthFacts healthFacts(Long projectId, Instant now);

    /** How many templates are applied to the project. */
    int appliedTemplates(Long projectId);
}
