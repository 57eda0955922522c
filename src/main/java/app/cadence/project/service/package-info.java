@NullMarked
package app.cadence.project.service;

import org.jspecify.annotations.NullMarked;
