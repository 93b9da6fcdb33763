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

/* What opening a situation may take on the main loop before systemd steps
 * in. At the format's limits (2,000 nodes, 10,000 links) the layout and the
 * first frame take about 9 s on an x86 core, so 30 to 45 s on a Raspberry
 * Pi: past the unit's WatchdogSec=10, systemd would kill the kiosk, which
 * would open the same key again after its restart, and so on. */
enum { WATCHDOG_LONG_TASK_SEC = 120 };

struct watchdog {
	Uint32 event_type; /* SDL user event the timer pushes; 0 when off */
	SDL_TimerID timer;
	uint32_t interval_ms;
	uint64_t usec; /* the unit's WatchdogSec=, restored after a long task */
	bool has_sent_ready;
	bool is_extended;
};

/* Starts the timer when systemd asked for a watchdog; true when it did. */
bool watchdog_start(struct watchdog *watchdog);
/* READY=1, once; call after the first frame was presented. */
void watchdog_ready(struct watchdog *watchdog);
/* true when `event` was the watchdog's own (and it was answered). */
bool watchdog_handle_event(struct watchdog *watchdog, const SDL_Event *event);
/* A long task starts on the main loop (a situation's layout, a diagram
 * frame): gives it WATCHDOG_LONG_TASK_SEC from now before systemd steps in
 * (WATCHDOG_USEC=, which also restarts systemd's timer). Does nothing
 * without a watchdog or when extended. */
void watchdog_extend(struct watchdog *watchdog);
/* The long task is over: the unit's period again, from now. Does nothing
 * unless extended. */
void watchdog_restore(struct watchdog *watchdog);
/* Removes the timer and tells systemd the kiosk is stopping. */
void watchdog_stop(struct watchdog *watchdog);

#endif
