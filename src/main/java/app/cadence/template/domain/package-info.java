@NullMarked
package app.cadence.template.domain;

import org.jspecify.annotations.NullMarked;
