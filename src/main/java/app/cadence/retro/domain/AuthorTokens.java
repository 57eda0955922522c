package app.cadence.retro.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque tokens for the people of one session. A card, vote or rating stores the HMAC of its
 * author under the session's secret and the purpose, so a member can be recognised as the author
 * of their own card (compute the token, compare) while no row names them. The purpose keeps a
 * member's card token apart from their vote and rating tokens: knowing who voted for what tells
 * nothing about who wrote what.
 */
public final class AuthorTokens {

    public enum Purpose { CARD, VOTE, RATING }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AuthorTokens() {
    }

    /** A new session's secret: 32 random bytes, Base64. */
    public static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    public static String token(String secret, Purpose purpose, Long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((purpose.name() + ":" + userId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
