@NullMarked
package app.cadence.portfolio.service;

import org.jspecify.annotations.NullMarked;
