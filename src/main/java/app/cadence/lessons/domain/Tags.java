package app.cadence.lessons.domain;

import app.cadence.shared.domain.RuleViolationException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * Free tags, normalised so that "Data Migration", "#data-migration" and "data_migration" are one
 * tag: lower case, accents dropped, anything but letters and digits turned into single hyphens.
 * Stored as ",a,b," so that one LIKE '%,tag,%' finds a tag.
 */
@NamedInterface("api")
public final class Tags {

    public static final int MAX_TAGS = 10;
    public static final int TAG_MAX = 40;

    private Tags() {
    }

    /** One tag normalised; empty when nothing is left of it. */
    public static String normalise(String tag) {
        String plain = Normalizer.normalize(tag == null ? "" : tag, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Tags as typed (a list, or one text separated by commas), normalised, without repeats, in their order. */
    public static List<String> of(Collection<String> typed) {
        Set<String> tags = new LinkedHashSet<>();
        for (String entry : typed) {
            for (String part : (entry == null ? "" : entry).split(",")) {
                String tag = normalise(part);
                if (tag.isEmpty()) {
                    continue;
                }
                if (tag.length() > TAG_MAX) {
                    throw new RuleViolationException("tags", "The tag “" + tag.substring(0, 20) + "…” is too long: a tag can be at most "
                            + TAG_MAX + " characters.");
                }
                tags.add(tag);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new RuleViolationException("tags", "A lesson can have at most " + MAX_TAGS + " tags; it has " + tags.size() + ".");
        }
        return List.copyOf(tags);
    }

    public static List<String> parse(String typed) {
        return of(List.of(typed == null ? "" : typed));
    }

    /** The stored form: ",a,b," (",," for none). */
    public static String stored(List<String> tags) {
        return "," + String.join(",", tags) + ",";
    }

    public static List<String> fromStored(String stored) {
        return Arrays.stream(stored.split(",")).filter(t -> !t.isEmpty()).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** The LIKE pattern that finds one tag in the stored form (tags hold no LIKE wildcards: '_' and '%' are normalised away). */
    public static String pattern(String tag) {
        return "%," + normalise(tag) + ",%";
    }
}
