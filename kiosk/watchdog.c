/*
 * watchdog: systemd readiness and watchdog notifications; see watchdog.h.
 */
#include "watchdog.h"

#ifdef CONCERTO_HAS_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

/* Shorter than this would wake an idle kiosk too often; systemd's own
 * minimum WatchdogSec= is far above it anyway. */
enum { WATCHDOG_MIN_INTERVAL_MS = 500 };

#ifdef CONCERTO_HAS_SYSTEMD
/* Runs on SDL's timer thread: only hands a token to the main loop. The
 * event type travels in `data`, so this thread shares no memory with it. */
static Uint32 watchdog_tick(Uint32 interval, void *data)
{
	SDL_Event event = {.type = (Uint32)(uintptr_t)data};
	SDL_PushEvent(&event);
	return interval;
}
#endif

bool watchdog_start(struct watchdog *watchdog)
{
	*watchdog = (struct watchdog){0};
#ifdef CONCERTO_HAS_SYSTEMD
	uint64_t usec = 0;
	if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0)
		return false;
	watchdog->usec = usec;
	uint64_t half_ms = usec / 2000;
	watchdog->interval_ms = half_ms < WATCHDOG_MIN_INTERVAL_MS ? WATCHDOG_MIN_INTERVAL_MS
	                        : half_ms > UINT32_MAX             ? UINT32_MAX
	                                                           : (uint32_t)half_ms;
	Uint32 type = SDL_RegisterEvents(1);
	if (type == (Uint32)-1)
		return false;
	watchdog->event_type = type;
	watchdog->timer =
	    SDL_AddTimer(watchdog->interval_ms, watchdog_tick, (void *)(uintptr_t)type);
	if (watchdog->timer == 0) {
		watchdog->event_type = 0;
		return false;
	}
	return true;
#else
	return false;
#endif
}

void watchdog_ready(struct watchdog *watchdog)
{
	if (watchdog->has_sent_ready)
		return;
	watchdog->has_sent_ready = true;
#ifdef CONCERTO_HAS_SYSTEMD
	sd_notify(0, "READY=1");
#endif
}

bool watchdog_handle_event(struct watchdog *watchdog, const SDL_Event *event)
{
	if (watchdog->event_type == 0 || event->type != watchdog->event_type)
		return false;
#ifdef CONCERTO_HAS_SYSTEMD
	sd_notify(0, "WATCHDOG=1");
#endif
	return true;
}

void watchdog_extend(struct watchdog *watchdog)
{
	if (watchdog->event_type == 0 || watchdog->is_extended)
		return;
	watchdog->is_extended = true;
#ifdef CONCERTO_HAS_SYSTEMD
	/* systemd restarts its timer on a new period: no WATCHDOG=1 needed. */
	sd_notifyf(0, "WATCHDOG_USEC=%llu",
	           (unsigned long long)WATCHDOG_LONG_TASK_SEC * 1000000ull);
#endif
}

void watchdog_restore(struct watchdog *watchdog)
{
	if (!watchdog->is_extended)
		return;
	watchdog->is_extended = false;
#ifdef CONCERTO_HAS_SYSTEMD
	sd_notifyf(0, "WATCHDOG_USEC=%llu", (unsigned long long)watchdog->usec);
#endif
}

void watchdog_stop(struct watchdog *watchdog)
{
	if (watchdog->timer)
		SDL_RemoveTimer(watchdog->timer);
	watchdog->timer = 0;
	watchdog->event_type = 0;
#ifdef CONCERTO_HAS_SYSTEMD
	sd_notify(0, "STOPPING=1");
#endif
}
