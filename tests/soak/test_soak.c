/*
 * test_soak: a long seeded stream of random input against the real kiosk
 * loop, measuring that nothing grows and nothing leaks.
 *
 * The real binary runs under SDL's dummy video driver with the fake evdev
 * shim preloaded (tests/input/fake_evdev_shim.c): a touch table and a
 * clicker are fake nodes in --input-dir, and USB keys are tmpfs mounts moved
 * under --media, in a private mount namespace of this process (so nothing
 * shows outside it). The stream: clicker presses (next, previous, first,
 * last, blank, clear), taps of one to five fingers anywhere, double taps,
 * pinches, drags; every 1,000 events a key goes in or out (one situation,
 * two for the chooser, a good and a bad one, a bad one alone, no
 * situation), and once, halfway, the touch table is unplugged and plugged
 * back. It does not wait for a frame per event: every SYNC_EVERY events it
 * waits for the kiosk to show a blank then a lit screen (clicker events are
 * handled in order, so all sent before were handled), which keeps the
 * kiosk's queue short; the sockets' buffers hold the rest back.
 *
 * Measured: the kiosk's peak RSS over a warm-up (every kind of key seen,
 * the text cache mostly filled: see RSS_MARGIN_KIB) and its VmRSS at the
 * end, on the idle screen with no key in; more than RSS_MARGIN_KIB over it
 * fails (not
 * checked under AddressSanitizer, whose quarantine grows by design). It
 * ends with SIGTERM so LeakSanitizer runs at exit: any sanitizer report in
 * the kiosk's stderr fails. Usage: test_soak [EVENTS [BINARY [SEED]]];
 * EVENTS defaults to 100,000, or 20,000 for a sanitizer build of the kiosk.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "fake_devices.h"
#include "fake_keys.h"
#include "fake_nodes.h"

enum {
	DEFAULT_EVENTS = 100000,
	SANITIZED_EVENTS = 20000, /* ASan's kiosk is some 5 times slower */
	WARMUP_EVENTS = 30000,    /* 15 keys: every kind 3 times; zooms of all sizes */
	KEY_EVERY = 1000,         /* a key in, or out, every KEY_EVERY events */
	SYNC_EVERY = 250,
	WAIT_MS = 20000, /* silence longer than this: the kiosk stopped answering */
	QUIET_MS = 40,
	/* The kiosk's RSS is not flat after a warm-up, by design: the text
	 * cache keeps up to TEXT_CACHE_MAX label textures and TEXT_FONT_MAX
	 * fonts, and pinches ask for labels at ever new pixel sizes, so it
	 * fills in steps until some 150,000 events (measured: from 21.5 to
	 * 26.7 MiB, then flat to 300,000). So the end is compared with the
	 * peak RSS of the warm-up (VmHWM); over ten seeds the end's VmRSS was
	 * 0.03 to 4.0 MiB over it, the upper figures when the warm-up had
	 * drawn few zoomed frames. 6 MiB (the cache's whole 5.2 MiB span and
	 * some) still catches a growth of 90 bytes per event, or 180 KiB per
	 * key put in (a situation not freed but still referenced). Memory no
	 * longer referenced is LeakSanitizer's job, exact, in the sanitizer
	 * run. */
	RSS_MARGIN_KIB = 6144,
	MAX_FILES = 3,
	MAX_NODES = 512,
};

struct key_kind {
	const char *sources[MAX_FILES]; /* "good" or "bad", then the file's name */
	const char *names[MAX_FILES];
	const char *expected; /* the start of the first screen reported */
};

static const struct key_kind key_kinds[] = {
    {{"good"}, {"famille.situation"}, "screen situation phase=1"},
    {{"good", "good"}, {"a.situation", "b.situation"}, "screen chooser files=2 selected=1 bad=0"},
    {{"good", "bad"}, {"a.situation", "b.situation"}, "screen chooser files=2 selected=1 bad=1"},
    {{"bad"}, {"seule.situation"}, "screen errors count="},
    {{NULL}, {NULL}, "screen empty"},
};
enum { KEY_KIND_COUNT = sizeof key_kinds / sizeof *key_kinds };

/* The clicker's buttons, repeated by how often a presenter presses them;
 * clearing outweighs blanking, so the screen is blank about a fourth of the
 * time and the rest of the stream reaches the diagram. */
static const unsigned clicker_keys[] = {
    KEY_PAGEDOWN, KEY_PAGEDOWN, KEY_PAGEDOWN, KEY_PAGEDOWN, KEY_PAGEDOWN, KEY_PAGEDOWN,
    KEY_PAGEUP,   KEY_PAGEUP,   KEY_PAGEUP,   KEY_HOME,     KEY_END,      KEY_ESC,
    KEY_ESC,      KEY_F5,       KEY_F5,       KEY_B,        KEY_DOT,
};

struct soak {
	char work[256];
	char input_dir[300];
	char key_dir[300];
	char stage_dir[300];
	char err_path[300];
	const char *binary;
	pid_t pid;
	int out_fd;
	char buffer[1 << 16];
	size_t length;
	char state[512];  /* the last "state ..." line read */
	char screen[256]; /* the last "screen ..." line read */
	int devices;
	int width; /* of the last layout reported, and its nodes' centres */
	int height;
	size_t node_count;
	float node_xy[MAX_NODES][2];
	size_t lit_reports; /* states with a spotlight on: taps reach nodes */
	struct fake_node touch;
	struct fake_node clicker;
	uint64_t rng;
	uint64_t clock_us; /* the recording's own clock */
	int tracking_id;
	bool is_key_in;
	size_t insertions;
	size_t removals;
	size_t syncs;
	size_t lines;
};

static uint32_t soak_random(struct soak *soak, uint32_t below)
{
	soak->rng ^= soak->rng << 13; /* xorshift64: the same stream for a seed */
	soak->rng ^= soak->rng >> 7;
	soak->rng ^= soak->rng << 17;
	return (uint32_t)((soak->rng >> 32) % below);
}

static double now_s(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void soak_line(struct soak *soak, const char *line)
{
	soak->lines++;
	if (getenv("SOAK_VERBOSE") && strncmp(line, "node ", 5) != 0)
		fprintf(stderr, "kiosk: %s\n", line);
	unsigned long index;
	float x, y;
	if (strncmp(line, "state ", 6) == 0) {
		snprintf(soak->state, sizeof soak->state, "%s ", line);
		soak->lit_reports += strstr(line, " spotlights=0 ") == NULL;
	} else if (sscanf(line, "layout width=%d height=%d", &soak->width, &soak->height) == 2) {
		soak->node_count = 0;
	} else if (sscanf(line, "node %lu x=%f y=%f", &index, &x, &y) == 3 && index < MAX_NODES) {
		soak->node_xy[index][0] = x;
		soak->node_xy[index][1] = y;
		soak->node_count = index + 1 > soak->node_count ? index + 1 : soak->node_count;
	} else if (strncmp(line, "screen ", 7) == 0)
		snprintf(soak->screen, sizeof soak->screen, "%.250s", line);
	else
		sscanf(line, "input devices=%d", &soak->devices);
}

/* Reads one line of the kiosk's reports; false after `timeout_ms` of
 * silence or when it closed its output (it died). */
static bool soak_read_line(struct soak *soak, int timeout_ms, char *line, size_t size)
{
	for (;;) {
		char *newline = memchr(soak->buffer, '\n', soak->length);
		if (newline) {
			size_t length = (size_t)(newline - soak->buffer);
			snprintf(line, size, "%.*s", (int)length, soak->buffer);
			memmove(soak->buffer, newline + 1, soak->length - length - 1);
			soak->length -= length + 1;
			soak_line(soak, line);
			return true;
		}
		if (soak->length == sizeof soak->buffer - 1)
			soak->length = 0; /* a line longer than the buffer: not a report */
		struct pollfd ready = {.fd = soak->out_fd, .events = POLLIN};
		if (poll(&ready, 1, timeout_ms) != 1)
			return false;
		ssize_t got = read(soak->out_fd, soak->buffer + soak->length,
		                   sizeof soak->buffer - soak->length - 1);
		if (got <= 0)
			return false;
		soak->length += (size_t)got;
	}
}

/* Reads what the kiosk printed until it is quiet for `quiet_ms`. */
static void soak_drain(struct soak *soak, int quiet_ms)
{
	char line[1024];
	while (soak_read_line(soak, quiet_ms, line, sizeof line))
		;
}

/* Until the kiosk's state holds `word` (" blank=1 "): the last state read
 * counts, since a state the kiosk is already in is not reported again. */
static bool soak_wait_state(struct soak *soak, const char *word)
{
	char line[1024];
	while (!strstr(soak->state, word))
		if (!soak_read_line(soak, WAIT_MS, line, sizeof line)) {
			fprintf(stderr, "test_soak: no state with%s; last: %s\n", word,
			        soak->state);
			return false;
		}
	return true;
}

/* Until a new screen report; true when it starts with `expected`. */
static bool soak_wait_screen(struct soak *soak, const char *expected)
{
	char line[1024];
	while (soak_read_line(soak, WAIT_MS, line, sizeof line))
		if (strncmp(line, "screen ", 7) == 0) {
			if (strncmp(line, expected, strlen(expected)) == 0)
				return true;
			fprintf(stderr, "test_soak: expected '%s', got '%s'\n", expected, line);
			return false;
		}
	fprintf(stderr, "test_soak: no screen report (expected '%s')\n", expected);
	return false;
}

static bool soak_wait_devices(struct soak *soak, int count)
{
	char line[1024];
	while (soak->devices != count)
		if (!soak_read_line(soak, WAIT_MS, line, sizeof line)) {
			fprintf(stderr, "test_soak: %d devices, never %d\n", soak->devices, count);
			return false;
		}
	return true;
}

static bool press(struct soak *soak, unsigned code)
{
	struct fake_frame frame = {0};
	soak->clock_us += 150000;
	fake_frame_add(&frame, soak->clock_us, EV_KEY, code, 1);
	bool is_sent = fake_node_send(&soak->clicker, &frame, soak->clock_us);
	soak->clock_us += 80000;
	fake_frame_add(&frame, soak->clock_us, EV_KEY, code, 0);
	return fake_node_send(&soak->clicker, &frame, soak->clock_us) && is_sent;
}

/* Clear, blank, then clear again, waiting for each screen: clicker
 * events are handled in order, so every one sent before was handled. */
static bool soak_sync(struct soak *soak)
{
	soak->syncs++;
	return press(soak, KEY_ESC) && press(soak, KEY_B) && soak_wait_state(soak, " blank=1 ") &&
	       press(soak, KEY_ESC) && soak_wait_state(soak, " blank=0 ");
}

/* A synced, quiet kiosk, not blank: the state to mount, unmount, measure. */
static bool soak_settle(struct soak *soak)
{
	bool is_synced = soak_sync(soak);
	soak_drain(soak, QUIET_MS);
	return is_synced && strstr(soak->state, " blank=0 ") != NULL;
}

/* --- gestures on the touch table (raw units, no calibration) --- */

static void finger_at(struct soak *soak, struct fake_frame *frame, int slot, int x, int y,
                      bool is_new)
{
	fake_frame_add(frame, soak->clock_us, EV_ABS, ABS_MT_SLOT, slot);
	if (is_new) {
		soak->tracking_id = (soak->tracking_id + 1) % 60000;
		fake_frame_add(frame, soak->clock_us, EV_ABS, ABS_MT_TRACKING_ID,
		               soak->tracking_id);
	}
	x = x < 0 ? 0 : x > FAKE_TOUCH_MAX ? FAKE_TOUCH_MAX : x;
	y = y < 0 ? 0 : y > FAKE_TOUCH_MAX ? FAKE_TOUCH_MAX : y;
	fake_frame_add(frame, soak->clock_us, EV_ABS, ABS_MT_POSITION_X, x);
	fake_frame_add(frame, soak->clock_us, EV_ABS, ABS_MT_POSITION_Y, y);
}

static bool fingers_up(struct soak *soak, struct fake_frame *frame, int count)
{
	for (int k = 0; k < count; k++) {
		fake_frame_add(frame, soak->clock_us, EV_ABS, ABS_MT_SLOT, k);
		fake_frame_add(frame, soak->clock_us, EV_ABS, ABS_MT_TRACKING_ID, -1);
	}
	return fake_node_send(&soak->touch, frame, soak->clock_us);
}

/* `count` fingers down together, rolling a little, lifted 40 to 160 ms on. */
static bool tap(struct soak *soak, int count, int x, int y)
{
	struct fake_frame frame = {0};
	int points[5][2];
	for (int k = 0; k < count; k++) {
		points[k][0] = k ? (int)soak_random(soak, FAKE_TOUCH_MAX) : x;
		points[k][1] = k ? (int)soak_random(soak, FAKE_TOUCH_MAX) : y;
		finger_at(soak, &frame, k, points[k][0], points[k][1], true);
	}
	bool is_sent = fake_node_send(&soak->touch, &frame, soak->clock_us);
	soak->clock_us += 20000 + soak_random(soak, 60000);
	for (int k = 0; k < count; k++)
		finger_at(soak, &frame, k, points[k][0] + (int)soak_random(soak, 20),
		          points[k][1] + (int)soak_random(soak, 20), false);
	is_sent &= fake_node_send(&soak->touch, &frame, soak->clock_us);
	soak->clock_us += 20000 + soak_random(soak, 80000);
	return fingers_up(soak, &frame, count) && is_sent;
}

/* Two fingers spreading or closing around a point, in a few frames. */
static bool pinch(struct soak *soak)
{
	struct fake_frame frame = {0};
	int cx = (int)soak_random(soak, FAKE_TOUCH_MAX),
	    cy = (int)soak_random(soak, FAKE_TOUCH_MAX);
	int from = 500 + (int)soak_random(soak, 8000), to = 500 + (int)soak_random(soak, 8000);
	int steps = 2 + (int)soak_random(soak, 8);
	bool is_sent = true;
	for (int s = 0; s <= steps; s++) {
		int half = (from + (to - from) * s / steps) / 2;
		finger_at(soak, &frame, 0, cx - half, cy, s == 0);
		finger_at(soak, &frame, 1, cx + half, cy, s == 0);
		is_sent &= fake_node_send(&soak->touch, &frame, soak->clock_us);
		soak->clock_us += 16000;
	}
	return fingers_up(soak, &frame, 2) && is_sent;
}

/* One finger dragged far: no tap may come of it. */
static bool drag(struct soak *soak)
{
	struct fake_frame frame = {0};
	int x = (int)soak_random(soak, FAKE_TOUCH_MAX), y = (int)soak_random(soak, FAKE_TOUCH_MAX);
	int dx = (int)soak_random(soak, 4000) - 2000, dy = (int)soak_random(soak, 4000) - 2000;
	bool is_sent = true;
	for (int s = 0; s < 6; s++) {
		finger_at(soak, &frame, 0, x + dx * s, y + dy * s, s == 0);
		is_sent &= fake_node_send(&soak->touch, &frame, soak->clock_us);
		soak->clock_us += 16000;
	}
	return fingers_up(soak, &frame, 1) && is_sent;
}

static bool random_event(struct soak *soak)
{
	soak->clock_us += 50000 + soak_random(soak, 1200000);
	uint32_t dice = soak_random(soak, 100);
	if (dice < 45)
		return press(
		    soak,
		    clicker_keys[soak_random(soak, sizeof clicker_keys / sizeof *clicker_keys)]);
	int x = (int)soak_random(soak, FAKE_TOUCH_MAX), y = (int)soak_random(soak, FAKE_TOUCH_MAX);
	if (soak->node_count && soak->width > 0 && soak->height > 0 && soak_random(soak, 2)) {
		/* Half the taps aimed at a node of the last layout (unzoomed). */
		const float *node = soak->node_xy[soak_random(soak, (uint32_t)soak->node_count)];
		x = (int)(node[0] * FAKE_TOUCH_MAX / (float)soak->width);
		y = (int)(node[1] * FAKE_TOUCH_MAX / (float)soak->height);
	}
	if (dice < 65)
		return tap(soak, 1, x, y);
	if (dice < 75) {
		static const int fingers[] = {2, 2, 2, 3, 3, 4, 5};
		return tap(soak, fingers[soak_random(soak, sizeof fingers / sizeof *fingers)], x,
		           y);
	}
	if (dice < 80) { /* a double tap: the second 150 ms after the first */
		bool is_sent = tap(soak, 1, x, y);
		soak->clock_us += 60000;
		return tap(soak, 1, x, y) && is_sent;
	}
	if (dice < 93)
		return pinch(soak);
	return drag(soak);
}

/* --- USB keys: tmpfs filled aside, then moved under --media at once --- */

static bool key_insert(struct soak *soak, const struct key_kind *kind)
{
	if (mount("tmpfs", soak->stage_dir, "tmpfs", 0, "size=4m") != 0)
		return false;
	bool is_filled = true;
	for (size_t k = 0; k < MAX_FILES && kind->sources[k]; k++) {
		char to[400];
		snprintf(to, sizeof to, "%s/%s", soak->stage_dir, kind->names[k]);
		is_filled &= fake_key_copy_file(strcmp(kind->sources[k], "good") == 0
		                                    ? CONCERTO_SOURCE_DIR "/assets/demo.situation"
		                                    : TESTS_DATA_DIR "/errors.situation",
		                                to);
	}
	if (mount(soak->stage_dir, soak->key_dir, NULL, MS_MOVE, NULL) != 0) {
		umount2(soak->stage_dir, MNT_DETACH);
		return false;
	}
	soak->is_key_in = true;
	soak->insertions++;
	return is_filled;
}

static bool key_remove(struct soak *soak)
{
	soak->is_key_in = false;
	soak->removals++;
	return umount2(soak->key_dir, 0) == 0 || umount2(soak->key_dir, MNT_DETACH) == 0;
}

/* In or out, the kiosk shows the screen that goes with it. */
static void key_toggle(struct soak *soak, size_t event)
{
	CHECK(soak_settle(soak));
	if (soak->is_key_in) {
		CHECK(key_remove(soak));
		CHECK(soak_wait_screen(soak, "screen idle"));
		return;
	}
	/* Every kind in turn while warming up, then at random. */
	size_t index = event <= WARMUP_EVENTS ? soak->insertions % KEY_KIND_COUNT
	                                      : soak_random(soak, KEY_KIND_COUNT);
	CHECK(key_insert(soak, &key_kinds[index]));
	CHECK(soak_wait_screen(soak, key_kinds[index].expected));
}

/* --- the kiosk process --- */

static void kiosk_start(struct soak *soak)
{
	int out[2];
	if (pipe2(out, O_CLOEXEC) != 0)
		exit(1);
	char media[300];
	snprintf(media, sizeof media, "%s/media", soak->work);
	soak->pid = fork();
	if (soak->pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL); /* no kiosk left if the test is killed */
		dup2(out[1], 1);
		int err = open(soak->err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (err < 0 || dup2(err, 2) < 0 || chdir(soak->work) != 0)
			_exit(127);
		setenv("SDL_VIDEODRIVER", "dummy", 1);
		setenv("LD_PRELOAD", CONCERTO_SHIM, 1);
		setenv("CONCERTO_FAKE_INPUT", soak->input_dir, 1);
		setenv("CONCERTO_FAKE_DEVICES", "event0=touch,event1=clicker", 1);
		/* The sanitizer build: the shim is preloaded ahead of its runtime;
		 * leaks are looked for at exit, reported on stderr. */
		setenv("ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=1", 1);
		execl(soak->binary, soak->binary, "--windowed", "--config",
		      "/nonexistent/kiosk.conf", "--media", media, "--input-dir", soak->input_dir,
		      "--report-state", "--report-screens", (char *)NULL);
		_exit(127);
	}
	close(out[1]);
	soak->out_fd = out[0];
}

/* A field of /proc/PID/status in KiB, -1 when the process is gone. */
static long kiosk_status_kib(const struct soak *soak, const char *field)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)soak->pid);
	FILE *status = fopen(path, "r");
	long kib = -1;
	size_t length = strlen(field);
	while (status && fgets(line, sizeof line, status))
		if (strncmp(line, field, length) == 0 && line[length] == ':')
			kib = strtol(line + length + 1, NULL, 10);
	if (status)
		fclose(status);
	return kib;
}

static bool kiosk_is_sanitized(const struct soak *soak)
{
	char path[64], line[512];
	snprintf(path, sizeof path, "/proc/%d/maps", (int)soak->pid);
	FILE *maps = fopen(path, "r");
	bool is_sanitized = false;
	while (maps && !is_sanitized && fgets(line, sizeof line, maps))
		is_sanitized = strstr(line, "libasan") != NULL;
	if (maps)
		fclose(maps);
	return is_sanitized;
}

/* SIGTERM, then the exit status (-1: it had to be killed). */
static int kiosk_stop(struct soak *soak)
{
	kill(soak->pid, SIGTERM);
	int status = 0;
	for (int waited = 0; waited < 600; waited++) { /* LeakSanitizer takes a while */
		if (waitpid(soak->pid, &status, WNOHANG) == soak->pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		usleep(100000);
	}
	kill(soak->pid, SIGKILL);
	waitpid(soak->pid, &status, 0);
	return -1;
}

/* Sanitizer reports in the kiosk's stderr: printed, and counted. */
static int sanitizer_reports(const struct soak *soak)
{
	FILE *err = fopen(soak->err_path, "r");
	char line[1024];
	int reports = 0;
	while (err && fgets(line, sizeof line, err))
		if (strstr(line, "LeakSanitizer") || strstr(line, "AddressSanitizer") ||
		    strstr(line, "runtime error:") || reports) {
			reports += reports < 40; /* the report's first lines, for the log */
			fprintf(stderr, "kiosk: %s", line);
		}
	if (err)
		fclose(err);
	return reports;
}

static bool make_dirs(struct soak *soak)
{
	snprintf(soak->work, sizeof soak->work, "/tmp/concerto-soak-XXXXXX");
	if (!mkdtemp(soak->work))
		return false;
	char media[300];
	snprintf(soak->input_dir, sizeof soak->input_dir, "%s/input", soak->work);
	snprintf(media, sizeof media, "%s/media", soak->work);
	snprintf(soak->key_dir, sizeof soak->key_dir, "%s/media/key", soak->work);
	snprintf(soak->stage_dir, sizeof soak->stage_dir, "%s/stage", soak->work);
	snprintf(soak->err_path, sizeof soak->err_path, "%s/kiosk.err", soak->work);
	return mkdir(soak->input_dir, 0755) == 0 && mkdir(media, 0755) == 0 &&
	       mkdir(soak->key_dir, 0755) == 0 && mkdir(soak->stage_dir, 0755) == 0;
}

/* Halfway: the touch table unplugged and plugged back. */
static void replug_touch(struct soak *soak)
{
	fake_node_unplug(&soak->touch);
	CHECK(soak_wait_devices(soak, 1));
	CHECK(fake_node_plug(&soak->touch, soak->input_dir, "event0"));
	CHECK(soak_wait_devices(soak, 2));
	CHECK(fake_node_accept(&soak->touch, WAIT_MS));
}

int main(int argc, char **argv)
{
	size_t events = argc > 1 ? strtoul(argv[1], NULL, 10) : 0;
	static struct soak soak_storage;
	struct soak *soak = &soak_storage;
	static char binary[4096];
	/* Absolute: the kiosk runs in the work folder. */
	soak->binary = argc > 2 && realpath(argv[2], binary) ? binary : CONCERTO_BINARY;
	soak->rng = argc > 3 ? strtoull(argv[3], NULL, 10) : 20261130;
	soak->rng += soak->rng == 0;
	soak->clock_us = 1000000000;
	if (!fake_key_enter_mount_namespace()) {
		printf("test_soak: skipped (needs root and mount namespaces)\n");
		return 77;
	}
	signal(SIGPIPE, SIG_IGN);
	if (!make_dirs(soak))
		return 1;

	CHECK(fake_node_plug(&soak->touch, soak->input_dir, "event0"));
	CHECK(fake_node_plug(&soak->clicker, soak->input_dir, "event1"));
	kiosk_start(soak);
	CHECK(soak_wait_devices(soak, 2));
	CHECK(fake_node_accept(&soak->touch, WAIT_MS));
	CHECK(fake_node_accept(&soak->clicker, WAIT_MS));
	CHECK(soak_wait_state(soak, " blank=0 "));
	bool is_sanitized = kiosk_is_sanitized(soak);
	if (events == 0)
		events = is_sanitized ? SANITIZED_EVENTS : DEFAULT_EVENTS;
	size_t warmup = events * 3 / 10 < WARMUP_EVENTS ? events * 3 / 10 : WARMUP_EVENTS;

	double start = now_s(), warm = start;
	long rss_start = -1, peak_start = -1;
	size_t sent = 0, failed_sends = 0;
	for (size_t event = 0; event < events && check_counts.failed == 0; event++) {
		if (event > 0 && event % KEY_EVERY == 0)
			key_toggle(soak, event);
		if (event == events / 2) {
			CHECK(soak_settle(soak));
			replug_touch(soak);
		}
		if (event == warmup) {
			CHECK(!soak->is_key_in && soak_settle(soak));
			rss_start = kiosk_status_kib(soak, "VmRSS");
			peak_start = kiosk_status_kib(soak, "VmHWM");
			warm = now_s();
			printf("after %zu events (warm-up): VmRSS %ld KiB, peak %ld KiB\n", event,
			       rss_start, peak_start);
		} else if (event > warmup && event % 10000 == 0) {
			printf("after %zu events: VmRSS %ld KiB\n", event,
			       kiosk_status_kib(soak, "VmRSS"));
		}
		if (!random_event(soak))
			failed_sends++;
		sent++;
		soak_drain(soak, 0); /* its reports must not fill the pipe */
		if (sent % SYNC_EVERY == 0 && !soak_sync(soak)) {
			CHECK(!"the kiosk answers");
			break;
		}
	}
	CHECK_INT_EQ(failed_sends, 0);
	if (soak->is_key_in) {
		CHECK(soak_settle(soak));
		CHECK(key_remove(soak));
		CHECK(soak_wait_screen(soak, "screen idle"));
	}
	CHECK(soak_settle(soak)); /* still answering after the whole stream */
	double end = now_s();
	long rss_end = kiosk_status_kib(soak, "VmRSS");
	long rss_peak = kiosk_status_kib(soak, "VmHWM");
	CHECK(rss_start > 0 && rss_end > 0);
	printf("events sent: %zu (%zu key insertions, %zu removals, 1 touch replug, %zu syncs)\n",
	       sent, soak->insertions, soak->removals, soak->syncs);
	printf("duration: %.1f s, %.0f events/s (%zu report lines read, %zu with a spotlight)\n",
	       end - start, (double)sent / (end - start), soak->lines, soak->lit_reports);
	printf("VmRSS after warm-up: %ld KiB, at the end: %ld KiB (%+ld KiB over %.1f s); "
	       "peak %ld KiB after warm-up, %ld KiB at the end\n",
	       rss_start, rss_end, rss_end - rss_start, end - warm, peak_start, rss_peak);
	printf("growth checked: end VmRSS - warm-up peak = %+ld KiB (margin %d KiB)%s\n",
	       rss_end - peak_start, RSS_MARGIN_KIB,
	       is_sanitized ? "; AddressSanitizer build: not checked" : "");
	if (!is_sanitized)
		CHECK(rss_end - peak_start <= RSS_MARGIN_KIB);

	int status = kiosk_stop(soak);
	printf("kiosk exit status after SIGTERM: %d%s\n", status,
	       is_sanitized ? " (LeakSanitizer ran)" : "");
	CHECK_INT_EQ(status, 0);
	CHECK_INT_EQ(sanitizer_reports(soak), 0);
	if (check_counts.failed) {
		char command[400];
		snprintf(command, sizeof command, "tail -n 20 '%.300s' >&2", soak->err_path);
		CHECK(system(command) == 0);
	}
	fake_node_unplug(&soak->touch);
	fake_node_unplug(&soak->clicker);
	close(soak->out_fd);
	umount2(soak->key_dir, MNT_DETACH);
	umount2(soak->stage_dir, MNT_DETACH);
	char command[400];
	snprintf(command, sizeof command, "rm -rf '%.250s'", soak->work);
	CHECK(system(command) == 0);
	return check_report("test_soak");
}
