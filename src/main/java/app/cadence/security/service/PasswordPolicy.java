package app.cadence.security.service;

import app.cadence.shared.domain.RuleViolationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.modulith.NamedInterface;

/**
 * What a new password must be, wherever one is chosen (account page, password reset, sign-up,
 * invitation). Long rather than complicated: length is what slows an attacker down, and
 * composition rules only push people towards "Password1!". The list of common passwords stops
 * the ones attackers try first, which pass any length rule ("qwertyuiop123").
 */
@NamedInterface("api")
@Component
public class PasswordPolicy {

    public static final int MIN_CHARACTERS = 12;

    /** bcrypt reads only the first 72 bytes: anything after them would silently not count. */
    public static final int MAX_BYTES = 72;

    static final String COMMON_PASSWORDS = "security/common-passwords.txt";

    /** The shortest email local part worth refusing inside a password; shorter ones are too common as plain syllables. */
    private static final int MIN_LOCAL_PART = 3;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /**
     * Throws {@code RuleViolationException("password", …)} with a message for the person
     * choosing the password when it breaks a rule.
     */
    public void check(@Nullable String password, @Nullable String email, @Nullable String displayName) {
        if (password == null || password.isEmpty()) {
            throw violation("Enter a password of at least " + MIN_CHARACTERS + " characters.");
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            throw violation("Use at least " + MIN_CHARACTERS + " characters. A few unrelated words make a password "
                    + "that is long and still easy to remember.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw violation("Use at most " + MAX_BYTES + " letters, digits and punctuation marks. Accented letters, "
                    + "other scripts and emoji count as two to four each, so shorten the password a little.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw violation("This is one of the most commonly used passwords, so it is among the first an attacker "
                    + "tries. Choose one that is yours alone.");
        }
        String localPart = localPart(email);
        if (localPart.length() >= MIN_LOCAL_PART && lower.contains(localPart)) {
            throw violation("Don't use your email address in your password: it is the first thing an attacker tries.");
        }
        if (displayName != null && !displayName.isBlank()
                && squeeze(lower).equals(squeeze(displayName.toLowerCase(Locale.ROOT)))) {
            throw violation("Don't use your name as your password: everyone who knows you can guess it.");
        }
    }

    /** Whether the password is on the shipped list (case-insensitive). */
    public boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static String localPart(@Nullable String email) {
        if (email == null) {
            return "";
        }
        int at = email.indexOf('@');
        return (at < 0 ? email : email.substring(0, at)).strip().toLowerCase(Locale.ROOT);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static RuleViolationException violation(String message) {
        return new RuleViolationException("password", message);
    }

    private static Set<String> load() {
        InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
        if (in == null) {
            // Shipped with the app: without it the policy would silently accept the worst passwords.
            throw new IllegalStateException("Missing classpath resource " + COMMON_PASSWORDS);
        }
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
