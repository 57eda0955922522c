package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.security.service.PasswordPolicy;
import app.cadence.shared.domain.RuleViolationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();
    private static final String EMAIL = "ada.lovelace@example.com";
    private static final String NAME = "Ada Lovelace";

    @Test
    void aLongUncommonPasswordPasses() {
        assertThatCode(() -> POLICY.check("violet kettle orbit 7", EMAIL, NAME)).doesNotThrowAnyException();
        // Exactly the minimum, counted in characters, not bytes.
        assertThatCode(() -> POLICY.check("äöüßéèàçñøåæ", EMAIL, NAME)).doesNotThrowAnyException();
    }

    @Test
    void elevenCharactersAreTooFew() {
        assertRefused("tram-ferry7", "at least 12 characters");
        assertRefused("", "at least 12 characters");
        assertRefused(null, "at least 12 characters");
    }

    @Test
    void moreThan72BytesAreRefusedBecauseBcryptWouldIgnoreTheRest() {
        String ascii72 = "violet kettle orbit ".repeat(4).substring(0, 72);
        assertThatCode(() -> POLICY.check(ascii72, EMAIL, NAME)).doesNotThrowAnyException();
        assertRefused(ascii72 + "x", "at most 72");
        // 40 characters, but 80 bytes: each of these letters takes two.
        String accented = "é".repeat(40);
        assertThat(accented.getBytes(StandardCharsets.UTF_8)).hasSize(80);
        assertRefused(accented, "count as two to four each");
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwertyuiop123", "123456789012", "password1234", "Password2024!", "IloveyouIloveyou",
            "December2025", "1qaz2wsx3edc", "passwordpassword", "letmein12345", "QWERTYUIOP123"})
    void commonPasswordsAreRefusedWhateverTheirCase(String common) {
        assertRefused(common, "most commonly used");
    }

    @Test
    void theShippedListHasTheTopPasswordsAndHundredsOfLongVariants() {
        assertThat(POLICY.isCommon("123456")).isTrue();
        assertThat(POLICY.isCommon("violet kettle orbit 7")).isFalse();
        // Comment lines are not passwords.
        assertThat(POLICY.isCommon("# Passwords refused by PasswordPolicy, compared case-insensitively.")).isFalse();
    }

    @Test
    void theEmailsLocalPartMayNotBeInThePassword() {
        assertRefused("my Ada.Lovelace secret", "email address");
        // A very short local part is too common a syllable to refuse.
        assertThatCode(() -> POLICY.check("violet kettle orbit 7", "vi@example.com", NAME)).doesNotThrowAnyException();
    }

    @Test
    void theDisplayNameMayNotBeThePassword() {
        assertRefused("Ada  Lovelace Byron", "countess@example.com", "Ada Lovelace Byron", "your name");
        assertRefused("adalovelacebyron", "countess@example.com", "Ada Lovelace Byron", "your name");
        // Containing the name is allowed: it is only the whole password being the name that is refused.
        assertThatCode(() -> POLICY.check("Ada Lovelace Byron rode 40 km", "countess@example.com", "Ada Lovelace Byron"))
                .doesNotThrowAnyException();
    }

    private static void assertRefused(String password, String messagePart) {
        assertRefused(password, EMAIL, NAME, messagePart);
    }

    private static void assertRefused(String password, String email, String name, String messagePart) {
        assertThatThrownBy(() -> POLICY.check(password, email, name))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }
}
