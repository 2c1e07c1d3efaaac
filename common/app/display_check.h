// Whether a graphical display is there before a window is opened: SFML aborts the program
// (exit 134, an English line) when it cannot reach an X server, and a service restarting it
// would loop on that. The window modes of the three programs check first and say in French
// what is missing.
#pragma once

#include "util/result.h"

namespace pcn::app {

/// Success when $DISPLAY names a display this machine can reach: a local one (":0", ":0.0",
/// "unix:0") must have its socket /tmp/.X11-unix/X<n>; another host's is taken on trust.
/// "no_display" (French, naming $DISPLAY and what to do) otherwise.
util::Status require_display();

}  // namespace pcn::app
