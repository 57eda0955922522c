package app.cadence.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts the adaptive-hash work the application really does, per typed password: the throttling
 * tests prove how many guesses reached bcrypt, not merely how many were answered "wrong".
 * Wraps the application's {@link PasswordEncoder} and otherwise changes nothing.
 */
public final class PasswordChecks {

    private final Map<String, LongAdder> checks = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> encodings = new ConcurrentHashMap<>();

    /** How often this typed password was compared with a stored hash. */
    public long checksOf(String rawPassword) {
        LongAdder count = checks.get(rawPassword);
        return count == null ? 0 : count.sum();
    }

    /** How often this typed password was hashed to be stored. */
    public long encodingsOf(String rawPassword) {
        LongAdder count = encodings.get(rawPassword);
        return count == null ? 0 : count.sum();
    }

    private PasswordEncoder counting(PasswordEncoder encoder) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                encodings.computeIfAbsent(rawPassword.toString(), k -> new LongAdder()).increment();
                return encoder.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                checks.computeIfAbsent(rawPassword.toString(), k -> new LongAdder()).increment();
                return encoder.matches(rawPassword, encodedPassword);
            }

            @Override
            public boolean upgradeEncoding(String encodedPassword) {
                return encoder.upgradeEncoding(encodedPassword);
            }
        };
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static PasswordChecks passwordChecks() {
            return new PasswordChecks();
        }

        @Bean
        static BeanPostProcessor countingPasswordEncoder(org.springframework.beans.factory.ObjectProvider<PasswordChecks> checks) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof PasswordEncoder encoder ? checks.getObject().counting(encoder) : bean;
                }
            };
        }
    }
}
