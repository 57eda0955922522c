@NullMarked
package app.cadence.mail.domain;

import org.jspecify.annotations.NullMarked;
