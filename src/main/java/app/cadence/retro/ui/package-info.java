/** The retrospective's screens: the live session board, the instance page's link to it, My work's actions, the project page's trend. */
@NullMarked
package app.cadence.retro.ui;

import org.jspecify.annotations.NullMarked;
