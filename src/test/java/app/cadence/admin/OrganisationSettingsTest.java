package app.cadence.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.admin.service.OrganisationSettings;
import app.cadence.admin.service.OrganisationSettings.Branding;
import app.cadence.admin.service.OrganisationSettings.Logo;
import app.cadence.admin.service.OrganisationSettings.LogoInfo;
import app.cadence.admin.service.OrganisationSettings.Settings;
import app.cadence.admin.service.OrganisationSettings.SettingsChange;
import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSettings;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class OrganisationSettingsTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired OrganisationSettings settings;
    @Autowired TenantSettings tenantSettings;
    @Autowired SecurityLog securityLog;

    Tenant tenant;
    Member admin;

    @BeforeEach
    void anOrganisationWithItsAdmin() {
        tenant = fixtures.tenant("Settings");
        admin = fixtures.member(tenant, Role.ADMIN);
    }

    @Test
    void savesNameZoneAndColourAndLogsEachChangeBeforeAndAfter() {
        Settings loaded = as(admin, settings::load);
        assertThat(loaded.name()).isEqualTo(tenant.name());
        assertThat(loaded.timeZone()).isEqualTo("UTC");
        assertThat(loaded.accentColour()).isEmpty();
        assertThat(loaded.logo()).isNull();

        Settings saved = as(admin, () -> settings.save(new SettingsChange("  Initech Ltd  ", "Europe/Paris", " #1565C0 ", loaded.version())));

        assertThat(saved.name()).isEqualTo("Initech Ltd");
        assertThat(saved.timeZone()).isEqualTo("Europe/Paris");
        assertThat(saved.accentColour()).isEqualTo("#1565c0");
        assertThat(saved.version()).isGreaterThan(loaded.version());
        Branding branding = as(admin, settings::branding);
        assertThat(branding.name()).isEqualTo("Initech Ltd");
        assertThat(branding.accent()).isNotNull();
        assertThat(branding.accent().hex()).isEqualTo("#1565c0");

        List<SecurityLog.Entry> log = as(admin, () -> securityLog.tenantLog(0, 10));
        assertThat(log).hasSize(1);
        assertThat(log.getFirst().type()).isEqualTo(SecurityEventType.SETTINGS_CHANGED);
        assertThat(log.getFirst().actor()).isEqualTo(admin.email());
        assertThat(log.getFirst().detail()).isEqualTo("Name “" + tenant.name() + "” → “Initech Ltd”; time zone UTC → Europe/Paris; "
                + "accent colour Cadence default → #1565c0");
    }

    @Test
    void savingWithoutChangesLogsNothing() {
        Settings loaded = as(admin, settings::load);
        as(admin, () -> settings.save(new SettingsChange(loaded.name(), loaded.timeZone(), "", loaded.version())));
        assertThat(as(admin, () -> securityLog.tenantLog(0, 10))).isEmpty();
    }

    @Test
    void aNewZoneIsUsedForDueDatesAtOnce() {
        Member pm = fixtures.member(tenant, Role.PM);
        // Read first, so that the zone is cached when it changes.
        assertThat(as(pm, tenantSettings::zone)).isEqualTo(ZoneId.of("UTC"));
        Settings loaded = as(admin, settings::load);

        as(admin, () -> settings.save(new SettingsChange(loaded.name(), "Asia/Tokyo", "", loaded.version())));

        assertThat(as(pm, tenantSettings::zone)).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Line\nbreak", "Tab\there"})
    void refusesAMissingOrControlCharacterName(String name) {
        assertRefused(new SettingsChange(name, "UTC", "", version()), "name");
    }

    @Test
    void refusesANameLongerThanTheColumn() {
        assertRefused(new SettingsChange("x".repeat(121), "UTC", "", version()), "name");
        Settings saved = as(admin, () -> settings.save(new SettingsChange("x".repeat(120), "UTC", "", version())));
        assertThat(saved.name()).hasSize(120);
    }

    @Test
    void theLateStepThresholdIsFifteenMinutesUntilTheAdminChangesIt() {
        Member pm = fixtures.member(tenant, Role.PM);
        Settings loaded = as(admin, settings::load);
        assertThat(loaded.lateStepMinutes()).isEqualTo(15);
        assertThat(as(pm, tenantSettings::lateStepThreshold)).isEqualTo(java.time.Duration.ofMinutes(15));

        Settings saved = as(admin, () -> settings.save(new SettingsChange(loaded.name(), loaded.timeZone(), "", 30, loaded.version())));
        assertThat(saved.lateStepMinutes()).isEqualTo(30);
        assertThat(as(pm, tenantSettings::lateStepThreshold)).isEqualTo(java.time.Duration.ofMinutes(30));
        // A change without the field keeps it.
        Settings renamed = as(admin, () -> settings.save(new SettingsChange("Renamed", "UTC", "", saved.version())));
        assertThat(renamed.lateStepMinutes()).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 1441})
    void refusesALateStepThresholdOutsideOneMinuteToADay(int minutes) {
        assertRefused(new SettingsChange(tenant.name(), "UTC", "", minutes, version()), "lateStepMinutes");
    }

    @Test
    void theHealthThresholdsAreTenPercentAndFourteenDaysUntilTheAdminChangesThem() {
        Member pm = fixtures.member(tenant, Role.PM);
        Settings loaded = as(admin, settings::load);
        assertThat(loaded.healthRedOverduePercent()).isEqualTo(10);
        assertThat(loaded.healthGoLiveDays()).isEqualTo(14);
        // Read (and cached) by a member before the change: the change must still show at once on this node.
        assertThat(as(pm, tenantSettings::healthThresholds)).isEqualTo(new TenantSettings.HealthThresholds(10, 14));

        Settings saved = as(admin, () -> settings.save(new SettingsChange(loaded.name(), loaded.timeZone(), "", null, 25, 30,
                loaded.version())));
        assertThat(saved.healthRedOverduePercent()).isEqualTo(25);
        assertThat(saved.healthGoLiveDays()).isEqualTo(30);
        assertThat(saved.lateStepMinutes()).as("untouched").isEqualTo(15);
        assertThat(as(pm, tenantSettings::healthThresholds)).isEqualTo(new TenantSettings.HealthThresholds(25, 30));
        assertThat(as(admin, () -> securityLog.tenantLog(0, 10))).first().satisfies(e -> assertThat(e.detail()).isEqualTo(
                "Red health when more than 10% → 25% of due items are overdue; "
                        + "amber health when going live without a runbook within 14 → 30 days"));

        // A change without the fields keeps them; another organisation keeps the defaults.
        Settings renamed = as(admin, () -> settings.save(new SettingsChange("Renamed", "UTC", "", saved.version())));
        assertThat(renamed.healthRedOverduePercent()).isEqualTo(25);
        assertThat(renamed.healthGoLiveDays()).isEqualTo(30);
        Member elsewhere = fixtures.member(fixtures.tenant("Elsewhere"), Role.PM);
        assertThat(as(elsewhere, tenantSettings::healthThresholds)).isEqualTo(TenantSettings.DEFAULT_HEALTH_THRESHOLDS);
    }

    @Test
    void theHealthThresholdsMayGoToTheirBounds() {
        Settings loaded = as(admin, settings::load);
        Settings saved = as(admin, () -> settings.save(new SettingsChange(loaded.name(), "UTC", "", null, 0, 365, loaded.version())));
        assertThat(saved.healthRedOverduePercent()).isZero();
        assertThat(saved.healthGoLiveDays()).isEqualTo(365);
        saved = as(admin, () -> settings.save(new SettingsChange(loaded.name(), "UTC", "", null, 100, 1, version())));
        assertThat(saved.healthRedOverduePercent()).isEqualTo(100);
        assertThat(saved.healthGoLiveDays()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, 1000})
    void refusesARedOverdueShareOutsideZeroToAHundredPercent(int percent) {
        assertRefused(new SettingsChange(tenant.name(), "UTC", "", null, percent, 14, version()), "healthRedOverduePercent");
        assertThat(as(admin, settings::load).healthRedOverduePercent()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3, 366})
    void refusesAGoLiveWindowOutsideOneDayToAYear(int days) {
        assertRefused(new SettingsChange(tenant.name(), "UTC", "", null, 10, days, version()), "healthGoLiveDays");
        assertThat(as(admin, settings::load).healthGoLiveDays()).isEqualTo(14);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Mars/Olympus_Mons", "+05:00", "europe/london"})
    void refusesAZoneNotInTheList(String zone) {
        assertRefused(new SettingsChange("Name", zone, "", version()), "timeZone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"red", "red;background:url(x)", "#1565c0;background:url(https://evil.example/x)", "#fff",
            "#12345g", "1565c0", "#1565c0 !important", "#1565c00", "var(--x)", "#15\n65c0"})
    void refusesAnythingButHashAndSixHexDigitsAsColour(String colour) {
        assertRefused(new SettingsChange("Name", "UTC", colour, version()), "accentColour");
        assertThat(as(admin, settings::branding).accent()).isNull();
    }

    @Test
    void anEmptyColourGoesBackToCadencesOwn() {
        Settings coloured = as(admin, () -> settings.save(new SettingsChange(tenant.name(), "UTC", "#aa0000", version())));
        Settings plain = as(admin, () -> settings.save(new SettingsChange(tenant.name(), "UTC", " ", coloured.version())));
        assertThat(plain.accentColour()).isEmpty();
        assertThat(as(admin, settings::branding).accent()).isNull();
    }

    @Test
    void aStaleFormIsRefusedAndChangesNothing() {
        long stale = version();
        as(admin, () -> settings.save(new SettingsChange("First save", "UTC", "", stale)));

        assertThatThrownBy(() -> as(admin, () -> settings.save(new SettingsChange("Second save", "UTC", "", stale))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(as(admin, settings::load).name()).isEqualTo("First save");
    }

    @Test
    void acceptsAPngAndAJpegWithTheirDetectedTypeAndSize() {
        LogoInfo png = as(admin, () -> settings.replaceLogo(LogoImages.png(120, 32)));
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.width()).isEqualTo(120);
        assertThat(png.height()).isEqualTo(32);
        assertThat(png.updatedBy()).isEqualTo(admin.email());
        Logo served = as(admin, () -> settings.logo()).orElseThrow();
        assertThat(served.contentType()).isEqualTo("image/png");
        assertThat(served.bytes()).isEqualTo(LogoImages.png(120, 32));

        byte[] jpeg = LogoImages.jpeg(64, 64);
        LogoInfo replaced = as(admin, () -> settings.replaceLogo(jpeg));
        assertThat(replaced.contentType()).isEqualTo("image/jpeg");
        assertThat(replaced.version()).isGreaterThan(png.version());
        assertThat(as(admin, () -> settings.logo()).orElseThrow().bytes()).isEqualTo(jpeg);

        List<SecurityLog.Entry> log = as(admin, () -> securityLog.tenantLog(0, 10));
        assertThat(log).extracting(SecurityLog.Entry::detail)
                .containsExactlyInAnyOrder("Logo none → PNG 120×32, " + kb(png.byteCount()),
                        "Logo PNG 120×32, " + kb(png.byteCount()) + " → JPEG 64×64, " + kb(replaced.byteCount()));
    }

    @Test
    void refusesSvgWithAMessageSayingWhy() {
        assertThatThrownBy(() -> as(admin, () -> settings.replaceLogo(LogoImages.svgWithScript())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("SVG").hasMessageContaining("scripts");
        assertThat(as(admin, () -> settings.logo())).isEmpty();
    }

    @Test
    void refusesATextFileWhateverItsName() {
        assertThatThrownBy(() -> as(admin, () -> settings.replaceLogo(LogoImages.textNamedPng())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("not a PNG, JPEG or WebP image");
        assertThat(as(admin, () -> settings.logo())).isEmpty();
    }

    @Test
    void refusesAFileThatStartsLikeAPngButDoesNotDecode() {
        assertThatThrownBy(() -> as(admin, () -> settings.replaceLogo(LogoImages.truncatedPng())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("could not be read");
        assertThat(as(admin, () -> settings.logo())).isEmpty();
    }

    @Test
    void refusesAnOversizedFileAndAnOversizedImage() {
        byte[] heavy = LogoImages.noisyPng(400);
        assertThat(heavy.length).isGreaterThan(OrganisationSettings.LOGO_MAX_BYTES);
        assertThatThrownBy(() -> as(admin, () -> settings.replaceLogo(heavy)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("at most 256 KB");
        // Small on disk, huge in memory once decoded: refused from its header.
        assertThatThrownBy(() -> as(admin, () -> settings.replaceLogo(LogoImages.png(3000, 10))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("3000 × 10 pixels");
        assertThat(as(admin, () -> settings.logo())).isEmpty();
    }

    @Test
    void removesTheLogoAndLogsIt() {
        as(admin, () -> settings.replaceLogo(LogoImages.png(10, 10)));
        as(admin, () -> {
            settings.removeLogo();
            return null;
        });
        assertThat(as(admin, () -> settings.logo())).isEmpty();
        assertThat(as(admin, settings::branding).logo()).isNull();
        assertThat(as(admin, () -> securityLog.tenantLog(0, 10))).extracting(SecurityLog.Entry::detail)
                .anyMatch(d -> d.startsWith("Logo PNG 10×10") && d.endsWith("→ none (removed)"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"PMO", "PM", "CONTRIBUTOR", "VIEWER"})
    void onlyTheAdminChangesSettingsButEveryMemberReadsTheBranding(Role role) {
        Member member = fixtures.member(tenant, role);
        as(admin, () -> settings.replaceLogo(LogoImages.png(10, 10)));

        assertThatThrownBy(() -> as(member, settings::load)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(member, () -> settings.save(new SettingsChange("Taken over", "UTC", "", version()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(member, () -> settings.replaceLogo(LogoImages.png(10, 10)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(member, () -> {
            settings.removeLogo();
            return null;
        })).isInstanceOf(AccessDeniedException.class);

        assertThat(as(member, settings::branding).name()).isEqualTo(tenant.name());
        assertThat(as(member, () -> settings.logo())).isPresent();
    }

    private void assertRefused(SettingsChange change, String field) {
        assertThatThrownBy(() -> as(admin, () -> settings.save(change)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo(field));
        Settings after = as(admin, settings::load);
        assertThat(after.name()).isEqualTo(tenant.name());
        assertThat(after.timeZone()).isEqualTo("UTC");
    }

    private long version() {
        return as(admin, settings::load).version();
    }

    private static String kb(int bytes) {
        return (bytes + 1023) / 1024 + " KB";
    }

    private <T> T as(Member member, Supplier<T> work) {
        return scope.call(member.userId(), member.tenantId(), work);
    }
}
