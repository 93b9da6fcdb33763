/*
 * input_watch: the input thread. It finds the devices of an input
 * directory at start and as they come and go (inotify: IN_CREATE, IN_ATTRIB
 * when udev sets the permissions, IN_MOVED_TO, IN_DELETE), and poll()s the
 * inotify descriptor and every device; it wakes only when something
 * happens. Everything it reads leaves through the sink as input messages,
 * called from this thread.
 */
#ifndef CONCERTO_INPUT_WATCH_H
#define CONCERTO_INPUT_WATCH_H

#include "gesture.h"
#include "input_message.h"
#include "touch_map.h"

enum { INPUT_WATCH_MAX_DEVICES = 32 };

struct input_watch;

/* NULL when the thread cannot start; a missing directory is not an error
 * (the kiosk still runs on SDL's keyboard and mouse). Touch devices read
 * taps with `gestures` (gesture_default_thresholds for the kiosk). */
struct input_watch *input_watch_start(const char *dir, const struct touch_map *map,
                                      const struct gesture_thresholds *gestures,
                                      struct input_sink sink);
/* The screen size changed: touch points map onto the new size. */
void input_watch_set_screen(struct input_watch *watch, int width, int height);
/* Stops the thread, ungrabs and closes every device. NULL is fine. */
void input_watch_stop(struct input_watch *watch);

#endif
