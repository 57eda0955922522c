package app.cadence.mail.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's encryption: what it seals opens only with the same key and for the same message. */
class OutboxSealTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    static OutboxSeal seal(String key, Path file) {
        return new OutboxSeal(new OutboxProperties(null, null, null, null, 0, 0, null, key, file, false));
    }

    @Test
    void theProductionProfileRefusesToStartWithoutAConfiguredKeyAndMakesNoFile(@TempDir Path dir) {
        Path file = dir.resolve("mail-secret.key");
        assertThatThrownBy(() -> new OutboxSeal(new OutboxProperties(null, null, null, null, 0, 0, null, " ", file, true)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CADENCE_MAIL_SECRET_KEY");
        assertThat(file).doesNotExist();
        assertThat(new OutboxSeal(new OutboxProperties(null, null, null, null, 0, 0, null, KEY, file, true)).seal("x", "c")).startsWith("v1:");
    }

    @Test
    void aSealedTextOpensWithTheSameKeyAndContextOnly(@TempDir Path dir) {
        OutboxSeal seal = seal(KEY, dir.resolve("unused.key"));
        String link = "https://cadence.test/reset-password/s3cr3t-token";
        String sealed = seal.seal(link, "outbox|PASSWORD_RESET|ann@example.com");

        assertThat(sealed).startsWith("v1:").doesNotContain("s3cr3t");
        assertThat(seal.seal(link, "outbox|PASSWORD_RESET|ann@example.com")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(seal.open(sealed, "outbox|PASSWORD_RESET|ann@example.com")).isEqualTo(link);
        // Moved into a message to someone else (a database writer's trick), it does not open.
        assertThatThrownBy(() -> seal.open(sealed, "outbox|PASSWORD_RESET|mallory@example.com"))
                .isInstanceOf(OutboxSeal.SealBrokenException.class);
        assertThatThrownBy(() -> seal(OTHER_KEY, dir.resolve("unused.key")).open(sealed, "outbox|PASSWORD_RESET|ann@example.com"))
                .isInstanceOf(OutboxSeal.SealBrokenException.class).hasMessageContaining("another key");
        assertThatThrownBy(() -> seal.open("https://cadence.test/reset-password/in-clear", "outbox|PASSWORD_RESET|ann@example.com"))
                .isInstanceOf(OutboxSeal.SealBrokenException.class);
    }

    @Test
    void withoutAConfiguredKeyOneIsCreatedInAFileOnlyTheAppReadsAndReusedAfterARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("mail-secret.key");
        String sealed = seal(null, file).seal("hello", "c");

        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(seal("", file).open(sealed, "c")).as("the same key after a restart").isEqualTo("hello");
    }

    @Test
    void aKeyOfTheWrongSizeStopsStartUpWithAClearMessage(@TempDir Path dir) {
        assertThatThrownBy(() -> seal(Base64.getEncoder().encodeToString(new byte[16]), dir.resolve("k")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cadence.mail.secret-key must be the base64 of 32 random bytes");
        assertThatThrownBy(() -> seal("not base64 at all!", dir.resolve("k")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("openssl rand -base64 32");
    }
}
