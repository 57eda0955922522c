@NullMarked
package app.cadence.signup.service;

import org.jspecify.annotations.NullMarked;
