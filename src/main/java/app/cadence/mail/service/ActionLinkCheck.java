package app.cadence.mail.service;

import app.cadence.mail.domain.EmailKind;
import org.springframework.modulith.NamedInterface;

/**
 * Whether the link of an email still works (not used, withdrawn or expired), answered by the
 * feature that issued it: the outbox shows an ADMIN a link only while it can be used. An email
 * kind without a check shows no link at all.
 */
@NamedInterface("api")
public interface ActionLinkCheck {

    EmailKind kind();

    boolean isUsable(String link);
}
