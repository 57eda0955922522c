package app.cadence.admin.service;

import app.cadence.admin.domain.AccentColour;
import app.cadence.admin.domain.LogoFormat;
import app.cadence.admin.domain.TenantLogo;
import app.cadence.admin.domain.TenantLogoRepository;
import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.AuditTrail;
import app.cadence.audit.service.SecurityLog;
import app.cadence.shared.UploadLimits;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantProfiles.Profile;
import app.cadence.tenancy.service.TenantProfiles;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The organisation's settings: display name, time zone, accent colour, the cutover and health
 * thresholds, and logo. Its ADMIN changes
 * them; every member reads the branding the header shows. Every change goes to the security log
 * (what changed, before → after) and to the audit trail.
 */
@NamedInterface("api")
@Service
@Transactional
public class OrganisationSettings {

    /** Larger logos gain nothing in a 32-pixel-high header and slow down every page. */
    public static final int LOGO_MAX_BYTES = 256 * 1024;

    private static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    private static final Set<String> ZONE_SET = Set.copyOf(ZONES);
    private static final String SUBJECT_TYPE = "Organisation";

    /** The form as loaded: {@code accentColour} is "" for Cadence's own colour. */
    public record Settings(String name, String timeZone, String accentColour, int lateStepMinutes, int healthRedOverduePercent,
                           int healthGoLiveDays, long version, @Nullable LogoInfo logo) {
    }

    /**
     * What the ADMIN submits; {@code version} is the one they loaded. {@code lateStepMinutes}: how
     * late a cutover step may run before its owner is notified; {@code healthRedOverduePercent}
     * and {@code healthGoLiveDays}: the health thresholds (issue C8). A null number leaves that
     * setting as it is.
     */
    public record SettingsChange(String name, String timeZone, String accentColour, @Nullable Integer lateStepMinutes,
                                 @Nullable Integer healthRedOverduePercent, @Nullable Integer healthGoLiveDays, long version) {

        public SettingsChange(String name, String timeZone, String accentColour, long version) {
            this(name, timeZone, accentColour, null, null, null, version);
        }

        public SettingsChange(String name, String timeZone, String accentColour, @Nullable Integer lateStepMinutes, long version) {
            this(name, timeZone, accentColour, lateStepMinutes, null, null, version);
        }
    }

    /** About the stored logo, without its bytes; {@code version} changes with every replacement. */
    public record LogoInfo(String contentType, int width, int height, int byteCount, Instant updatedAt, String updatedBy, long version) {
    }

    /** A logo to serve: the content type it was validated as, and its bytes. */
    public record Logo(String contentType, byte[] bytes, long version) {
    }

    /** What the header shows of the organisation. */
    public record Branding(String name, @Nullable AccentColour accent, @Nullable LogoInfo logo) {
    }

    private final TenantProfiles profiles;
    private final TenantProvisioning provisioning;
    private final TenantSettings tenantSettings;
    private final TenantLogoRepository logos;
    private final SecurityLog securityLog;
    private final AuditTrail audit;
    private final UploadLimits uploadLimits;
    private final Clock clock;
    private final EntityManager entityManager;

    OrganisationSettings(TenantProfiles profiles, TenantProvisioning provisioning, TenantSettings tenantSettings,
                         TenantLogoRepository logos, SecurityLog securityLog, AuditTrail audit, UploadLimits uploadLimits, Clock clock,
                         EntityManager entityManager) {
        this.entityManager = entityManager;
        this.profiles = profiles;
        this.provisioning = provisioning;
        this.tenantSettings = tenantSettings;
        this.logos = logos;
        this.securityLog = securityLog;
        this.audit = audit;
        this.uploadLimits = uploadLimits;
        this.clock = clock;
    }

    /** Every zone the JVM knows, sorted by id: the ones a tenant may choose. */
    public static List<String> availableZones() {
        return ZONES;
    }

    /** The smaller of the logo limit and the upload limit configured for the whole app. */
    public int maxLogoBytes() {
        return Math.min(LOGO_MAX_BYTES, uploadLimits.maxFileBytes());
    }

    @Transactional(readOnly = true)
    @RolesAllowed(RoleSets.MEMBERS)
    public Branding branding() {
        Profile profile = profiles.current();
        return new Branding(profile.name(), AccentColour.ofStored(profile.accentColour()).orElse(null),
                logos.findForTenant(profile.tenantId()).map(OrganisationSettings::info).orElse(null));
    }

    /** The current organisation's logo for its members; empty when it has none. */
    @Transactional(readOnly = true)
    @RolesAllowed(RoleSets.MEMBERS)
    public Optional<Logo> logo() {
        return logos.findForTenant(TenantContext.requireTenantId()).map(l -> new Logo(l.getContentType(), l.getBytes(), l.getVersion()));
    }

    @Transactional(readOnly = true)
    @RolesAllowed(RoleSets.ADMINISTRATORS)
    public Settings load() {
        Profile profile = profiles.current();
        return new Settings(profile.name(), profile.zone().getId(), Objects.requireNonNullElse(profile.accentColour(), ""),
                profile.lateStepMinutes(), profile.healthRedOverduePercent(), profile.healthGoLiveDays(), profile.version(),
                logos.findForTenant(profile.tenantId()).map(OrganisationSettings::info).orElse(null));
    }

    /**
     * Validates every field, then applies what changed. A new time zone takes effect at once for
     * due dates computed from now on; instances already created keep the zone they were planned in.
     */
    @RolesAllowed(RoleSets.ADMINISTRATORS)
    public Settings save(SettingsChange change) {
        String name = validName(change.name());
        ZoneId zone = validZone(change.timeZone());
        AccentColour accent = AccentColour.parse(change.accentColour()).orElse(null);
        Profile before = profiles.current();
        int lateStepMinutes = change.lateStepMinutes() == null ? before.lateStepMinutes() : validLateStepMinutes(change.lateStepMinutes());
        int redPercent = change.healthRedOverduePercent() == null ? before.healthRedOverduePercent()
                : validRedOverduePercent(change.healthRedOverduePercent());
        int goLiveDays = change.healthGoLiveDays() == null ? before.healthGoLiveDays() : validGoLiveDays(change.healthGoLiveDays());
        if (before.version() != change.version()) {
            // Another ADMIN saved since this form was loaded: applying it would silently undo their change.
            throw new ObjectOptimisticLockingFailureException("Tenant", before.tenantId());
        }
        List<String> changes = new ArrayList<>();
        if (!name.equals(before.name())) {
            profiles.rename(name);
            changes.add("name “" + before.name() + "” → “" + name + "”");
            audit.changed(subject(before.tenantId(), name), "Name", before.name(), name);
        }
        if (!zone.equals(before.zone())) {
            provisioning.changeTimeZone(before.tenantId(), zone);
            // changeTimeZone forgets the cached zone at once; a request on this node that reads it
            // before this transaction commits would cache the old zone again, so forget it after too.
            forgetSettingsAfterCommit(before.tenantId());
            changes.add("time zone " + before.zone().getId() + " → " + zone.getId());
            audit.changed(subject(before.tenantId(), name), "Time zone", before.zone().getId(), zone.getId());
        }
        String oldColour = before.accentColour();
        String newColour = accent == null ? null : accent.hex();
        if (!Objects.equals(oldColour, newColour)) {
            profiles.changeAccentColour(newColour);
            changes.add("accent colour " + colourLabel(oldColour) + " → " + colourLabel(newColour));
            audit.changed(subject(before.tenantId(), name), "Accent colour", colourLabel(oldColour), colourLabel(newColour));
        }
        if (lateStepMinutes != before.lateStepMinutes()) {
            profiles.changeLateStepMinutes(lateStepMinutes);
            changes.add("late step threshold " + before.lateStepMinutes() + " → " + lateStepMinutes + " minutes");
            audit.changed(subject(before.tenantId(), name), "Late step threshold (minutes)", Integer.toString(before.lateStepMinutes()),
                    Integer.toString(lateStepMinutes));
        }
        if (redPercent != before.healthRedOverduePercent() || goLiveDays != before.healthGoLiveDays()) {
            profiles.changeHealthThresholds(redPercent, goLiveDays);
            // Health is read through the cached settings: this node must not judge by the old
            // thresholds, neither now nor after a read that caches them again before the commit.
            tenantSettings.forget(before.tenantId());
            forgetSettingsAfterCommit(before.tenantId());
            if (redPercent != before.healthRedOverduePercent()) {
                changes.add("red health when more than " + before.healthRedOverduePercent() + "% → " + redPercent
                        + "% of due items are overdue");
                audit.changed(subject(before.tenantId(), name), "Red health: overdue share above (%)",
                        Integer.toString(before.healthRedOverduePercent()), Integer.toString(redPercent));
            }
            if (goLiveDays != before.healthGoLiveDays()) {
                changes.add("amber health when going live without a runbook within " + before.healthGoLiveDays() + " → " + goLiveDays
                        + " days");
                audit.changed(subject(before.tenantId(), name), "Amber health: go-live without a runbook within (days)",
                        Integer.toString(before.healthGoLiveDays()), Integer.toString(goLiveDays));
            }
        }
        if (!changes.isEmpty()) {
            securityLog.recordInCurrentTenant(SecurityEventType.SETTINGS_CHANGED, name, capitalised(String.join("; ", changes)));
            // The returned version must be the one after this change, or the next save would look stale.
            entityManager.flush();
        }
        return load();
    }

    /** Checks the bytes (format from the bytes, size, pixels, decodes) and stores them as the logo. */
    @RolesAllowed(RoleSets.ADMINISTRATORS)
    public LogoInfo replaceLogo(byte[] bytes) {
        if (bytes.length == 0) {
            throw new RuleViolationException("logo", "The file is empty. " + LogoInspection.FORMATS_HINT);
        }
        if (bytes.length > maxLogoBytes()) {
            throw new RuleViolationException("logo", "The image is " + kilobytes(bytes.length) + "; a logo may be at most "
                    + kilobytes(maxLogoBytes()) + ". Save it smaller (fewer pixels, or as JPEG or WebP) and upload it again.");
        }
        LogoInspection.Inspected image = LogoInspection.inspect(bytes);
        Long tenantId = TenantContext.requireTenantId();
        Instant now = clock.instant();
        String by = SecurityLog.currentActor();
        Optional<TenantLogo> existing = logos.findForTenant(tenantId);
        String before = existing.map(l -> describe(info(l))).orElse("none");
        TenantLogo logo = existing.orElseGet(() -> new TenantLogo(image.format(), bytes, image.width(), image.height(), now, by));
        if (existing.isPresent()) {
            logo.replace(image.format(), bytes, image.width(), image.height(), now, by);
        }
        TenantLogo stored = logos.save(logo);
        entityManager.flush();
        LogoInfo saved = info(stored);
        securityLog.recordInCurrentTenant(SecurityEventType.SETTINGS_CHANGED, profiles.current().name(),
                "Logo " + before + " → " + describe(saved));
        audit.changed(subject(tenantId, profiles.current().name()), "Logo", before, describe(saved));
        return saved;
    }

    @RolesAllowed(RoleSets.ADMINISTRATORS)
    public void removeLogo() {
        Long tenantId = TenantContext.requireTenantId();
        Optional<TenantLogo> existing = logos.findForTenant(tenantId);
        if (existing.isEmpty()) {
            return;
        }
        String before = describe(info(existing.get()));
        logos.deleteForTenant(tenantId);
        String name = profiles.current().name();
        securityLog.recordInCurrentTenant(SecurityEventType.SETTINGS_CHANGED, name, "Logo " + before + " → none (removed)");
        audit.changed(subject(tenantId, name), "Logo", before, "none");
    }

    private static String validName(@Nullable String input) {
        String name = input == null ? "" : input.strip();
        if (name.isEmpty()) {
            throw new RuleViolationException("name", "Enter the organisation's name, as its members know it.");
        }
        if (name.length() > TenantProfiles.NAME_MAX) {
            throw new RuleViolationException("name", "The name can be at most " + TenantProfiles.NAME_MAX + " characters; this one has "
                    + name.length() + ".");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new RuleViolationException("name", "The name cannot contain line breaks, tabs or other control characters.");
        }
        return name;
    }

    private static int validLateStepMinutes(int minutes) {
        if (minutes < TenantProfiles.LATE_STEP_MINUTES_MIN || minutes > TenantProfiles.LATE_STEP_MINUTES_MAX) {
            throw new RuleViolationException("lateStepMinutes", "Enter how many minutes late a cutover step may run before its owner "
                    + "is notified: a whole number from " + TenantProfiles.LATE_STEP_MINUTES_MIN + " to "
                    + TenantProfiles.LATE_STEP_MINUTES_MAX + " (a day).");
        }
        return minutes;
    }

    private static int validRedOverduePercent(int percent) {
        if (percent < TenantProfiles.HEALTH_RED_OVERDUE_PERCENT_MIN || percent > TenantProfiles.HEALTH_RED_OVERDUE_PERCENT_MAX) {
            throw new RuleViolationException("healthRedOverduePercent", "Enter the share of due items that may be overdue before a "
                    + "project turns red: a whole percentage from " + TenantProfiles.HEALTH_RED_OVERDUE_PERCENT_MIN + " (any overdue "
                    + "item turns it red) to " + TenantProfiles.HEALTH_RED_OVERDUE_PERCENT_MAX + " (overdue items alone never do).");
        }
        return percent;
    }

    private static int validGoLiveDays(int days) {
        if (days < TenantProfiles.HEALTH_GO_LIVE_DAYS_MIN || days > TenantProfiles.HEALTH_GO_LIVE_DAYS_MAX) {
            throw new RuleViolationException("healthGoLiveDays", "Enter how many days before its go-live a project with no cutover "
                    + "runbook applied turns amber: a whole number from " + TenantProfiles.HEALTH_GO_LIVE_DAYS_MIN + " to "
                    + TenantProfiles.HEALTH_GO_LIVE_DAYS_MAX + " (a year).");
        }
        return days;
    }

    private static ZoneId validZone(@Nullable String input) {
        String id = input == null ? "" : input.strip();
        if (!ZONE_SET.contains(id)) {
            throw new RuleViolationException("timeZone", id.isEmpty()
                    ? "Choose the organisation's time zone, e.g. Europe/London."
                    : "“" + id + "” is not a time zone Cadence knows. Choose one from the list, e.g. Europe/London.");
        }
        return ZoneId.of(id);
    }

    private void forgetSettingsAfterCommit(Long tenantId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tenantSettings.forget(tenantId);
                }
            });
        }
    }

    private static AuditTrail.Subject subject(Long tenantId, String name) {
        return new AuditTrail.Subject(SUBJECT_TYPE, tenantId, null, name);
    }

    private static LogoInfo info(TenantLogo l) {
        return new LogoInfo(l.getContentType(), l.getWidth(), l.getHeight(), l.getByteCount(), l.getUpdatedAt(), l.getUpdatedBy(),
                l.getVersion());
    }

    private static String describe(LogoInfo logo) {
        String format = LogoFormat.ofContentType(logo.contentType()).map(LogoFormat::label).orElse(logo.contentType());
        return format + " " + logo.width() + "×" + logo.height() + ", " + kilobytes(logo.byteCount());
    }

    private static String colourLabel(@Nullable String colour) {
        return colour == null ? "Cadence default" : colour;
    }

    static String kilobytes(int bytes) {
        return (bytes + 1023) / 1024 + " KB";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
