package app.cadence.support;

import app.cadence.project.domain.ProjectStatus;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSelection;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;

/**
 * Builds tenants, members and projects with unique names, so that tests share one database
 * without seeing each other's data.
 */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TenantProvisioning provisioning;
    private final TenantScope scope;
    private final ProjectService projects;
    private final TemplateLibrary templates;

    Fixtures(TenantProvisioning provisioning, TenantScope scope, ProjectService projects, TemplateLibrary templates) {
        this.provisioning = provisioning;
        this.scope = scope;
        this.projects = projects;
        this.templates = templates;
    }

    /** A template with one published version; {@code as} must be ADMIN or PMO. Returns the template id. */
    public Long publishedTemplate(Member as, String name, TemplateContent content) {
        return scope.call(as.userId(), as.tenantId(), () -> {
            Long id = templates.create(unique(name), null, content, "Created for a test");
            templates.publish(id, "Version 1");
            return id;
        });
    }

    /**
     * Publishes the content as the template's next version (a draft started from the latest,
     * saved with it, published); {@code as} must be ADMIN or PMO. Returns the new version's id.
     */
    public Long publishNextVersion(Member as, Long templateId, TemplateContent content) {
        return scope.call(as.userId(), as.tenantId(), () -> {
            templates.startDraft(templateId);
            templates.saveDraft(templateId, templates.draft(templateId).orElseThrow().summary().version(), content);
            templates.publish(templateId, "Next version");
            return templates.applicable().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
        });
    }

    public record Member(Long userId, String email, String name, Long tenantId, String tenantName, Role role) {
        public CadenceAuthentication authentication() {
            return new CadenceAuthentication(new CadenceUser(userId, email, name), new TenantSelection(tenantId, tenantName, role));
        }

        public CadenceAuthentication authenticationWithoutTenant() {
            return new CadenceAuthentication(new CadenceUser(userId, email, name), null);
        }
    }

    public record Tenant(Long id, String name, String slug) {
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    public Tenant tenant(String name) {
        String slug = unique(name.toLowerCase().replace(' ', '-'));
        String fullName = name + " " + slug.substring(slug.indexOf('-') + 1);
        return new Tenant(provisioning.createTenant(slug, fullName), fullName, slug);
    }

    public Member member(Tenant tenant, Role role) {
        String email = unique(role.name().toLowerCase()) + "@" + tenant.slug() + ".example";
        String name = role.label() + " " + SEQUENCE.incrementAndGet();
        Long userId = provisioning.createUser(email, name, PASSWORD);
        provisioning.addMember(tenant.id(), userId, role);
        return new Member(userId, email, name, tenant.id(), tenant.name(), role);
    }

    /** Adds an existing person to another tenant, as for a consultant. */
    public Member join(Member person, Tenant tenant, Role role) {
        provisioning.addMember(tenant.id(), person.userId(), role);
        return new Member(person.userId(), person.email(), person.name(), tenant.id(), tenant.name(), role);
    }

    public Long project(Member as, String key, String name) {
        return scope.call(as.userId(), as.tenantId(), () -> projects.create(form(key, name)));
    }

    public ProjectForm load(Member as, Long projectId) {
        return scope.call(as.userId(), as.tenantId(), () -> projects.load(projectId));
    }

    public static ProjectForm form(String key, String name) {
        ProjectForm form = new ProjectForm();
        form.setKey(key);
        form.setName(name);
        form.setStatus(ProjectStatus.ACTIVE);
        form.setStartDate(LocalDate.of(2026, 1, 5));
        form.setGoLiveDate(LocalDate.of(2026, 6, 1));
        return form;
    }

    // --- platform operators (C5) ---------------------------------------------------------------

    /** A platform operator who belongs to no tenant, as signed in: no tenant selected, ROLE_OPERATOR. */
    public CadenceAuthentication operator() {
        String email = unique("operator") + "@cadence.test";
        return new CadenceAuthentication(operatorAccount(email), null, true);
    }

    /** An account with the operator flag and the fixtures' password, in no tenant. */
    public CadenceUser operatorAccount(String email) {
        String name = "Operator " + SEQUENCE.incrementAndGet();
        Long userId = provisioning.createUser(email, name, PASSWORD);
        operators.grant(email);
        return new CadenceUser(userId, email, name);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private app.cadence.tenancy.service.PlatformOperators operators;
}
