package app.cadence.retro.ui;

import app.cadence.retro.service.RetroScreen;

/** One phase's part of the board: drawn again from each fresh read, keeping whatever is being typed. */
interface BoardPanel {

    void show(RetroScreen screen);
}
