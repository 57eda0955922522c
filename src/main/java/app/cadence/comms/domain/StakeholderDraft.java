package app.cadence.comms.domain;

import app.cadence.shared.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * What a stakeholder record says, as typed in the dialog or read from a CSV row: trimmed, blanks
 * as null. {@link #problems()} names every field that is wrong, so that the dialog marks the
 * field and the import reports the row and column.
 */
@NamedInterface("api")
public record StakeholderDraft(String name, @Nullable String email, @Nullable String organisation, @Nullable String role,
                               @Nullable StakeholderLevel influence, @Nullable StakeholderLevel interest,
                               @Nullable StakeholderChannel channel, @Nullable String notes) {

    public static final int NAME_MAX = 200;
    public static final int ORGANISATION_MAX = 200;
    public static final int ROLE_MAX = 200;
    public static final int NOTES_MAX = 2000;

    /** The fields, as {@link Problem#field()} names them. */
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String ORGANISATION = "organisation";
    public static final String ROLE = "role";
    public static final String INFLUENCE = "influence";
    public static final String INTEREST = "interest";
    public static final String CHANNEL = "channel";
    public static final String NOTES = "notes";

    /** One thing wrong with one field. */
    public record Problem(String field, String message) {
    }

    public StakeholderDraft {
        name = name == null ? "" : name.strip();
        email = blankToNull(email);
        organisation = blankToNull(organisation);
        role = blankToNull(role);
        notes = blankToNull(notes);
    }

    /** A draft with only a name, medium influence and interest, by email: the dialog's starting point. */
    public static StakeholderDraft named(String name) {
        return new StakeholderDraft(name, null, null, null, StakeholderLevel.MEDIUM, StakeholderLevel.MEDIUM, StakeholderChannel.EMAIL, null);
    }

    /** The address in lower case: one address is one stakeholder per project. */
    public @Nullable String emailKey() {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    /** Every field that is wrong, in the order of the form; empty when the draft may be saved. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(new Problem(NAME, "Enter the stakeholder's name."));
        } else if (name.length() > NAME_MAX) {
            problems.add(new Problem(NAME, "The name is " + name.length() + " characters long; at most " + NAME_MAX + " fit."));
        }
        if (email != null && !EmailAddress.isValid(email)) {
            problems.add(new Problem(EMAIL, "“" + shorten(email) + "” is not an email address. Enter one like jane.roe@example.com, or leave it empty."));
        }
        if (organisation != null && organisation.length() > ORGANISATION_MAX) {
            problems.add(new Problem(ORGANISATION, "The organisation is " + organisation.length() + " characters long; at most " + ORGANISATION_MAX + " fit."));
        }
        if (role != null && role.length() > ROLE_MAX) {
            problems.add(new Problem(ROLE, "The role is " + role.length() + " characters long; at most " + ROLE_MAX + " fit."));
        }
        if (influence == null) {
            problems.add(new Problem(INFLUENCE, "Choose the influence: low, medium or high."));
        }
        if (interest == null) {
            problems.add(new Problem(INTEREST, "Choose the interest: low, medium or high."));
        }
        if (channel == null) {
            problems.add(new Problem(CHANNEL, "Choose the preferred channel."));
        }
        if (notes != null && notes.length() > NOTES_MAX) {
            problems.add(new Problem(NOTES, "The notes are " + notes.length() + " characters long; at most " + NOTES_MAX + " fit."));
        }
        return problems;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }
}
