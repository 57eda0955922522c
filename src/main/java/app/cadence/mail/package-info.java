/**
 * Email: a persistent outbox that other features fill inside their own transactions, and a
 * dispatcher that sends it through SMTP when one is configured (see docs/email.md).
 */
@NullMarked
package app.cadence.mail;

import org.jspecify.annotations.NullMarked;
