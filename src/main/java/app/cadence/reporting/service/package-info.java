@NullMarked
package app.cadence.reporting.service;

import org.jspecify.annotations.NullMarked;
