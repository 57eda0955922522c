package app.cadence.work.service;

import app.cadence.project.service.ProjectRef;
import app.cadence.template.domain.TemplateKind;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.work.domain.Instance;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules need to know of an instance without its items: the cutover module runs the
 * plan of the template version the instance was applied from, from the instance's T0.
 */
@Service
@NamedInterface("api")
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class InstanceHeaders {

    /**
     * @param anchorAt T0 of a cutover, the session start of a retrospective
     * @param zone     the zone its dates were given in
     * @param planStart the start, end and go-live dates of a communication plan
     */
    public record InstanceHeader(Long id, Long projectId, String projectKey, String projectName, String name, TemplateKind kind,
                                 Long templateId, Long templateVersionId, int versionNumber, @Nullable Instant anchorAt,
                                 ZoneId zone, @Nullable LocalDate planStart, @Nullable LocalDate planEnd, @Nullable LocalDate goLive) {
    }

    private final InstanceRecords records;

    InstanceHeaders(InstanceRecords records) {
        this.records = records;
    }

    /** An instance of the current tenant; another tenant's is not found. */
    public InstanceHeader header(Long instanceId) {
        Instance instance = records.findInstance(instanceId);
        ProjectRef project = records.findProject(instance.getProjectId());
        return new InstanceHeader(instanceId, instance.getProjectId(), project.key(), project.name(), instance.getName(),
                instance.getKind(), instance.getTemplateId(), instance.getTemplateVersionId(), instance.getVersionNumber(),
                instance.getAnchorAt(), ZoneId.of(instance.getTimeZone()), instance.getPlanStart(), instance.getPlanEnd(), instance.getGoLive());
    }
}
