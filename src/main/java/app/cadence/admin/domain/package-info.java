@NullMarked
package app.cadence.admin.domain;

import org.jspecify.annotations.NullMarked;
