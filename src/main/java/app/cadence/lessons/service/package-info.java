@NullMarked
package app.cadence.lessons.service;

import org.jspecify.annotations.NullMarked;
