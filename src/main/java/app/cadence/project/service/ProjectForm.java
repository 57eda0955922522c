package app.cadence.project.service;

import app.cadence.project.domain.Project;
import app.cadence.project.domain.ProjectStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * What a user edits on a project. Carries the version it was loaded at, so that a save can tell
 * whether someone else changed the project in between.
 */
@NamedInterface("api")
public class ProjectForm {

    private @Nullable Long id;
    private long version;

    @NotBlank(message = "Enter a project key, e.g. ERP-01.")
    @Size(max = Project.KEY_MAX, message = "The key can be at most " + Project.KEY_MAX + " characters.")
    @Pattern(regexp = "^$|^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$",
            message = "Use capital letters and digits, optionally in parts joined by hyphens, starting with a letter (e.g. ERP-01).")
    private String key = "";

    @NotBlank(message = "Enter a project name.")
    @Size(max = Project.NAME_MAX, message = "The name can be at most " + Project.NAME_MAX + " characters.")
    private String name = "";

    @Size(max = Project.DESCRIPTION_MAX, message = "The description can be at most " + Project.DESCRIPTION_MAX + " characters.")
    private @Nullable String description;

    private @Nullable Long pmUserId;

    @NotNull(message = "Choose a status.")
    private @Nullable ProjectStatus status = ProjectStatus.PROPOSED;

    private @Nullable LocalDate startDate;
    private @Nullable LocalDate goLiveDate;
    private @Nullable LocalDate closeDate;
    private @Nullable Long programId;

    @Size(max = Project.SPONSOR_MAX, message = "The sponsor can be at most " + Project.SPONSOR_MAX + " characters.")
    private @Nullable String sponsor;

    private @Nullable String updatedBy;
    private @Nullable Instant updatedAt;

    public static ProjectForm of(Project p) {
        ProjectForm form = new ProjectForm();
        form.id = p.getId();
        form.version = p.getVersion();
        form.key = p.getKey();
        form.name = p.getName();
        form.description = p.getDescription();
        form.pmUserId = p.getPmUserId();
        form.status = p.getStatus();
        form.startDate = p.getStartDate();
        form.goLiveDate = p.getGoLiveDate();
        form.closeDate = p.getCloseDate();
        form.programId = p.getProgramId();
        form.sponsor = p.getSponsor();
        form.updatedBy = p.getUpdatedBy();
        form.updatedAt = p.getUpdatedAt();
        return form;
    }

    public boolean isNew() {
        return id == null;
    }

    public @Nullable Long getId() {
        return id;
    }

    public void setId(@Nullable Long id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getKey() {
        return key;
    }

    public void setKey(@Nullable String key) {
        this.key = key == null ? "" : key.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name.trim();
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description == null || description.isBlank() ? null : description.strip();
    }

    public @Nullable Long getPmUserId() {
        return pmUserId;
    }

    public void setPmUserId(@Nullable Long pmUserId) {
        this.pmUserId = pmUserId;
    }

    public @Nullable ProjectStatus getStatus() {
        return status;
    }

    public void setStatus(@Nullable ProjectStatus status) {
        this.status = status;
    }

    public @Nullable LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(@Nullable LocalDate startDate) {
        this.startDate = startDate;
    }

    public @Nullable LocalDate getGoLiveDate() {
        return goLiveDate;
    }

    public void setGoLiveDate(@Nullable LocalDate goLiveDate) {
        this.goLiveDate = goLiveDate;
    }

    public @Nullable LocalDate getCloseDate() {
        return closeDate;
    }

    public void setCloseDate(@Nullable LocalDate closeDate) {
        this.closeDate = closeDate;
    }

    public @Nullable Long getProgramId() {
        return programId;
    }

    public void setProgramId(@Nullable Long programId) {
        this.programId = programId;
    }

    public @Nullable String getSponsor() {
        return sponsor;
    }

    public void setSponsor(@Nullable String sponsor) {
        this.sponsor = sponsor == null || sponsor.isBlank() ? null : sponsor.strip();
    }

    public @Nullable String getUpdatedBy() {
        return updatedBy;
    }

    public @Nullable Instant getUpdatedAt() {
        return updatedAt;
    }
}
