@NullMarked
package app.cadence.tenancy.domain;

import org.jspecify.annotations.NullMarked;
