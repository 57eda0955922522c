@NullMarked
package app.cadence.project.domain;

import org.jspecify.annotations.NullMarked;
