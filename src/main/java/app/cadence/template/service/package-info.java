@NullMarked
package app.cadence.template.service;

import org.jspecify.annotations.NullMarked;
