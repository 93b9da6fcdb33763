/*
 * test_input_replay: recorded input through the real libevdev path into the
 * real kiosk loop.
 *
 * The kiosk binary runs under SDL's dummy video driver with the fake evdev
 * shim preloaded (fake_evdev_shim.c) and --input-dir pointing at a
 * temporary directory of fake nodes; it reports its state on stdout
 * (--report-state: numbers and node indices, never a name). The test plays
 * a clicker session through every phase of the demo, touch-table frames
 * with two and three simultaneous fingers, a pinch, a double tap, a
 * SYN_DROPPED, an unplug and replug, a Spotlight-like remote that is two
 * nodes, and checks the state after each, that every node was asked for
 * CLOCK_MONOTONIC times, and a frame the loop presented against
 * `--render --touch` of the same nodes. Then, with a key of two
 * situations mounted in a private mount namespace, a full keyboard's Enter
 * on the chooser opens the selected file. Before that, in full screen, a
 * mouse read by the input thread: its moves show the cursor where it points
 * (hidden again once it rests), its click lights the node there.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include "check.h"
#include "fake_devices.h"
#include "fake_keys.h"
#include "fake_nodes.h"
#include "input_message.h"
#include "phases.h"
#include "scene.h"
#include "session.h"

enum { MAX_NODES = 2000, WAIT_MS = 20000 };

struct kiosk_run {
	pid_t pid;
	int out_fd;
	char buffer[1 << 16];
	size_t length;
	char state[512];       /* the last "state ..." line */
	bool has_unseen_state; /* read while waiting for something else */
	char screen[256];      /* the last "screen ..." line (--report-screens) */
	bool has_unseen_screen;
	bool is_fullscreen; /* set before kiosk_start: no --windowed */
	int cursor;         /* the last "input cursor=N" (full screen only); -1: none yet */
	int devices;
	int width;
	int height;
	size_t node_count;
	float node_x[MAX_NODES];
	float node_y[MAX_NODES];
};

static uint64_t clock_us = 1000000000; /* the recording's own clock */
static char work[256];
static char input_dir[300]; /* work/input: the fake nodes */

static void frame_add(struct fake_frame *frame, unsigned type, unsigned code, int value)
{
	fake_frame_add(frame, clock_us, type, code, value);
}

static void node_send(const struct fake_node *node, struct fake_frame *frame)
{
	CHECK(fake_node_send(node, frame, clock_us));
}

static void kiosk_line(struct kiosk_run *run, const char *line)
{
	unsigned long index;
	float x, y;
	if (getenv("REPLAY_VERBOSE") && strncmp(line, "node ", 5) != 0)
		fprintf(stderr, "kiosk: %s\n", line);
	if (strncmp(line, "state ", 6) == 0) {
		snprintf(run->state, sizeof run->state, "%.500s", line);
		run->has_unseen_state = true;
	} else if (strncmp(line, "screen ", 7) == 0) {
		snprintf(run->screen, sizeof run->screen, "%.250s", line);
		run->has_unseen_screen = true;
	} else if (sscanf(line, "input devices=%d", &run->devices) == 1 ||
	           sscanf(line, "input cursor=%d", &run->cursor) == 1)
		return;
	else if (sscanf(line, "layout width=%d height=%d", &run->width, &run->height) == 2)
		run->node_count = 0;
	else if (sscanf(line, "node %lu x=%f y=%f", &index, &x, &y) == 3 && index < MAX_NODES) {
		run->node_x[index] = x;
		run->node_y[index] = y;
		if (index + 1 > run->node_count)
			run->node_count = index + 1;
	}
}

/* Reads what the kiosk printed; false after `timeout_ms` of silence. */
static bool kiosk_read(struct kiosk_run *run, int timeout_ms, const char **line_out)
{
	for (;;) {
		char *newline = memchr(run->buffer, '\n', run->length);
		if (newline) {
			static char line[1024];
			size_t length = (size_t)(newline - run->buffer);
			snprintf(line, sizeof line, "%.*s", (int)length, run->buffer);
			memmove(run->buffer, newline + 1, run->length - length - 1);
			run->length -= length + 1;
			kiosk_line(run, line);
			*line_out = line;
			return true;
		}
		struct pollfd ready = {.fd = run->out_fd, .events = POLLIN};
		if (poll(&ready, 1, timeout_ms) != 1)
			return false;
		ssize_t got = read(run->out_fd, run->buffer + run->length,
		                   sizeof run->buffer - run->length - 1);
		if (got <= 0)
			return false;
		run->length += (size_t)got;
	}
}

/* Waits for a state line holding every word given ("!word": not holding);
 * each state line the kiosk prints is looked at once. */
static bool kiosk_wait_state(struct kiosk_run *run, const char *what, ...)
{
	const char *line = run->state;
	while (run->has_unseen_state || kiosk_read(run, WAIT_MS, &line)) {
		if (strncmp(line, "state ", 6) != 0)
			continue;
		run->has_unseen_state = false;
		bool is_match = true;
		va_list words;
		va_start(words, what);
		for (const char *word = what; word; word = va_arg(words, const char *)) {
			bool is_negated = word[0] == '!';
			char padded[128];
			snprintf(padded, sizeof padded, " %s ", word + is_negated);
			char haystack[600];
			snprintf(haystack, sizeof haystack, "%s ", line);
			if ((strstr(haystack, padded) != NULL) == is_negated)
				is_match = false;
		}
		va_end(words);
		if (is_match)
			return true;
	}
	fprintf(stderr, "timed out waiting for state with %s; last: %s\n", what, run->state);
	return false;
}

/* Waits for a screen report starting with `expected`; each is looked at once. */
static bool kiosk_wait_screen(struct kiosk_run *run, const char *expected)
{
	const char *line = run->screen;
	while (run->has_unseen_screen || kiosk_read(run, WAIT_MS, &line)) {
		if (strncmp(line, "screen ", 7) != 0)
			continue;
		run->has_unseen_screen = false;
		if (strncmp(line, expected, strlen(expected)) == 0)
			return true;
	}
	fprintf(stderr, "timed out waiting for %s; last: %s\n", expected, run->screen);
	return false;
}

static bool kiosk_wait_devices(struct kiosk_run *run, int count)
{
	const char *line;
	while (run->devices != count && kiosk_read(run, WAIT_MS, &line))
		;
	if (run->devices != count)
		fprintf(stderr, "timed out waiting for %d devices (have %d)\n", count,
		        run->devices);
	return run->devices == count;
}

static bool kiosk_wait_position(struct kiosk_run *run, const struct situation *situation,
                                struct phase_position position, const char *extra)
{
	char phase[64], step[64];
	snprintf(phase, sizeof phase, "phase=%zu/%zu", position.phase + 1, situation->phase_count);
	snprintf(step, sizeof step, "step=%zu/%zu", position.step,
	         phase_step_count(situation, position.phase));
	return kiosk_wait_state(run, phase, step, extra, NULL);
}

/* The kiosk on the demo, or, with `media`, waiting for keys mounted below it
 * (and reporting its screens). */
static void kiosk_start(struct kiosk_run *run, const char *devices, const char *media)
{
	int out[2];
	CHECK(pipe2(out, O_CLOEXEC) == 0);
	run->cursor = -1;
	run->pid = fork();
	if (run->pid == 0) {
		dup2(out[1], 1);
		char frames[300];
		snprintf(frames, sizeof frames, "%s/frames", work);
		if (chdir(frames) != 0)
			_exit(127);
		setenv("SDL_VIDEODRIVER", "dummy", 1);
		setenv("SDL_VIDEO_DUMMY_SAVE_FRAMES", "1", 1);
		setenv("LD_PRELOAD", CONCERTO_SHIM, 1);
		setenv("CONCERTO_FAKE_INPUT", input_dir, 1);
		setenv("CONCERTO_FAKE_DEVICES", devices, 1);
		/* The sanitizer build: the shim is preloaded ahead of its runtime. */
		setenv("ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=1", 1);
		const char *argv[16] = {CONCERTO_BINARY, "--config", "/nonexistent/kiosk.conf",
		                        "--input-dir",   input_dir,  "--report-state"};
		size_t argc = 6;
		if (!run->is_fullscreen)
			argv[argc++] = "--windowed";
		if (media) {
			argv[argc++] = "--media";
			argv[argc++] = media;
			argv[argc++] = "--report-screens";
		} else {
			argv[argc++] = "--demo";
		}
		execv(CONCERTO_BINARY, (char *const *)argv);
		_exit(127);
	}
	close(out[1]);
	run->out_fd = out[0];
}

static void press(struct fake_node *node, unsigned code)
{
	struct fake_frame frame = {0};
	clock_us += 200000;
	frame_add(&frame, EV_KEY, code, 1);
	node_send(node, &frame);
	clock_us += 80000;
	frame_add(&frame, EV_KEY, code, 0);
	node_send(node, &frame);
}

/* Screen pixels to the table's raw units (no rotation, no calibration). */
static int raw_x(const struct kiosk_run *run, float x)
{
	return (int)lroundf(x * FAKE_TOUCH_MAX / (float)run->width);
}

static int raw_y(const struct kiosk_run *run, float y)
{
	return (int)lroundf(y * FAKE_TOUCH_MAX / (float)run->height);
}

static int tracking_id = 100;

static void finger_down(struct fake_frame *frame, const struct kiosk_run *run, int slot, float x,
                        float y)
{
	frame_add(frame, EV_ABS, ABS_MT_SLOT, slot);
	frame_add(frame, EV_ABS, ABS_MT_TRACKING_ID, tracking_id++);
	frame_add(frame, EV_ABS, ABS_MT_POSITION_X, raw_x(run, x));
	frame_add(frame, EV_ABS, ABS_MT_POSITION_Y, raw_y(run, y));
}

static void finger_move(struct fake_frame *frame, const struct kiosk_run *run, int slot, float x,
                        float y)
{
	frame_add(frame, EV_ABS, ABS_MT_SLOT, slot);
	frame_add(frame, EV_ABS, ABS_MT_POSITION_X, raw_x(run, x));
	frame_add(frame, EV_ABS, ABS_MT_POSITION_Y, raw_y(run, y));
}

static void finger_up(struct fake_frame *frame, int slot)
{
	frame_add(frame, EV_ABS, ABS_MT_SLOT, slot);
	frame_add(frame, EV_ABS, ABS_MT_TRACKING_ID, -1);
}

/* Fingers touching together at these points, lifted 90 ms later. */
static void tap_together(struct fake_node *touch, const struct kiosk_run *run, float (*points)[2],
                         int count)
{
	struct fake_frame frame = {0};
	clock_us += 1000000;
	for (int k = 0; k < count; k++)
		finger_down(&frame, run, k, points[k][0], points[k][1]);
	node_send(touch, &frame);
	clock_us += 40000;
	for (int k = 0; k < count; k++) /* a fingertip rolls, under 1 mm */
		finger_move(&frame, run, k, points[k][0] + 1, points[k][1]);
	node_send(touch, &frame);
	clock_us += 50000;
	for (int k = 0; k < count; k++)
		finger_up(&frame, k);
	node_send(touch, &frame);
}

/* Visible nodes far from every other one (so a tap can only mean them). */
static size_t pick_targets(const struct kiosk_run *run, const struct scene *scene, int *targets,
                           size_t wanted)
{
	size_t count = 0;
	for (size_t i = 0; i < run->node_count && count < wanted; i++) {
		if (!scene->is_node_visible[i] || run->node_y[i] < 120)
			continue;
		bool is_clear = true;
		for (size_t j = 0; j < run->node_count && is_clear; j++)
			if (j != i && hypotf(run->node_x[i] - run->node_x[j],
			                     run->node_y[i] - run->node_y[j]) < 70)
				is_clear = false;
		for (size_t k = 0; k < count && is_clear; k++)
			if (hypotf(run->node_x[i] - run->node_x[targets[k]],
			           run->node_y[i] - run->node_y[targets[k]]) < 200)
				is_clear = false;
		if (is_clear)
			targets[count++] = (int)i;
	}
	return count;
}

/* A point of the diagram at least 150 px from every node. */
static bool pick_empty(const struct kiosk_run *run, float *x, float *y)
{
	for (int gy = 160; gy < run->height - 40; gy += 20)
		for (int gx = 40; gx < run->width - 40; gx += 20) {
			bool is_clear = true;
			for (size_t i = 0; i < run->node_count && is_clear; i++)
				is_clear = hypotf((float)gx - run->node_x[i],
				                  (float)gy - run->node_y[i]) > 150;
			if (is_clear) {
				*x = (float)gx;
				*y = (float)gy;
				return true;
			}
		}
	return false;
}

static SDL_Surface *load_bmp(const char *path)
{
	SDL_Surface *loaded = SDL_LoadBMP(path);
	if (!loaded)
		return NULL;
	SDL_Surface *converted = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
	SDL_FreeSurface(loaded);
	return converted;
}

/* Pixels differing by more than 2 in any channel; -1 when sizes differ. */
static long bmp_difference(const char *a_path, const char *b_path)
{
	SDL_Surface *a = load_bmp(a_path), *b = load_bmp(b_path);
	long count = -1;
	if (a && b && a->w == b->w && a->h == b->h) {
		count = 0;
		for (int y = 0; y < a->h; y++) {
			const Uint8 *pa = (const Uint8 *)a->pixels + y * a->pitch;
			const Uint8 *pb = (const Uint8 *)b->pixels + y * b->pitch;
			for (int x = 0; x < a->w * 4; x += 4)
				for (int c = 0; c < 3; c++)
					if (abs(pa[x + c] - pb[x + c]) > 2) {
						count++;
						break;
					}
		}
	}
	SDL_FreeSurface(a);
	SDL_FreeSurface(b);
	return count;
}

/* The newest frame the dummy driver saved (names carry a padded counter);
 * older ones are deleted to keep the disk use small. */
static bool newest_frame(char *path, size_t size)
{
	char dir_path[300], best[256] = "";
	snprintf(dir_path, sizeof dir_path, "%s/frames", work);
	DIR *dir = opendir(dir_path);
	if (!dir)
		return false;
	struct dirent *entry;
	while ((entry = readdir(dir)))
		if (strstr(entry->d_name, ".bmp") && strcmp(entry->d_name, best) > 0)
			snprintf(best, sizeof best, "%s", entry->d_name);
	rewinddir(dir);
	while ((entry = readdir(dir))) {
		if (strstr(entry->d_name, ".bmp") && strcmp(entry->d_name, best) != 0) {
			char old[600];
			snprintf(old, sizeof old, "%s/%s", dir_path, entry->d_name);
			unlink(old);
		}
	}
	closedir(dir);
	snprintf(path, size, "%s/%s", dir_path, best);
	return best[0] != '\0';
}

static int render_reference(const struct kiosk_run *run, struct phase_position position,
                            const char *touch, const char *out)
{
	char command[1200], size[32], phase[16], step[16];
	snprintf(size, sizeof size, "%dx%d", run->width, run->height);
	snprintf(phase, sizeof phase, "%zu", position.phase + 1);
	snprintf(step, sizeof step, "%zu", position.step);
	snprintf(command, sizeof command,
	         "'%s' --render --demo --size %s --phase %s --step %s %s%s --out '%s'",
	         CONCERTO_BINARY, size, phase, step, touch ? "--touch " : "", touch ? touch : "",
	         out);
	return system(command);
}

static void clicker_session(struct kiosk_run *run, struct fake_node *clicker,
                            const struct situation *situation)
{
	struct phase_position position = phase_first(situation);
	CHECK(kiosk_wait_position(run, situation, position, "blank=0"));
	size_t moves = 0;
	while (phase_next(situation, &position)) {
		press(clicker, KEY_PAGEDOWN);
		CHECK(kiosk_wait_position(run, situation, position, "blank=0"));
		moves++;
	}
	CHECK(moves >= situation->phase_count - 1);
	CHECK_INT_EQ(position.phase + 1, situation->phase_count);
	press(clicker, KEY_PAGEUP);
	phase_previous(situation, &position);
	CHECK(kiosk_wait_position(run, situation, position, "blank=0"));
	/* Blank: phase keys do nothing until the screen is back. */
	press(clicker, KEY_B);
	CHECK(kiosk_wait_state(run, "blank=1", NULL));
	press(clicker, KEY_PAGEDOWN);
	press(clicker, KEY_DOT);
	CHECK(kiosk_wait_position(run, situation, position, "blank=0"));
	/* Esc leaves the blank screen and never resets the session. */
	press(clicker, KEY_B);
	CHECK(kiosk_wait_state(run, "blank=1", NULL));
	press(clicker, KEY_ESC);
	CHECK(kiosk_wait_position(run, situation, position, "blank=0"));
	/* Autorepeat of a held button does not race through the phases: from
	 * the first phase, PageDown held (five repeats) then PageUp must land
	 * on the first phase again. */
	press(clicker, KEY_HOME);
	position = phase_first(situation);
	CHECK(kiosk_wait_position(run, situation, position, "blank=0"));
	struct fake_frame frame = {0};
	clock_us += 200000;
	frame_add(&frame, EV_KEY, KEY_PAGEDOWN, 1);
	node_send(clicker, &frame);
	for (int k = 0; k < 5; k++) {
		clock_us += 33000;
		frame_add(&frame, EV_KEY, KEY_PAGEDOWN, 2);
		node_send(clicker, &frame);
	}
	frame_add(&frame, EV_KEY, KEY_PAGEDOWN, 0);
	node_send(clicker, &frame);
	struct phase_position second = position;
	phase_next(situation, &second);
	CHECK(kiosk_wait_position(run, situation, second, "blank=0"));
	press(clicker, KEY_PAGEUP);
	CHECK(kiosk_wait_position(run, situation, position, "blank=0"));
}

/* Two fingers spread from 200 to 600 px apart about the screen's centre,
 * then lifted: the view three times larger. */
static void spread_fingers(struct fake_node *touch, const struct kiosk_run *run)
{
	struct fake_frame frame = {0};
	float cx = (float)run->width / 2, cy = (float)run->height / 2;
	clock_us += 1000000;
	finger_down(&frame, run, 0, cx - 100, cy);
	finger_down(&frame, run, 1, cx + 100, cy);
	node_send(touch, &frame);
	for (int k = 1; k <= 4; k++) {
		clock_us += 16000;
		finger_move(&frame, run, 0, cx - 100 - 50.0f * (float)k, cy);
		finger_move(&frame, run, 1, cx + 100 + 50.0f * (float)k, cy);
		node_send(touch, &frame);
	}
	clock_us += 16000;
	finger_up(&frame, 0);
	finger_up(&frame, 1);
	node_send(touch, &frame);
}

static void touch_session(struct kiosk_run *run, struct fake_node *touch, struct fake_node *clicker,
                          const struct situation *situation)
{
	/* To the network phase: End, Home, then next until the network. */
	press(clicker, KEY_END);
	CHECK(kiosk_wait_position(run, situation, phase_last(situation), "blank=0"));
	press(clicker, KEY_HOME);
	struct phase_position position = phase_first(situation);
	CHECK(kiosk_wait_position(run, situation, position, "blank=0"));
	while (situation->phases[position.phase].type != PHASE_NETWORK &&
	       phase_next(situation, &position))
		press(clicker, KEY_PAGEDOWN);
	CHECK(kiosk_wait_position(run, situation, position, "spotlights=0"));
	struct scene *scene = scene_build(situation, position, NULL, 0);
	int targets[3];
	size_t count = scene ? pick_targets(run, scene, targets, 3) : 0;
	scene_free(scene);
	CHECK_INT_EQ(count, 3);
	if (count < 3)
		return;
	float points[3][2];
	for (int k = 0; k < 3; k++) {
		points[k][0] = run->node_x[targets[k]];
		points[k][1] = run->node_y[targets[k]];
	}
	int sorted[3] = {targets[0], targets[1], targets[2]};
	for (int a = 0; a < 3; a++)
		for (int b = a + 1; b < 3; b++)
			if (sorted[b] < sorted[a]) {
				int t = sorted[a];
				sorted[a] = sorted[b];
				sorted[b] = t;
			}
	char lit_ab[64], lit_c[32];
	snprintf(lit_ab, sizeof lit_ab, "lit=%d,%d",
	         targets[0] < targets[1] ? targets[0] : targets[1],
	         targets[0] < targets[1] ? targets[1] : targets[0]);
	snprintf(lit_c, sizeof lit_c, "lit=%d", targets[2]);

	/* Two hands on the table at once: two spotlights. */
	tap_together(touch, run, points, 2);
	CHECK(kiosk_wait_state(run, "spotlights=2", lit_ab, NULL));

	/* The frame the loop presented is what --render --touch draws. */
	char frame_path[700], reference[300], plain[300], ids[200];
	snprintf(reference, sizeof reference, "%s/reference.bmp", work);
	snprintf(plain, sizeof plain, "%s/plain.bmp", work);
	snprintf(ids, sizeof ids, "%s,%s", situation->nodes[targets[0]].id,
	         situation->nodes[targets[1]].id);
	CHECK(newest_frame(frame_path, sizeof frame_path));
	CHECK_INT_EQ(render_reference(run, position, ids, reference), 0);
	CHECK_INT_EQ(render_reference(run, position, NULL, plain), 0);
	long touched = bmp_difference(frame_path, reference);
	long untouched = bmp_difference(frame_path, plain);
	long area = (long)run->width * run->height;
	printf("frame vs --render --touch: %ld pixels differ; vs no touch: %ld\n", touched,
	       untouched);
	CHECK(touched >= 0 && touched < area / 500);
	CHECK(untouched > area / 200);

	/* Three fingers: the two lit nodes go dark, the third lights up. */
	tap_together(touch, run, points, 3);
	CHECK(kiosk_wait_state(run, "spotlights=1", lit_c, NULL));

	/* A tap on empty space clears them. */
	float empty[1][2];
	CHECK(pick_empty(run, &empty[0][0], &empty[0][1]));
	tap_together(touch, run, empty, 1);
	CHECK(kiosk_wait_state(run, "spotlights=0", NULL));

	/* Two fingers spread from 200 to 600 px apart: three times larger. */
	spread_fingers(touch, run);
	CHECK(kiosk_wait_state(run, "scale=3.00", "spotlights=0", NULL));

	/* A double tap puts the view back. */
	clock_us += 1000000;
	tap_together(touch, run, empty, 1);
	clock_us -= 1000000 - 150000; /* the second tap 150 ms after the first */
	tap_together(touch, run, empty, 1);
	CHECK(kiosk_wait_state(run, "scale=1.00", "spotlights=0", NULL));

	/* SYN_DROPPED: a finger lands on the first node, then the kernel's
	 * buffer overflows while it lifts. No tap may come of it, and the
	 * resynced slots must let the next tap through. */
	struct fake_frame frame = {0};
	clock_us += 1000000;
	finger_down(&frame, run, 0, points[0][0], points[0][1]);
	node_send(touch, &frame);
	clock_us += 30000;
	frame_add(&frame, EV_SYN, SYN_DROPPED, 0);
	frame_add(&frame, EV_ABS, ABS_MT_SLOT, 0);
	frame_add(&frame, EV_ABS, ABS_MT_TRACKING_ID, -1);
	node_send(touch, &frame);
	usleep(300000); /* libevdev drains what is queued when it resyncs */
	tap_together(touch, run, &points[1], 1);
	char lit_b[32];
	snprintf(lit_b, sizeof lit_b, "lit=%d", targets[1]);
	CHECK(kiosk_wait_state(run, "spotlights=1", lit_b, NULL));

	/* Zoomed in with a node lit, the presenter moves on: the next phase
	 * is shown whole, with nothing lit (a newcomer of the round would
	 * otherwise come in greyed out, or off the screen). */
	spread_fingers(touch, run);
	CHECK(kiosk_wait_state(run, "scale=3.00", "spotlights=1", NULL));
	press(clicker, KEY_PAGEDOWN);
	phase_next(situation, &position);
	CHECK(kiosk_wait_position(run, situation, position, "spotlights=0 blank=0 scale=1.00"));
	/* And back, zoomed again: the whole picture again. */
	spread_fingers(touch, run);
	CHECK(kiosk_wait_state(run, "scale=3.00", NULL));
	press(clicker, KEY_PAGEUP);
	phase_previous(situation, &position);
	CHECK(kiosk_wait_position(run, situation, position, "scale=1.00"));
	/* Esc or F5, from the clicker: no highlight and no zoom either. */
	tap_together(touch, run, &points[1], 1);
	spread_fingers(touch, run);
	CHECK(kiosk_wait_state(run, "scale=3.00", "spotlights=1", NULL));
	press(clicker, KEY_F5);
	CHECK(kiosk_wait_state(run, "scale=1.00", "spotlights=0", NULL));

	/* In the round, from one person to the next: the highlights go, the
	 * zoom stays (a large genogram zoomed to be read). */
	press(clicker, KEY_HOME);
	position = phase_first(situation);
	CHECK(kiosk_wait_position(run, situation, position, "blank=0"));
	/* A step of a round with another to come, whose people include one
	 * clear of the others to tap. */
	int presented = -1;
	for (;;) {
		if (situation->phases[position.phase].type == PHASE_ROUND && position.step >= 1 &&
		    position.step < phase_step_count(situation, position.phase)) {
			struct scene *round = scene_build(situation, position, NULL, 0);
			size_t found = round ? pick_targets(run, round, &presented, 1) : 0;
			scene_free(round);
			if (found == 1)
				break;
			presented = -1;
		}
		if (!phase_next(situation, &position))
			break;
		press(clicker, KEY_PAGEDOWN);
	}
	CHECK(presented >= 0);
	CHECK(kiosk_wait_position(run, situation, position, "scale=1.00"));
	if (presented < 0)
		return;
	float at[1][2] = {{run->node_x[presented], run->node_y[presented]}};
	tap_together(touch, run, at, 1);
	spread_fingers(touch, run);
	CHECK(kiosk_wait_state(run, "spotlights=1 blank=0 scale=3.00", NULL));
	press(clicker, KEY_PAGEDOWN);
	phase_next(situation, &position);
	CHECK(kiosk_wait_position(run, situation, position, "spotlights=0 blank=0 scale=3.00"));
	press(clicker, KEY_F5);
	CHECK(kiosk_wait_state(run, "scale=1.00", NULL));
}

/* On the device every keyboard is grabbed, so the chooser only ever hears
 * of Enter through evdev: Enter must open the selected file, not move the
 * selection as Next does. Once the situation shows, Space goes on like
 * Next. */
static void keyboard_chooser_session(void)
{
	if (!fake_key_enter_mount_namespace()) {
		printf("keyboard on the chooser: skipped (needs root and mount namespaces)\n");
		return;
	}
	static const char demo[] = CONCERTO_SOURCE_DIR "/assets/demo.situation";
	char media[300], key[320], file[400];
	snprintf(media, sizeof media, "%.250s/media", work);
	snprintf(key, sizeof key, "%s/key", media);
	CHECK(mkdir(media, 0755) == 0 && mkdir(key, 0755) == 0);
	CHECK(mount("tmpfs", key, "tmpfs", 0, "size=4m") == 0);
	snprintf(file, sizeof file, "%s/a.situation", key);
	CHECK(fake_key_copy_file(demo, file));
	snprintf(file, sizeof file, "%s/b.situation", key);
	CHECK(fake_key_copy_file(demo, file));
	struct session session;
	CHECK(session_load(&session, demo));

	struct fake_node keyboard;
	CHECK(fake_node_plug(&keyboard, input_dir, "event0"));
	struct kiosk_run *run = calloc(1, sizeof *run);
	kiosk_start(run, "event0=keyboard", media);
	CHECK(kiosk_wait_devices(run, 1));
	CHECK(fake_node_accept(&keyboard, WAIT_MS));
	CHECK(kiosk_wait_screen(run, "screen chooser files=2 selected=1 "));
	press(&keyboard, KEY_ENTER);
	bool is_open = kiosk_wait_screen(run, "screen situation phase=1");
	CHECK(is_open);
	if (is_open && session.situation) {
		struct phase_position position = phase_first(session.situation);
		CHECK(kiosk_wait_position(run, session.situation, position, "blank=0"));
		press(&keyboard, KEY_SPACE);
		phase_next(session.situation, &position);
		CHECK(kiosk_wait_position(run, session.situation, position, "blank=0"));
	}

	kill(run->pid, SIGTERM);
	int status = 0;
	waitpid(run->pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	fake_node_unplug(&keyboard);
	close(run->out_fd);
	free(run);
	session_free(&session);
	CHECK(umount2(key, 0) == 0 || umount2(key, MNT_DETACH) == 0);
}

/* Waits until the kiosk has said the cursor is `shown` (1) or hidden (0);
 * the wait in ms, or -1 after `timeout_ms`. */
static long kiosk_wait_cursor(struct kiosk_run *run, int shown, long timeout_ms)
{
	struct timespec start, now;
	clock_gettime(CLOCK_MONOTONIC, &start);
	const char *line;
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		long elapsed =
		    (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
		if (run->cursor == shown)
			return elapsed;
		if (elapsed > timeout_ms || !kiosk_read(run, (int)(timeout_ms - elapsed), &line))
			return -1;
	}
}

/* Moves `pointer` far to the top left (the pointer stops at the screen's
 * corner), then by (x, y) from there, and clicks. */
static void click_at(struct fake_node *pointer, float x, float y)
{
	struct fake_frame frame = {0};
	clock_us += 100000;
	frame_add(&frame, EV_REL, REL_X, -100000);
	frame_add(&frame, EV_REL, REL_Y, -100000);
	node_send(pointer, &frame);
	clock_us += 10000;
	frame_add(&frame, EV_REL, REL_X, (int)lroundf(x));
	frame_add(&frame, EV_REL, REL_Y, (int)lroundf(y));
	node_send(pointer, &frame);
	press(pointer, BTN_LEFT);
}

/* Full screen, a mouse. Under the kiosk's sandbox SDL reads no input
 * device (no netlink for libudev), so the input thread reads mice: a move
 * shows the cursor where the mouse points, which hides again once it rests,
 * and a left click taps there: on a node, it lights it. A presenter that is
 * an air mouse too (grabbed as a clicker) points the same way. */
static void pointer_session(const struct situation *situation)
{
	struct fake_node mouse, clicker;
	struct kiosk_run *run = calloc(1, sizeof *run);
	run->is_fullscreen = true;
	kiosk_start(run, "event1=air-mouse,event2=spotlight-mouse", NULL);
	CHECK(fake_node_plug(&clicker, input_dir, "event1"));
	CHECK(fake_node_plug(&mouse, input_dir, "event2"));
	CHECK(kiosk_wait_devices(run, 2));
	CHECK(fake_node_accept(&clicker, WAIT_MS));
	CHECK(fake_node_accept(&mouse, WAIT_MS));
	CHECK_INT_EQ(run->cursor, -1); /* hidden from the start, nothing said */
	/* To the network phase. */
	struct phase_position position = phase_first(situation);
	while (situation->phases[position.phase].type != PHASE_NETWORK &&
	       phase_next(situation, &position))
		press(&clicker, KEY_PAGEDOWN);
	CHECK(kiosk_wait_position(run, situation, position, "spotlights=0"));
	struct scene *scene = scene_build(situation, position, NULL, 0);
	int targets[2] = {-1, -1};
	CHECK(scene && pick_targets(run, scene, targets, 2) == 2);
	scene_free(scene);
	if (targets[1] >= 0) {
		/* The pointer starts at the screen's centre; one count, one pixel. */
		struct fake_frame frame = {0};
		clock_us += 1000000;
		frame_add(&frame, EV_REL, REL_X,
		          (int)lroundf(run->node_x[targets[0]] - (float)run->width / 2));
		frame_add(&frame, EV_REL, REL_Y,
		          (int)lroundf(run->node_y[targets[0]] - (float)run->height / 2));
		struct timespec moved_at, hidden_at;
		clock_gettime(CLOCK_MONOTONIC, &moved_at);
		node_send(&mouse, &frame);
		CHECK(kiosk_wait_cursor(run, 1, 2000) >= 0);
		CHECK(kiosk_wait_cursor(run, 0, 8000) >= 0);
		clock_gettime(CLOCK_MONOTONIC, &hidden_at);
		/* The kiosk's timer starts once it has the move: never sooner. */
		long hidden_after = (hidden_at.tv_sec - moved_at.tv_sec) * 1000 +
		                    (hidden_at.tv_nsec - moved_at.tv_nsec) / 1000000;
		printf("cursor hidden %ld ms after the mouse's last move\n", hidden_after);
		CHECK(hidden_after >= INPUT_POINTER_REST_MS);
		/* A click after the mouse rested (its cursor hidden) only shows
		 * the cursor: nobody could aim. The next, where it points, lights
		 * the node up. */
		clock_us += INPUT_POINTER_REST_MS * 1000;
		press(&mouse, BTN_LEFT);
		CHECK(kiosk_wait_cursor(run, 1, 2000) >= 0);
		clock_us += 1000000; /* no double click */
		press(&mouse, BTN_LEFT);
		char lit[32];
		snprintf(lit, sizeof lit, "lit=%d", targets[0]);
		CHECK(kiosk_wait_state(run, "spotlights=1", lit, NULL));
		/* From the corner the pointer stopped at, to the other node: it
		 * lights up alone if the pointer was held at (0, 0). */
		click_at(&mouse, run->node_x[targets[1]], run->node_y[targets[1]]);
		snprintf(lit, sizeof lit, "lit=%d,%d",
		         targets[0] < targets[1] ? targets[0] : targets[1],
		         targets[0] < targets[1] ? targets[1] : targets[0]);
		CHECK(kiosk_wait_state(run, "spotlights=2", lit, NULL));
		/* The air mouse, grabbed as a clicker, points too: the first
		 * node goes dark. */
		click_at(&clicker, run->node_x[targets[0]], run->node_y[targets[0]]);
		snprintf(lit, sizeof lit, "lit=%d", targets[1]);
		CHECK(kiosk_wait_state(run, "spotlights=1", lit, NULL));
		/* A double click on the lit node: the first click puts it out,
		 * the second is a double tap (the view back), not a second
		 * toggle that would light it again. */
		click_at(&mouse, run->node_x[targets[1]], run->node_y[targets[1]]);
		press(&mouse, BTN_LEFT); /* 200 ms after the first was let go */
		CHECK(kiosk_wait_state(run, "spotlights=0", NULL));
		const char *line;
		while (kiosk_read(run, 1000, &line))
			continue; /* whatever the kiosk says within a second */
		CHECK(strstr(run->state, " spotlights=0 ") != NULL);
	}
	kill(run->pid, SIGTERM);
	int status = 0;
	waitpid(run->pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	fake_node_unplug(&mouse);
	fake_node_unplug(&clicker);
	close(run->out_fd);
	free(run);
}

int main(void)
{
	snprintf(work, sizeof work, "/tmp/concerto-input-XXXXXX");
	if (!mkdtemp(work))
		return 1;
	snprintf(input_dir, sizeof input_dir, "%.250s/input", work);
	mkdir(input_dir, 0755);
	char path[400];
	snprintf(path, sizeof path, "%s/frames", work);
	mkdir(path, 0755);
	signal(SIGPIPE, SIG_IGN);

	struct session session;
	CHECK(session_load(&session, NULL));
	const struct situation *situation = session.situation;

	struct fake_node touch, clicker, mouse, keys;
	CHECK(fake_node_plug(&touch, input_dir, "event0"));
	CHECK(fake_node_plug(&clicker, input_dir, "event1"));
	struct kiosk_run *run = calloc(1, sizeof *run);
	kiosk_start(run,
	            "event0=touch,event1=clicker,event2=spotlight-mouse,"
	            "event3=spotlight-keys",
	            NULL);
	CHECK(kiosk_wait_devices(run, 2));
	CHECK(fake_node_accept(&touch, WAIT_MS));
	CHECK(fake_node_accept(&clicker, WAIT_MS));
	CHECK(run->width > 0 && run->node_count == situation->node_count);
	/* Event times on the monotonic clock: the wall clock steps when the
	 * time is set after boot, and a step would cancel or invent taps. */
	CHECK_INT_EQ(fake_node_clock(&touch, WAIT_MS), CLOCK_MONOTONIC);
	CHECK_INT_EQ(fake_node_clock(&clicker, WAIT_MS), CLOCK_MONOTONIC);

	clicker_session(run, &clicker, situation);
	touch_session(run, &touch, &clicker, situation);

	/* Unplugged: the device is closed; plugged back: it works again. */
	fake_node_unplug(&clicker);
	CHECK(kiosk_wait_devices(run, 1));
	CHECK(fake_node_plug(&clicker, input_dir, "event1"));
	CHECK(kiosk_wait_devices(run, 2));
	CHECK(fake_node_accept(&clicker, WAIT_MS));
	CHECK_INT_EQ(fake_node_clock(&clicker, WAIT_MS), CLOCK_MONOTONIC); /* a new descriptor */
	press(&clicker, KEY_END);
	struct phase_position last = phase_last(situation);
	CHECK(kiosk_wait_position(run, situation, last, "blank=0"));

	/* A Spotlight-like remote: a mouse node and a keyboard node. */
	CHECK(fake_node_plug(&mouse, input_dir, "event2"));
	CHECK(fake_node_plug(&keys, input_dir, "event3"));
	CHECK(kiosk_wait_devices(run, 4));
	CHECK(fake_node_accept(&mouse, WAIT_MS));
	CHECK(fake_node_accept(&keys, WAIT_MS));
	CHECK_INT_EQ(fake_node_clock(&mouse, WAIT_MS), CLOCK_MONOTONIC);
	CHECK_INT_EQ(fake_node_clock(&keys, WAIT_MS), CLOCK_MONOTONIC);
	struct fake_frame frame = {0};
	frame_add(&frame, EV_REL, REL_X, 5);
	frame_add(&frame, EV_REL, REL_Y, -3);
	node_send(&mouse, &frame);
	press(&keys, KEY_LEFT);
	phase_previous(situation, &last);
	CHECK(kiosk_wait_position(run, situation, last, "blank=0"));
	press(&keys, KEY_RIGHT);
	last = phase_last(situation);
	CHECK(kiosk_wait_position(run, situation, last, "blank=0"));

	kill(run->pid, SIGTERM);
	int status = 0;
	waitpid(run->pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	fake_node_unplug(&touch);
	fake_node_unplug(&clicker);
	fake_node_unplug(&mouse);
	fake_node_unplug(&keys);
	close(run->out_fd);
	free(run);
	pointer_session(situation);
	session_free(&session);

	keyboard_chooser_session();
	char command[400];
	snprintf(command, sizeof command, "rm -rf '%s'", work);
	CHECK(system(command) == 0);
	return check_report("test_input_replay");
}
