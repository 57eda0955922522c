package app.cadence.admin.service;

import app.cadence.shared.SecretTokens;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The code an invitation email carries besides its link, which proves control of the address
 * when a new account is created. 16 characters of Crockford's base32 (80 random bits), in groups
 * of four: short enough to type, far too many to guess, and too many to recover from its stored
 * SHA-256 by brute force. Typing is forgiving: case, spaces and dashes do not count.
 */
final class InvitationCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationCode() {
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The hash of a code as typed: case, spaces and dashes ignored, and the letters base32 confuses (O, I, L) read as digits. */
    static String hash(String typed) {
        String normalised = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        return SecretTokens.hash(normalised);
    }
}
