@NullMarked
package app.cadence.audit.domain;

import org.jspecify.annotations.NullMarked;
