@NullMarked
package app.cadence.demo;

import org.jspecify.annotations.NullMarked;
