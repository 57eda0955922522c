package app.cadence.operator.service;

import app.cadence.tenancy.service.PlatformOperators;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Where the first operator comes from: at start-up the accounts named in {@code cadence.operators}
 * (env {@code CADENCE_OPERATORS}, comma-separated emails) become operators. Only ever grants:
 * an address taken off the list keeps the flag, so that a typo in a redeploy cannot lock every
 * operator out (docs/security.md says how to revoke it).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class OperatorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final PlatformOperators operators;
    private final List<String> emails;

    OperatorBootstrap(PlatformOperators operators, @Value("${cadence.operators:}") String emails) {
        this.operators = operators;
        this.emails = Arrays.stream(emails.split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String email : emails) {
            if (operators.grant(email)) {
                log.info("{} is a platform operator (cadence.operators).", email);
            } else {
                log.warn("cadence.operators names {}, but no account uses that email: create the account, then restart.", email);
            }
        }
    }
}
