@NullMarked
package app.cadence.operator.service;

import org.jspecify.annotations.NullMarked;
