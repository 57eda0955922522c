/**
 * Small cross-cutting pieces that at least three modules use: the base entities, the exceptions
 * that carry a message for the user, secret tokens, upload limits and a few UI helpers. An open
 * module: every module may use all of it, and it uses none of them.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package app.cadence.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
