/*
 * test_calibrate: `concerto --calibrate` driven through the real libevdev
 * path (the fake evdev shim, as test_input_replay does) by a touch table
 * whose glass is skewed and offset from the screen by a known affine map.
 *
 * The binary runs under SDL's dummy driver and says on stderr where each
 * target is; the test touches the raw point the skewed table would report
 * there. Checked: a touch nowhere near the target and four touches that do
 * not agree both start the sequence again; the printed calibration sends
 * each raw touch back onto its target within a pixel, although the
 * configuration already held another calibration (it must be ignored), and
 * with rotation and mirroring applied first; `--check-config` accepts the
 * printed lines; Esc on the clicker cancels with exit 1 and prints nothing.
 * A finger held on a target for a second, or slid onto it, counts where it
 * lifted; a slide lifted nearer another target starts again with a notice.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "fake_devices.h"
#include "fake_nodes.h"

enum { WAIT_MS = 10000, POINTS = 4 };

/* One run of the binary: its stderr read line by line, stdout at the end. */
struct run {
	pid_t pid;
	int out_fd;
	int err_fd;
	char err[1 << 14];
	size_t err_length;
	int width;
	int height;
	int target; /* the last announced, 1-based */
	float target_x;
	float target_y;
	int too_far; /* notices seen */
	int disagree;
	int cancelled;
};

/* How the fake table is turned and its glass misaligned: the screen point
 * (normalised) a finger is on gives the table's normalised point. */
struct table {
	const char *config; /* the kiosk.conf the run reads */
	int rotation;
	int is_mirrored_x;
	int is_mirrored_y;
	float skew[6]; /* rotated-and-mirrored point = skew * (screen x, y, 1) */
};

static char work[256];
static char input_dir[300]; /* work/input: the fake nodes */
static uint64_t clock_us = 1000000000;

/* Sends `count` events as one frame, closed by SYN_REPORT. */
static void node_send(struct fake_node *node, const unsigned (*events)[3], size_t count)
{
	struct fake_frame frame = {0};
	for (size_t k = 0; k < count; k++)
		fake_frame_add(&frame, clock_us, events[k][0], events[k][1], (int)events[k][2]);
	CHECK(fake_node_send(node, &frame, clock_us));
}

static void touch_raw(struct fake_node *touch, int raw_x, int raw_y)
{
	static int tracking_id = 10;
	clock_us += 1000000;
	const unsigned down[][3] = {{EV_ABS, ABS_MT_SLOT, 0},
	                            {EV_ABS, ABS_MT_TRACKING_ID, (unsigned)tracking_id++},
	                            {EV_ABS, ABS_MT_POSITION_X, (unsigned)raw_x},
	                            {EV_ABS, ABS_MT_POSITION_Y, (unsigned)raw_y}};
	node_send(touch, down, 4);
	clock_us += 60000;
	const unsigned up[][3] = {{EV_ABS, ABS_MT_SLOT, 0}, {EV_ABS, ABS_MT_TRACKING_ID, -1u}};
	node_send(touch, up, 2);
}

/* A finger down on the first raw point, moved through the others, lifted
 * `hold_us` after it came down. */
static void touch_path(struct fake_node *touch, const int (*raw)[2], int count, uint64_t hold_us)
{
	static int tracking_id = 5000;
	clock_us += 1000000;
	uint64_t down_us = clock_us;
	const unsigned down[][3] = {{EV_ABS, ABS_MT_SLOT, 0},
	                            {EV_ABS, ABS_MT_TRACKING_ID, (unsigned)tracking_id++},
	                            {EV_ABS, ABS_MT_POSITION_X, (unsigned)raw[0][0]},
	                            {EV_ABS, ABS_MT_POSITION_Y, (unsigned)raw[0][1]}};
	node_send(touch, down, 4);
	for (int k = 1; k < count; k++) {
		clock_us = down_us + hold_us * (uint64_t)k / (uint64_t)count;
		const unsigned move[][3] = {{EV_ABS, ABS_MT_SLOT, 0},
		                            {EV_ABS, ABS_MT_POSITION_X, (unsigned)raw[k][0]},
		                            {EV_ABS, ABS_MT_POSITION_Y, (unsigned)raw[k][1]}};
		node_send(touch, move, 3);
	}
	clock_us = down_us + hold_us;
	const unsigned up[][3] = {{EV_ABS, ABS_MT_SLOT, 0}, {EV_ABS, ABS_MT_TRACKING_ID, -1u}};
	node_send(touch, up, 2);
}

static void press(struct fake_node *clicker, unsigned code)
{
	clock_us += 200000;
	const unsigned down[][3] = {{EV_KEY, code, 1}};
	node_send(clicker, down, 1);
	clock_us += 80000;
	const unsigned up[][3] = {{EV_KEY, code, 0}};
	node_send(clicker, up, 1);
}

/* The table's raw units for a finger on screen point (x, y) pixels: the
 * skew, then rotation and mirroring undone (touch_map applies them). */
static void table_raw(const struct run *run, const struct table *table, float x, float y,
                      float rotated[2], int raw[2])
{
	float sx = x / (float)run->width, sy = y / (float)run->height;
	const float *m = table->skew;
	float ru = m[0] * sx + m[1] * sy + m[2], rv = m[3] * sx + m[4] * sy + m[5];
	rotated[0] = ru;
	rotated[1] = rv;
	if (table->is_mirrored_x)
		ru = 1 - ru;
	if (table->is_mirrored_y)
		rv = 1 - rv;
	float u = ru, v = rv;
	if (table->rotation == 90) { /* ru = 1 - v, rv = u */
		u = rv;
		v = 1 - ru;
	} else if (table->rotation == 180) {
		u = 1 - ru;
		v = 1 - rv;
	} else if (table->rotation == 270) { /* ru = v, rv = 1 - u */
		u = 1 - rv;
		v = ru;
	}
	raw[0] = (int)lroundf(u * FAKE_TOUCH_MAX);
	raw[1] = (int)lroundf(v * FAKE_TOUCH_MAX);
	/* What touch_map will see after rounding to raw units. */
	float back_u = (float)raw[0] / FAKE_TOUCH_MAX, back_v = (float)raw[1] / FAKE_TOUCH_MAX;
	float bu = back_u, bv = back_v;
	if (table->rotation == 90) {
		bu = 1 - back_v;
		bv = back_u;
	} else if (table->rotation == 180) {
		bu = 1 - back_u;
		bv = 1 - back_v;
	} else if (table->rotation == 270) {
		bu = back_v;
		bv = 1 - back_u;
	}
	rotated[0] = table->is_mirrored_x ? 1 - bu : bu;
	rotated[1] = table->is_mirrored_y ? 1 - bv : bv;
}

static void run_line(struct run *run, const char *line)
{
	if (getenv("CALIBRATE_VERBOSE"))
		fprintf(stderr, "calibrate: %s\n", line);
	if (sscanf(line, "concerto: calibration: target %d of 4 at %f,%f on %dx%d", &run->target,
	           &run->target_x, &run->target_y, &run->width, &run->height) == 5)
		return;
	run->too_far += strstr(line, "too far") != NULL;
	run->disagree += strstr(line, "do not agree") != NULL;
	run->cancelled += strstr(line, "cancelled") != NULL;
	/* The sanitizer build: a report in the child fails the test here. */
	CHECK(strstr(line, "runtime error") == NULL && strstr(line, "Sanitizer") == NULL);
}

/* Reads stderr until a "target N" line (N = wanted) has come. */
static bool run_wait_target(struct run *run, int wanted)
{
	run->target = 0;
	while (run->target != wanted) {
		char *newline = memchr(run->err, '\n', run->err_length);
		if (newline) {
			*newline = '\0';
			run_line(run, run->err);
			size_t used = (size_t)(newline - run->err) + 1;
			memmove(run->err, newline + 1, run->err_length - used);
			run->err_length -= used;
			continue;
		}
		struct pollfd ready = {.fd = run->err_fd, .events = POLLIN};
		if (poll(&ready, 1, WAIT_MS) != 1)
			break;
		ssize_t got = read(run->err_fd, run->err + run->err_length,
		                   sizeof run->err - run->err_length - 1);
		if (got <= 0)
			break;
		run->err_length += (size_t)got;
	}
	if (run->target != wanted && wanted > 0)
		fprintf(stderr, "timed out waiting for target %d\n", wanted);
	return run->target == wanted;
}

static void run_start(struct run *run, const char *config_path)
{
	int out[2], err[2];
	CHECK(pipe2(out, O_CLOEXEC) == 0 && pipe2(err, O_CLOEXEC) == 0);
	run->pid = fork();
	if (run->pid == 0) {
		dup2(out[1], 1);
		dup2(err[1], 2);
		setenv("SDL_VIDEODRIVER", "dummy", 1);
		setenv("LD_PRELOAD", CONCERTO_SHIM, 1);
		setenv("CONCERTO_FAKE_INPUT", input_dir, 1);
		setenv("CONCERTO_FAKE_DEVICES", "event0=touch,event1=clicker", 1);
		setenv("ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=1", 1);
		execl(CONCERTO_BINARY, CONCERTO_BINARY, "--calibrate", "--windowed", "--config",
		      config_path, "--input-dir", input_dir, (char *)NULL);
		_exit(127);
	}
	close(out[1]);
	close(err[1]);
	run->out_fd = out[0];
	run->err_fd = err[0];
}

/* Waits for the exit; its status, the rest of stderr read, stdout kept. */
static int run_finish(struct run *run, char *out, size_t out_size)
{
	size_t length = 0;
	ssize_t got;
	struct pollfd ready = {.fd = run->out_fd, .events = POLLIN};
	while (length + 1 < out_size && poll(&ready, 1, WAIT_MS) == 1 &&
	       (got = read(run->out_fd, out + length, out_size - length - 1)) > 0)
		length += (size_t)got;
	out[length] = '\0';
	run_wait_target(run, -1); /* drains stderr to its end */
	int status = -1;
	for (int k = 0; k < WAIT_MS / 10; k++) {
		if (waitpid(run->pid, &status, WNOHANG) == run->pid)
			break;
		struct timespec pause = {0, 10000000};
		nanosleep(&pause, NULL);
	}
	if (!WIFEXITED(status)) {
		kill(run->pid, SIGKILL);
		waitpid(run->pid, &status, 0);
		return -1;
	}
	close(run->out_fd);
	close(run->err_fd);
	return WEXITSTATUS(status);
}

static void write_file(const char *path, const char *text)
{
	FILE *file = fopen(path, "w");
	CHECK(file != NULL);
	if (file) {
		fputs(text, file);
		fclose(file);
	}
}

/* Touches the four announced targets where the table says; the rotated
 * and mirrored points the kiosk saw go into `seen`. */
static bool touch_targets(struct run *run, struct fake_node *touch, const struct table *table,
                          float seen[POINTS][2], float targets[POINTS][2])
{
	for (int k = 1; k <= POINTS; k++) {
		if (k > 1 && !run_wait_target(run, k)) /* target 1: announced already */
			return false;
		int raw[2];
		targets[k - 1][0] = run->target_x;
		targets[k - 1][1] = run->target_y;
		table_raw(run, table, run->target_x, run->target_y, seen[k - 1], raw);
		touch_raw(touch, raw[0], raw[1]);
	}
	return true;
}

/* How far the printed matrix puts the touches from their targets, pixels. */
static float worst_error(const struct run *run, const float m[6], float seen[POINTS][2],
                         float targets[POINTS][2])
{
	float worst = 0;
	for (int k = 0; k < POINTS; k++) {
		float x = (m[0] * seen[k][0] + m[1] * seen[k][1] + m[2]) * (float)run->width;
		float y = (m[3] * seen[k][0] + m[4] * seen[k][1] + m[5]) * (float)run->height;
		float error = hypotf(x - targets[k][0], y - targets[k][1]);
		worst = error > worst ? error : worst;
	}
	return worst;
}

static void calibrate_table(const struct table *table, bool is_checking_restarts)
{
	char config_path[400];
	snprintf(config_path, sizeof config_path, "%s/kiosk.conf", work);
	write_file(config_path, table->config);
	struct fake_node touch, clicker;
	CHECK(fake_node_plug(&touch, input_dir, "event0"));
	CHECK(fake_node_plug(&clicker, input_dir, "event1"));
	struct run *run = calloc(1, sizeof *run);
	run_start(run, config_path);
	CHECK(fake_node_accept(&touch, WAIT_MS));
	CHECK(fake_node_accept(&clicker, WAIT_MS));
	CHECK(run_wait_target(run, 1));
	CHECK(run->width > 0 && run->height > 0);
	if (is_checking_restarts) {
		/* Target 1 is top left: a touch at the bottom right is nowhere near. */
		touch_raw(&touch, FAKE_TOUCH_MAX * 9 / 10, FAKE_TOUCH_MAX * 9 / 10);
		CHECK(run_wait_target(run, 1));
		CHECK_INT_EQ(run->too_far, 1);
		/* Four touches each nearest its target, but a trapezoid no affine
		 * map fits: the first two at the corners, the last two pinched
		 * together towards the middle of the bottom edge. */
		const float wrong[POINTS][2] = {
		    {0.1f, 0.1f}, {0.9f, 0.1f}, {0.6f, 0.9f}, {0.4f, 0.9f}};
		for (int k = 0; k < POINTS; k++) {
			CHECK(k == 0 || run_wait_target(run, k + 1));
			touch_raw(&touch, (int)(wrong[k][0] * FAKE_TOUCH_MAX),
			          (int)(wrong[k][1] * FAKE_TOUCH_MAX));
		}
		CHECK(run_wait_target(run, 1));
		CHECK_INT_EQ(run->disagree, 1);
	}
	float seen[POINTS][2], targets[POINTS][2];
	CHECK(touch_targets(run, &touch, table, seen, targets));
	/* Done: any touch quits. */
	struct timespec pause = {0, 200000000};
	nanosleep(&pause, NULL);
	touch_raw(&touch, FAKE_TOUCH_MAX / 2, FAKE_TOUCH_MAX / 2);
	char out[2048];
	CHECK_INT_EQ(run_finish(run, out, sizeof out), 0);
	const char *line = strstr(out, "\ncalibration = ");
	float m[6] = {0};
	CHECK(line && sscanf(line, "\ncalibration = %f %f %f %f %f %f", &m[0], &m[1], &m[2], &m[3],
	                     &m[4], &m[5]) == 6);
	float worst = worst_error(run, m, seen, targets);
	printf("rotation %d mirror %d/%d: worst error %.3f px on %dx%d\n", table->rotation,
	       table->is_mirrored_x, table->is_mirrored_y, (double)worst, run->width, run->height);
	CHECK(worst < 1.0f);
	/* Every printed line goes into kiosk.conf as it is. */
	char checked_path[400], command[1000];
	snprintf(checked_path, sizeof checked_path, "%s/calibrated.conf", work);
	char conf[4096];
	snprintf(conf, sizeof conf, "%s%s", table->config, out);
	write_file(checked_path, conf);
	snprintf(command, sizeof command, "'%s' --check-config '%s' >/dev/null", CONCERTO_BINARY,
	         checked_path);
	CHECK_INT_EQ(system(command), 0);
	fake_node_unplug(&touch);
	fake_node_unplug(&clicker);
	free(run);
}

/* A calibration in English with a touch table and a clicker plugged in,
 * its first target on screen. */
static struct run *start_calibration(struct fake_node *touch, struct fake_node *clicker)
{
	char config_path[400];
	snprintf(config_path, sizeof config_path, "%s/kiosk.conf", work);
	write_file(config_path, "lang = en\n");
	CHECK(fake_node_plug(touch, input_dir, "event0"));
	CHECK(fake_node_plug(clicker, input_dir, "event1"));
	struct run *run = calloc(1, sizeof *run);
	run_start(run, config_path);
	CHECK(fake_node_accept(touch, WAIT_MS));
	CHECK(fake_node_accept(clicker, WAIT_MS));
	CHECK(run_wait_target(run, 1));
	return run;
}

static void cancel_with_clicker(void)
{
	struct fake_node touch, clicker;
	struct run *run = start_calibration(&touch, &clicker);
	touch_raw(&touch, FAKE_TOUCH_MAX / 10, FAKE_TOUCH_MAX / 10);
	CHECK(run_wait_target(run, 2));
	press(&clicker, KEY_ESC);
	char out[2048];
	CHECK_INT_EQ(run_finish(run, out, sizeof out), 1);
	CHECK_STR_EQ(out, "");
	CHECK_INT_EQ(run->cancelled, 1);
	fake_node_unplug(&touch);
	fake_node_unplug(&clicker);
	free(run);
}

/* The raw point under screen point (x, y) on a table without skew, moved
 * by (dx_mm, dy_mm) of glass (27 and 48 raw units per mm). */
static void flat_raw(const struct run *run, float x, float y, float dx_mm, float dy_mm, int raw[2])
{
	raw[0] = (int)lroundf(x / (float)run->width * FAKE_TOUCH_MAX + dx_mm * FAKE_TOUCH_RES_X);
	raw[1] = (int)lroundf(y / (float)run->height * FAKE_TOUCH_MAX + dy_mm * FAKE_TOUCH_RES_Y);
}

/* People calibrating carefully press and hold each cross, or slide onto
 * it: each counts where the finger lifted. */
static void hold_and_slide(void)
{
	struct fake_node touch, clicker;
	struct run *run = start_calibration(&touch, &clicker);
	int path[6][2];

	/* Target 1 held 800 ms, rolling a millimetre: target 2 comes. */
	flat_raw(run, run->target_x, run->target_y, 0, 0, path[0]);
	flat_raw(run, run->target_x, run->target_y, 1, 0.5f, path[1]);
	touch_path(&touch, (const int(*)[2])path, 2, 800000);
	bool is_held = run_wait_target(run, 2);
	CHECK(is_held);
	/* Target 2: slid onto it from 30 mm left and below, then lifted. */
	for (int k = 0; is_held && k < 4; k++)
		flat_raw(run, run->target_x, run->target_y, 10.0f * (float)(k - 3),
		         10.0f * (float)(3 - k), path[k]);
	if (is_held)
		touch_path(&touch, (const int(*)[2])path, 4, 300000);
	bool is_slid = is_held && run_wait_target(run, 3);
	CHECK(is_slid);
	/* Target 3: a wild slide from it to the first one, lifted there:
	 * nearer another target, so a notice and the first target again. */
	if (is_slid) {
		float first_x = (float)run->width * 0.1f, first_y = (float)run->height * 0.1f;
		flat_raw(run, run->target_x, run->target_y, 0, 0, path[0]);
		flat_raw(run, (run->target_x + first_x) / 2, (run->target_y + first_y) / 2, 0, 0,
		         path[1]);
		flat_raw(run, first_x, first_y, 0, 0, path[2]);
		touch_path(&touch, (const int(*)[2])path, 3, 400000);
		CHECK(run_wait_target(run, 1));
		CHECK_INT_EQ(run->too_far, 1);
	}

	/* Four again, each a way careful people touch: held a second and a
	 * half wobbling, slid in from the side, slid in from the middle of
	 * the screen, held still. The lifts, not the first contacts, make
	 * the calibration: it sends each lift onto its target. */
	float seen[POINTS][2], targets[POINTS][2];
	bool is_calibrated = is_slid;
	for (int k = 1; is_calibrated && k <= POINTS; k++) {
		is_calibrated = k == 1 || run_wait_target(run, k);
		if (!is_calibrated)
			break;
		float x = run->target_x, y = run->target_y;
		targets[k - 1][0] = x;
		targets[k - 1][1] = y;
		int count = 1;
		uint64_t hold_us = 900000;
		if (k == 1) {
			for (count = 0; count < 6; count++)
				flat_raw(run, x, y, (float)(count % 3) - 1, (float)(count % 2),
				         path[count]);
			hold_us = 1500000;
		} else if (k == 2) {
			for (count = 0; count < 5; count++)
				flat_raw(run, x, y, 8.0f * (float)(4 - count), 0, path[count]);
		} else if (k == 3) {
			flat_raw(run, (float)run->width / 2, (float)run->height / 2, 0, 0, path[0]);
			flat_raw(run, (x + (float)run->width / 2) / 2,
			         (y + (float)run->height / 2) / 2, 0, 0, path[1]);
			flat_raw(run, x, y, 0, 0, path[2]);
			count = 3;
		} else {
			flat_raw(run, x, y, 0, 0, path[0]);
		}
		touch_path(&touch, (const int(*)[2])path, count, hold_us);
		seen[k - 1][0] = (float)path[count - 1][0] / FAKE_TOUCH_MAX;
		seen[k - 1][1] = (float)path[count - 1][1] / FAKE_TOUCH_MAX;
	}
	CHECK(is_calibrated);
	/* Done: any touch quits. */
	struct timespec pause = {0, 200000000};
	nanosleep(&pause, NULL);
	touch_raw(&touch, FAKE_TOUCH_MAX / 2, FAKE_TOUCH_MAX / 2);
	char out[2048];
	if (is_calibrated) {
		CHECK_INT_EQ(run_finish(run, out, sizeof out), 0);
		const char *line = strstr(out, "\ncalibration = ");
		float m[6] = {0};
		CHECK(line && sscanf(line, "\ncalibration = %f %f %f %f %f %f", &m[0], &m[1], &m[2],
		                     &m[3], &m[4], &m[5]) == 6);
		float worst = worst_error(run, m, seen, targets);
		printf("held and slid: worst error %.3f px on %dx%d\n", (double)worst, run->width,
		       run->height);
		CHECK(worst < 1.0f);
	} else {
		kill(run->pid, SIGTERM);
		run_finish(run, out, sizeof out);
	}
	fake_node_unplug(&touch);
	fake_node_unplug(&clicker);
	free(run);
}

int main(void)
{
	snprintf(work, sizeof work, "/tmp/concerto-calibrate-XXXXXX");
	if (!mkdtemp(work))
		return 1;
	snprintf(input_dir, sizeof input_dir, "%.250s/input", work);
	mkdir(input_dir, 0755);
	signal(SIGPIPE, SIG_IGN);

	/* Glass shifted and sheared: a few percent off in both axes. */
	const struct table skewed = {
	    .config = "calibration = 1.3 0.1 -0.2 0 1.25 -0.1\n",
	    .skew = {0.92f, 0.05f, 0.03f, -0.04f, 0.88f, 0.07f},
	};
	calibrate_table(&skewed, true);
	const struct table turned = {
	    .config = "rotation = 90\nmirror_x = yes\n",
	    .rotation = 90,
	    .is_mirrored_x = 1,
	    .skew = {1.04f, -0.03f, -0.02f, 0.02f, 0.95f, 0.04f},
	};
	calibrate_table(&turned, false);
	cancel_with_clicker();
	hold_and_slide();

	char command[400];
	snprintf(command, sizeof command, "rm -rf '%s'", work);
	if (system(command) != 0)
		fprintf(stderr, "could not remove %s\n", work);
	return check_report("test_calibrate");
}
