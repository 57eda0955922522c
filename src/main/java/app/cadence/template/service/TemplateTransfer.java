package app.cadence.template.service;

import app.cadence.shared.UploadLimits;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.ScheduleWarning;
import app.cadence.template.domain.Template;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.service.TemplateViews.TemplateDetails;
import app.cadence.template.service.TemplateViews.VersionContent;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantChoice;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSelectionService;
import jakarta.annotation.security.RolesAllowed;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Export of a template version as a JSON file, and import of such a file as a new draft template. */
@Service
@RolesAllowed(RoleSets.MEMBERS)
public class TemplateTransfer {

    /** Problems listed in one refusal; a badly broken file would otherwise fill the screen. */
    static final int PROBLEMS_SHOWN = 10;

    private final TemplateLibrary library;
    private final TenantSelectionService tenants;
    private final TenantScope scope;
    private final UploadLimits uploadLimits;

    TemplateTransfer(TemplateLibrary library, TenantSelectionService tenants, TenantScope scope, UploadLimits uploadLimits) {
        this.library = library;
        this.tenants = tenants;
        this.scope = scope;
        this.uploadLimits = uploadLimits;
    }

    /** The user's other organisations where they may author templates: where a copy can go. */
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public List<TenantChoice> copyTargets() {
        Long current = TenantContext.currentTenantId().orElse(TenantContext.NO_TENANT);
        return tenants.choices().stream()
                .filter(c -> !c.tenantId().equals(current))
                .filter(c -> c.role() == Role.ADMIN || c.role() == Role.PMO)
                .toList();
    }

    /**
     * Copies one version of a template into another organisation of the same user, as a new draft
     * there. The target membership and its role are checked on the server; only the template's
     * name, description and content cross over.
     */
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public Long copyTo(Long templateId, Long versionId, Long targetTenantId) {
        if (TenantContext.currentTenantId().filter(targetTenantId::equals).isPresent()) {
            throw new RuleViolationException(null, "Choose another organisation: this template is already in this one.");
        }
        TemplateDetails details = library.details(templateId);
        TemplateContent content = library.version(templateId, versionId).content();
        String source = TenantContext.currentSelection().map(s -> s.tenantName()).orElse("another organisation");
        Long userId = TenantContext.currentUser().map(u -> u.userId()).orElseThrow();
        return scope.call(userId, targetTenantId,
                () -> library.create(freeName(details.name()), details.description(), content, "Copied from " + source + " as"));
    }

    public record ExportFile(String fileName, byte[] bytes) {
    }

    public ExportFile export(Long templateId, Long versionId) {
        TemplateDetails details = library.details(templateId);
        VersionContent version = library.version(templateId, versionId);
        int number = version.summary().number() == null ? 0 : version.summary().number();
        String json = TemplateFormat.writeDocument(details.name(), details.description(), number, version.content());
        String slug = details.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String suffix = number == 0 ? "draft" : "v" + number;
        return new ExportFile((slug.isEmpty() ? "template" : slug) + "-" + suffix + ".json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** The new draft template, and the timings in it the importer should check (advisory, never a refusal). */
    public record Imported(Long templateId, List<ScheduleWarning> scheduleWarnings) {
        public Imported {
            scheduleWarnings = List.copyOf(scheduleWarnings);
        }
    }

    /**
     * Imports a file as a new draft template. Anything wrong with it is refused with a message
     * naming the problem and its place, and then nothing at all is imported. Schedule warnings do
     * not refuse it: a runbook written elsewhere often overlaps steps on purpose, and the designer
     * is where to fix them.
     */
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public Imported importFile(byte[] bytes) {
        if (bytes.length > uploadLimits.maxFileBytes()) {
            throw new RuleViolationException(null, "The file is larger than " + uploadLimits.label()
                    + "; template files are much smaller. Check that you chose the right file.");
        }
        TemplateFormat.Document document;
        try {
            document = TemplateFormat.readDocument(utf8(bytes));
        } catch (TemplateFormatException e) {
            throw new RuleViolationException(null, "Nothing was imported. " + e.getMessage());
        }
        TemplateContent content = document.content();
        // Every problem at once (up to a screenful), so that one round of corrections suffices.
        List<String> problems = new ArrayList<>();
        TemplateContent.tooLong(document.name(), Template.NAME_MAX, "The template name").ifPresent(problems::add);
        TemplateContent.tooLong(document.description(), Template.DESCRIPTION_MAX, "The template description").ifPresent(problems::add);
        problems.addAll(content.problems());
        if (!problems.isEmpty()) {
            throw new RuleViolationException(null, "Nothing was imported. " + listed(problems) + " Correct the file and import it again.");
        }
        String name = freeName(document.name() == null ? "Imported " + content.kind().label().toLowerCase(Locale.ROOT) : document.name());
        return new Imported(library.create(name, document.description(), content, "Imported"), content.scheduleWarnings());
    }

    static String listed(List<String> problems) {
        if (problems.size() <= PROBLEMS_SHOWN) {
            return String.join(" ", problems);
        }
        int more = problems.size() - PROBLEMS_SHOWN;
        return String.join(" ", problems.subList(0, PROBLEMS_SHOWN)) + " … and " + String.format(Locale.ENGLISH, "%,d", more)
                + (more == 1 ? " more problem." : " more problems.");
    }

    /** {@code wanted}, or with " (2)", " (3)" … when taken; shortened so that it still fits the column. */
    private String freeName(String wanted) {
        String candidate = wanted;
        for (int n = 2; library.nameInUse(candidate); n++) {
            String suffix = " (" + n + ")";
            candidate = wanted.substring(0, Math.min(wanted.length(), Template.NAME_MAX - suffix.length())).strip() + suffix;
        }
        return candidate;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RuleViolationException(null, "Nothing was imported. The file is not UTF-8 text; export it again from Cadence.");
        }
    }
}
