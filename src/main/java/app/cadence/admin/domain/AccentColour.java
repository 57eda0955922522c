package app.cadence.admin.domain;

import app.cadence.shared.domain.RuleViolationException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's accent colour, exactly {@code #rrggbb}. The value ends up in a CSS custom
 * property, so nothing but those seven characters may ever get through: a "colour" such as
 * {@code red;background:url(x)} would otherwise smuggle in more CSS.
 */
public record AccentColour(String hex) {

    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

    public AccentColour {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("Not a #rrggbb colour.");
        }
    }

    /**
     * What an ADMIN typed: blank means Cadence's own colour (empty result); anything else must be
     * a {@code #rrggbb} value, upper or lower case, with or without surrounding spaces.
     */
    public static Optional<AccentColour> parse(@Nullable String input) {
        String value = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!HEX.matcher(value).matches()) {
            throw new RuleViolationException("accentColour",
                    "Enter the accent colour as # followed by six hexadecimal digits, e.g. #1565c0, or leave it empty for Cadence's own colour.");
        }
        return Optional.of(new AccentColour(value));
    }

    /** A stored value, read defensively: one that is not {@code #rrggbb} is ignored rather than applied. */
    public static Optional<AccentColour> ofStored(@Nullable String stored) {
        return stored != null && HEX.matcher(stored).matches() ? Optional.of(new AccentColour(stored)) : Optional.empty();
    }
}
