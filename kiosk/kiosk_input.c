/*
 * kiosk_input: input thread bridge, loop sleep, fade timer and state
 * report; see kiosk_input.h.
 */
#define _GNU_SOURCE
#include "kiosk_input.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "input_watch.h"
#include "touch_map.h"

enum { KIOSK_INPUT_REPORT_MAX = 512, KIOSK_INPUT_PAYLOAD_OFFSET = 8, KIOSK_INPUT_GRACE_MS = 20 };

/* An input message rides in the SDL_Event after its type and timestamp:
 * no allocation, nothing to free if the queue is flushed at exit. */
_Static_assert(KIOSK_INPUT_PAYLOAD_OFFSET + sizeof(struct input_message) <= sizeof(SDL_Event),
               "an input message must fit in an SDL_Event");

struct kiosk_input {
	Uint32 event_type;
	struct input_watch *watch;
	int wake_fd; /* eventfd signalled for every pushed event; -1: SDL waits */
	SDL_TimerID fade_timer;
	Uint64 last_activity_ms;
	/* The cursor: hidden in full screen but while a mouse is used. */
	bool is_cursor_managed; /* full screen; a window keeps the desktop's */
	bool is_cursor_shown;
	SDL_TimerID cursor_timer;
	Uint64 last_pointer_ms;
	/* The latest pointer position, set by the input thread; one POINTER
	 * event at most is queued, and it reads the latest when handled, so a
	 * fast mouse neither floods the queue nor leaves the cursor behind. */
	SDL_SpinLock pointer_lock;
	float pointer_x;
	float pointer_y;
	bool is_pointer_queued;
	bool is_reporting;
	char last_report[KIOSK_INPUT_REPORT_MAX];
};

static void kiosk_input_wake(struct kiosk_input *input)
{
	uint64_t one = 1;
	if (input->wake_fd >= 0) {
		ssize_t written = write(input->wake_fd, &one, sizeof one);
		(void)written; /* a full counter already means "wake up" */
	}
}

/* False when SDL's queue is full (the event is lost). */
static bool kiosk_input_push(struct kiosk_input *input, const struct input_message *message)
{
	SDL_Event event;
	memset(&event, 0, sizeof event);
	event.type = input->event_type;
	memcpy((char *)&event + KIOSK_INPUT_PAYLOAD_OFFSET, message, sizeof *message);
	bool is_queued = SDL_PushEvent(&event) == 1;
	kiosk_input_wake(input); /* now that it is queued (see kiosk_input_watch_event) */
	return is_queued;
}

static void kiosk_input_emit(void *context, const struct input_message *message)
{
	struct kiosk_input *input = context;
	if (message->kind == INPUT_MESSAGE_POINTER) {
		SDL_AtomicLock(&input->pointer_lock);
		input->pointer_x = message->x;
		input->pointer_y = message->y;
		bool is_queued = input->is_pointer_queued;
		input->is_pointer_queued = true;
		SDL_AtomicUnlock(&input->pointer_lock);
		if (is_queued)
			return;
	}
	if (!kiosk_input_push(input, message) && message->kind == INPUT_MESSAGE_POINTER) {
		SDL_AtomicLock(&input->pointer_lock); /* lost: the next move tries again */
		input->is_pointer_queued = false;
		SDL_AtomicUnlock(&input->pointer_lock);
	}
}

/* Runs in whichever thread pushes, for events of other threads (the USB
 * key watcher, SDL timers): wakes the sleeping main loop. SDL 2.26 calls
 * watchers just before queueing the event, so a woken loop that finds the
 * queue empty gives the event a moment to land (kiosk_input_wait). */
static int kiosk_input_watch_event(void *context, SDL_Event *event)
{
	(void)event;
	kiosk_input_wake(context);
	return 0;
}

/* SDL_WaitEvent blocks only where the video driver can wait on its own. */
static bool kiosk_input_sdl_can_wait(void)
{
	const char *driver = SDL_GetCurrentVideoDriver();
	return driver && (strcmp(driver, "x11") == 0 || strcmp(driver, "wayland") == 0);
}

struct kiosk_input *kiosk_input_start(const struct kiosk_config *config,
                                      const struct cli_options *options, int width, int height)
{
	struct kiosk_input *input = calloc(1, sizeof *input);
	if (!input)
		return NULL;
	input->wake_fd = -1;
	input->is_reporting = options->is_reporting_state;
	/* kiosk.c hides the cursor in full screen (calibrate.c too). */
	input->is_cursor_managed = !options->is_windowed;
	input->event_type = SDL_RegisterEvents(1);
	if (input->event_type == (Uint32)-1) {
		free(input);
		return NULL;
	}
	if (!kiosk_input_sdl_can_wait()) {
		input->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (input->wake_fd >= 0)
			SDL_AddEventWatch(kiosk_input_watch_event, input);
	}
	struct touch_map map;
	touch_map_init(&map, width, height);
	map.rotation = config->rotation;
	map.is_mirrored_x = config->is_mirrored_x;
	map.is_mirrored_y = config->is_mirrored_y;
	memcpy(map.matrix, config->calibration.matrix, sizeof map.matrix);
	const char *dir = options->input_dir ? options->input_dir : config->input_dir;
	/* Calibrating, a finger held on a target or slid onto it means the
	 * target: the point where it lifts is the touch. */
	const struct gesture_thresholds *gestures = options->mode == CLI_CALIBRATE
	                                                ? &gesture_pointing_thresholds
	                                                : &gesture_default_thresholds;
	input->watch =
	    input_watch_start(dir, &map, gestures, (struct input_sink){input, kiosk_input_emit});
	if (!input->watch)
		fprintf(stderr, "concerto: input devices unavailable, keyboard and mouse only\n");
	return input;
}

void kiosk_input_stop(struct kiosk_input *input)
{
	if (!input)
		return;
	input_watch_stop(input->watch); /* no more pushes after this */
	if (input->fade_timer)
		SDL_RemoveTimer(input->fade_timer);
	if (input->cursor_timer)
		SDL_RemoveTimer(input->cursor_timer);
	if (input->wake_fd >= 0) {
		SDL_DelEventWatch(kiosk_input_watch_event, input);
		close(input->wake_fd);
	}
	free(input);
}

int kiosk_input_wait(struct kiosk_input *input, SDL_Event *event)
{
	if (!input || input->wake_fd < 0)
		return SDL_WaitEvent(event);
	int grace_ms = 0; /* after a wake-up that found nothing: an event in flight */
	for (;;) {
		SDL_PumpEvents();
		int count = SDL_PeepEvents(event, 1, SDL_GETEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT);
		if (count != 0)
			return count > 0;
		/* A push between PeepEvents and here leaves the counter set. */
		struct pollfd wake = {.fd = input->wake_fd, .events = POLLIN};
		int ready = poll(&wake, 1, grace_ms > 0 ? 1 : -1);
		if (ready < 0 && errno != EINTR)
			return 0;
		if (ready > 0) {
			uint64_t value;
			ssize_t length = read(input->wake_fd, &value, sizeof value);
			(void)length;
			grace_ms = KIOSK_INPUT_GRACE_MS;
		} else if (grace_ms > 0) {
			grace_ms--;
		}
	}
}

static Uint32 kiosk_input_fade_fired(Uint32 interval, void *context)
{
	(void)interval;
	struct kiosk_input *input = context;
	kiosk_input_push(input, &(struct input_message){.kind = INPUT_MESSAGE_FADE});
	return 0; /* one shot: re-armed by the main thread if needed */
}

static void kiosk_input_arm_fade(struct kiosk_input *input, Uint32 delay_ms)
{
	if (input->fade_timer)
		SDL_RemoveTimer(input->fade_timer);
	input->fade_timer = SDL_AddTimer(delay_ms, kiosk_input_fade_fired, input);
}

static Uint32 kiosk_input_cursor_fired(Uint32 interval, void *context)
{
	(void)interval;
	struct kiosk_input *input = context;
	/* One shot; lost in a full queue, it tries again shortly. */
	return kiosk_input_push(input, &(struct input_message){.kind = INPUT_MESSAGE_POINTER_IDLE})
	           ? 0
	           : 100;
}

static void kiosk_input_show_cursor(struct kiosk_input *input, bool is_shown)
{
	input->is_cursor_shown = is_shown;
	SDL_ShowCursor(is_shown ? SDL_ENABLE : SDL_DISABLE);
	if (input->is_reporting) {
		printf("input cursor=%d\n", is_shown ? 1 : 0);
		fflush(stdout);
	}
}

/* A mouse was used: the cursor shows, and its one timer (never two: the
 * next is armed only once this one's event is handled) hides it once the
 * mouse has rested KIOSK_INPUT_CURSOR_MS. */
static void kiosk_input_cursor_used(struct kiosk_input *input)
{
	if (!input->is_cursor_managed)
		return;
	input->last_pointer_ms = SDL_GetTicks64();
	if (!input->is_cursor_shown)
		kiosk_input_show_cursor(input, true);
	if (!input->cursor_timer)
		input->cursor_timer =
		    SDL_AddTimer(KIOSK_INPUT_CURSOR_MS, kiosk_input_cursor_fired, input);
}

/* The input thread's mouse moved or clicked: the cursor goes where it
 * points. */
static void kiosk_input_pointer(struct kiosk_input *input)
{
	SDL_AtomicLock(&input->pointer_lock);
	float x = input->pointer_x, y = input->pointer_y;
	input->is_pointer_queued = false;
	SDL_AtomicUnlock(&input->pointer_lock);
	if (input->is_cursor_managed)
		SDL_WarpMouseInWindow(NULL, (int)x, (int)y);
	kiosk_input_cursor_used(input);
}

/* The cursor's timer fired: hide it, or wait for the rest of the time. */
static void kiosk_input_pointer_idle(struct kiosk_input *input)
{
	input->cursor_timer = 0; /* it fired: one shot */
	Uint64 rest_ms = SDL_GetTicks64() - input->last_pointer_ms;
	if (rest_ms >= KIOSK_INPUT_CURSOR_MS)
		kiosk_input_show_cursor(input, false);
	else
		input->cursor_timer = SDL_AddTimer((Uint32)(KIOSK_INPUT_CURSOR_MS - rest_ms),
		                                   kiosk_input_cursor_fired, input);
}

void kiosk_input_note_sdl_mouse(struct kiosk_input *input)
{
	if (input && !kiosk_input_owns_mouse(input))
		kiosk_input_cursor_used(input);
}

bool kiosk_input_owns_mouse(const struct kiosk_input *input)
{
	return input && input->wake_fd >= 0 && input->watch;
}

bool kiosk_input_decode(struct kiosk_input *input, const SDL_Event *event,
                        struct input_message *message)
{
	if (!input || event->type != input->event_type)
		return false;
	memcpy(message, (const char *)event + KIOSK_INPUT_PAYLOAD_OFFSET, sizeof *message);
	/* Where SDL reads the mouse itself, the input thread's copy of it is
	 * dropped: a click would tap twice. */
	bool is_pointer = message->kind == INPUT_MESSAGE_POINTER || message->is_from_pointer;
	if (is_pointer && !kiosk_input_owns_mouse(input))
		return false;
	if (message->kind == INPUT_MESSAGE_POINTER) {
		kiosk_input_pointer(input);
		return false;
	}

	if (message->kind == INPUT_MESSAGE_POINTER_IDLE) {
		kiosk_input_pointer_idle(input);
		return false;
	}
	if (message->kind == INPUT_MESSAGE_DEVICES) {
		if (input->is_reporting) {
			printf("input devices=%d\n", message->device_count);
			fflush(stdout);
		}
		return false;
	}
	if (message->kind != INPUT_MESSAGE_FADE)
		return true;
	input->fade_timer = 0; /* it fired: one shot */
	Uint64 idle_ms = SDL_GetTicks64() - input->last_activity_ms;
	if (idle_ms >= KIOSK_INPUT_FADE_MS)
		return true;
	kiosk_input_arm_fade(input, (Uint32)(KIOSK_INPUT_FADE_MS - idle_ms));
	return false;
}

void kiosk_input_set_screen(struct kiosk_input *input, int width, int height)
{
	if (input)
		input_watch_set_screen(input->watch, width, height);
}

void kiosk_input_note_activity(struct kiosk_input *input, size_t spotlight_count)
{
	if (!input)
		return;
	input->last_activity_ms = SDL_GetTicks64();
	if (spotlight_count == 0 && input->fade_timer) {
		SDL_RemoveTimer(input->fade_timer);
		input->fade_timer = 0;
	} else if (spotlight_count > 0 && !input->fade_timer) {
		kiosk_input_arm_fade(input, KIOSK_INPUT_FADE_MS);
	}
}

static int kiosk_input_compare_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

void kiosk_input_report_state(struct kiosk_input *input, const struct situation *situation,
                              struct phase_position position, const int *spotlights,
                              size_t spotlight_count, bool is_blank, float scale)
{
	if (!input || !input->is_reporting)
		return;
	size_t phase_count = situation ? situation->phase_count : 0;
	size_t step_count = situation ? phase_step_count(situation, position.phase) : 0;
	char line[KIOSK_INPUT_REPORT_MAX];
	int length = snprintf(line, sizeof line,
	                      "state phase=%zu/%zu step=%zu/%zu spotlights=%zu blank=%d scale=%.2f "
	                      "lit=",
	                      situation ? position.phase + 1 : 0, phase_count, position.step,
	                      step_count, spotlight_count, is_blank ? 1 : 0, (double)scale);
	int sorted[64];
	size_t count = spotlight_count < 64 ? spotlight_count : 64;
	memcpy(sorted, spotlights, count * sizeof *sorted);
	qsort(sorted, count, sizeof *sorted, kiosk_input_compare_int);
	for (size_t k = 0; k < count && length > 0 && (size_t)length < sizeof line - 16; k++)
		length += snprintf(line + length, sizeof line - (size_t)length, "%s%d",
		                   k ? "," : "", sorted[k]);
	if (count == 0 && length > 0 && (size_t)length < sizeof line - 2)
		snprintf(line + length, sizeof line - (size_t)length, "-");
	if (strcmp(line, input->last_report) == 0)
		return;
	strcpy(input->last_report, line);
	printf("%s\n", line);
	fflush(stdout);
}

void kiosk_input_report_layout(struct kiosk_input *input, const struct layout *layout)
{
	if (!input || !input->is_reporting || !layout)
		return;
	printf("layout width=%d height=%d nodes=%zu\n", layout->width, layout->height,
	       layout->node_count);
	for (size_t i = 0; i < layout->node_count; i++)
		printf("node %zu x=%.0f y=%.0f size=%.0f\n", i, (double)layout->nodes[i].x,
		       (double)layout->nodes[i].y, (double)layout->nodes[i].size);
	fflush(stdout);
}
