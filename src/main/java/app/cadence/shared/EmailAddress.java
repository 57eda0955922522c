package app.cadence.shared;

import java.util.regex.Pattern;

/** The email addresses people type: checked before anything is stored or sent to them. */
public final class EmailAddress {

    public static final int MAX = 254;

    /** One address, local part and a dotted domain; no spaces, no display name, no comments. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddress() {
    }

    public static boolean isValid(String value) {
        String s = value.strip();
        return s.length() <= MAX && ADDRESS.matcher(s).matches() && !s.startsWith(".") && !s.contains("..");
    }
}
