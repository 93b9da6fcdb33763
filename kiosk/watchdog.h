/*
 * watchdog: tells systemd the kiosk is alive, so a hung main loop is
 * restarted (the unit's WatchdogSec=), and that it is ready (Type=notify)
 * once the first frame is on screen.
 *
 * The ping must prove the *main loop* runs, not just the process: an SDL
 * timer (its own thread) only pushes an event every WATCHDOG_USEC / 2; the
 * main loop answers that event with sd_notify("WATCHDOG=1"). A stuck loop
 * leaves the events queued and systemd restarts the service. Without
 * WATCHDOG_USEC (not under systemd, or no WatchdogSec=) there is no timer at
 * all, so an idle kiosk keeps sleeping. Built without libsystemd
 * (CONCERTO_HAS_SYSTEMD undefined) every call is a no-op.
 */
#ifndef CONCERTO_WATCHDOG_H
#define CONCERTO_WATCHDOG_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

struct watchdog {
	Uint32 event_type; /* SDL user event the timer pushes; 0 when off */
	SDL_TimerID timer;
	uint32_t interval_ms;
	bool has_sent_ready;
};

/* Starts the timer when systemd asked for a watchdog; true when it did. */
bool watchdog_start(struct watchdog *watchdog);
/* READY=1, once; call after the first frame was presented. */
void watchdog_ready(struct watchdog *watchdog);
/* true when `event` was the watchdog's own (and it was answered). */
bool watchdog_handle_event(struct watchdog *watchdog, const SDL_Event *event);
/* Removes the timer and tells systemd the kiosk is stopping. */
void watchdog_stop(struct watchdog *watchdog);

#endif
