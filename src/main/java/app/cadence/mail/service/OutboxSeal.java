package app.cadence.mail.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts what the outbox must not keep in clear (an email's text and link, which carry
 * single-use tokens) with AES-256-GCM under a key that lives outside the database: a copy of the
 * database alone opens no link. The key is {@code cadence.mail.secret-key} (base64 of 32 bytes;
 * every node of a cluster needs the same one), or else a key file, created on first start for the
 * embedded default (see docs/security.md#secrets-at-rest-and-retention).
 *
 * <p>Each sealed value is bound to its message's kind and recipient (GCM's associated data): a
 * person who can write to the database cannot move someone's sealed reset link into a message
 * addressed to themselves, since it would no longer open.
 */
@Component
public class OutboxSeal {

    private static final Logger log = LoggerFactory.getLogger(OutboxSeal.class);
    private static final String FORMAT = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed value that does not open: another key, or tampered with. */
    public static class SealBrokenException extends RuntimeException {
        SealBrokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final SecretKey key;

    OutboxSeal(OutboxProperties properties) {
        this.key = new SecretKeySpec(keyBytes(properties), "AES");
    }

    /** The sealed form of {@code plain}, opened only with the same key and {@code context}. */
    public String seal(String plain, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] encrypted = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + encrypted.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(encrypted, 0, out, IV_BYTES, encrypted.length);
            return FORMAT + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has AES-GCM", e);
        }
    }

    /** The plain text of a value sealed with {@code context}; throws when it does not open. */
    public String open(String sealed, String context) {
        try {
            if (!sealed.startsWith(FORMAT)) {
                throw new GeneralSecurityException("not a sealed value");
            }
            byte[] in = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
            if (in.length < IV_BYTES + TAG_BITS / 8) {
                throw new GeneralSecurityException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealBrokenException("The email's text cannot be decrypted: it was sealed with another key "
                    + "(was cadence.mail.secret-key changed, or does another node use a different one?) or altered in the database", e);
        }
    }

    private static byte[] keyBytes(OutboxProperties properties) {
        String configured = properties.secretKey();
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), "cadence.mail.secret-key");
        }
        if (properties.requireSecretKey()) {
            throw new IllegalStateException("Set CADENCE_MAIL_SECRET_KEY (cadence.mail.secret-key) to the base64 of 32 random bytes, "
                    + "e.g. the output of 'openssl rand -base64 32', the same on every node: the production profile does not make "
                    + "a key file of its own, because each node would then seal the outbox with a different key.");
        }
        Path file = properties.secretKeyFile();
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("The outbox key file " + file + " cannot be read or created; set cadence.mail.secret-key "
                    + "(CADENCE_MAIL_SECRET_KEY) instead", e);
        }
    }

    /** A new random key, readable by the app's user only where the file system knows owners. */
    private static void create(Path file) throws IOException {
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
            log.info("Created the outbox key file {}: keep it with the database's backups, out of the database itself", file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            // Another process created it meanwhile: use theirs.
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = base64.contains("-") || base64.contains("_") ? Base64.getUrlDecoder().decode(base64) : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " must be the base64 of " + KEY_BYTES + " random bytes, e.g. the output of "
                    + "'openssl rand -base64 32'", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must be the base64 of " + KEY_BYTES + " random bytes (it has " + bytes.length
                    + "), e.g. the output of 'openssl rand -base64 32'");
        }
        return bytes;
    }
}
