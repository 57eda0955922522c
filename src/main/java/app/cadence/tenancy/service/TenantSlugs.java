package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.TenantRepository;
import java.text.Normalizer;
import java.util.Locale;

/** A tenant's slug from its name, for every way a tenant is created (sign-up, operators). */
final class TenantSlugs {

    private static final int SLUG_MAX = 60;

    private TenantSlugs() {
    }

    /** Lower-case ASCII words joined by hyphens, numbered when taken: "Initech", "initech-2". */
    static String unique(String name, TenantRepository tenants) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "org";
        }
        base = trimSlug(base, SLUG_MAX - 4);
        String slug = base;
        for (int n = 2; tenants.existsBySlug(slug); n++) {
            slug = trimSlug(base, SLUG_MAX - 1 - String.valueOf(n).length()) + "-" + n;
        }
        return slug;
    }

    private static String trimSlug(String slug, int max) {
        String cut = slug.length() <= max ? slug : slug.substring(0, max);
        return cut.replaceAll("-+$", "");
    }
}
