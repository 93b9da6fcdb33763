/*
 * test_watchdog: the systemd notifications, through a real notification
 * socket (AF_UNIX datagrams, as systemd's NOTIFY_SOCKET) — first the module
 * alone (no timer without WATCHDOG_USEC; pings only when the main loop
 * answers the timer's event; READY=1 once), then the real binary under SDL's
 * dummy video driver: READY=1 after the first frame, WATCHDOG=1 every half
 * period, STOPPING=1 on SIGTERM, and the theme from --config applied to the
 * first frame (read back from the dummy driver's saved frame).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include "check.h"
#include "fake_keys.h"
#include "watchdog.h"

struct notify_counts {
	int ready;
	int watchdog;
	int stopping;
	int extended;           /* WATCHDOG_USEC= the long task's */
	int restored;           /* WATCHDOG_USEC= anything else */
	char restored_usec[32]; /* the last of those */
};

static int notify_open(const char *path)
{
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	struct sockaddr_un address = {.sun_family = AF_UNIX};
	snprintf(address.sun_path, sizeof address.sun_path, "%s", path);
	unlink(path);
	if (fd < 0 || bind(fd, (struct sockaddr *)&address, sizeof address) != 0) {
		perror("notify socket");
		exit(1);
	}
	return fd;
}

/* Reads every datagram waiting; one may hold several lines. */
static void notify_drain(int fd, struct notify_counts *counts)
{
	char message[512];
	ssize_t size;
	while ((size = recv(fd, message, sizeof message - 1, 0)) > 0) {
		message[size] = '\0';
		for (char *line = strtok(message, "\n"); line; line = strtok(NULL, "\n")) {
			counts->ready += strcmp(line, "READY=1") == 0;
			counts->watchdog += strcmp(line, "WATCHDOG=1") == 0;
			counts->stopping += strcmp(line, "STOPPING=1") == 0;
			if (strncmp(line, "WATCHDOG_USEC=", 14) != 0)
				continue;
			char long_task[32];
			snprintf(long_task, sizeof long_task, "%llu",
			         (unsigned long long)WATCHDOG_LONG_TASK_SEC * 1000000ull);
			if (strcmp(line + 14, long_task) == 0) {
				counts->extended++;
			} else {
				counts->restored++;
				snprintf(counts->restored_usec, sizeof counts->restored_usec, "%s",
				         line + 14);
			}
		}
	}
}

static void test_module(const char *socket_path)
{
	int fd = notify_open(socket_path);
	struct notify_counts counts = {0};
	SDL_Init(SDL_INIT_EVENTS | SDL_INIT_TIMER);

	/* not under systemd: no timer, nothing to answer */
	unsetenv("WATCHDOG_USEC");
	setenv("NOTIFY_SOCKET", socket_path, 1);
	struct watchdog watchdog;
	CHECK(!watchdog_start(&watchdog));
	CHECK_INT_EQ(watchdog.timer, 0);
	SDL_Event other = {.type = SDL_KEYDOWN};
	CHECK(!watchdog_handle_event(&watchdog, &other));
	watchdog_extend(&watchdog);
	watchdog_restore(&watchdog);
	notify_drain(fd, &counts);
	CHECK_INT_EQ(counts.extended + counts.restored + counts.watchdog, 0);

	/* WatchdogSec=1: a ping every 500 ms, only when the loop answers */
	setenv("WATCHDOG_USEC", "1000000", 1);
	CHECK(watchdog_start(&watchdog));
	CHECK_INT_EQ(watchdog.interval_ms, 500);
	watchdog_ready(&watchdog);
	watchdog_ready(&watchdog);
	SDL_Delay(1200);
	notify_drain(fd, &counts);
	CHECK_INT_EQ(counts.ready, 1);
	CHECK_INT_EQ(counts.watchdog, 0); /* a "hung" loop: the timer alone pings nothing */
	int answered = 0;
	SDL_Event event;
	Uint32 start = SDL_GetTicks();
	while (SDL_GetTicks() - start < 1300)
		if (SDL_WaitEventTimeout(&event, 100))
			answered += watchdog_handle_event(&watchdog, &event);
	notify_drain(fd, &counts);
	CHECK(answered >= 4); /* two queued while "hung", then two or three more */
	CHECK_INT_EQ(counts.watchdog, answered);
	CHECK(!watchdog_handle_event(&watchdog, &other));

	/* A long task: WATCHDOG_LONG_TASK_SEC, once; then the unit's period
	 * again, once (a new period restarts systemd's timer: no ping). */
	int pings = counts.watchdog;
	watchdog_extend(&watchdog);
	watchdog_extend(&watchdog);
	notify_drain(fd, &counts);
	CHECK_INT_EQ(counts.extended, 1);
	CHECK_INT_EQ(counts.restored, 0);
	CHECK_INT_EQ(counts.watchdog, pings);
	watchdog_restore(&watchdog);
	watchdog_restore(&watchdog);
	notify_drain(fd, &counts);
	CHECK_INT_EQ(counts.extended, 1);
	CHECK_INT_EQ(counts.restored, 1);
	CHECK_STR_EQ(counts.restored_usec, "1000000");
	CHECK_INT_EQ(counts.watchdog, pings);
	watchdog_stop(&watchdog);
	notify_drain(fd, &counts);
	CHECK_INT_EQ(counts.stopping, 1);

	/* a tiny WATCHDOG_USEC is raised to the 500 ms floor */
	setenv("WATCHDOG_USEC", "1000", 1);
	CHECK(watchdog_start(&watchdog));
	CHECK_INT_EQ(watchdog.interval_ms, 500);
	watchdog_stop(&watchdog);
	unsetenv("WATCHDOG_USEC");
	unsetenv("NOTIFY_SOCKET");
	SDL_Quit();
	close(fd);
}

/* The first frame the dummy driver saved: is its corner dark? */
static int frame_corner_brightness(const char *directory)
{
	char path[600];
	snprintf(path, sizeof path, "%s/SDL_window1-00000001.bmp", directory);
	SDL_Surface *surface = SDL_LoadBMP(path);
	if (!surface)
		return -1;
	SDL_Surface *rgb = SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_ARGB8888, 0);
	SDL_FreeSurface(surface);
	if (!rgb)
		return -1;
	Uint32 pixel = ((const Uint32 *)rgb->pixels)[2 * rgb->pitch / 4 + 2];
	SDL_FreeSurface(rgb);
	return (int)(((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3;
}

static void test_binary(const char *directory, const char *socket_path, const char *theme)
{
	char config_path[512];
	snprintf(config_path, sizeof config_path, "%s/kiosk.conf", directory);
	FILE *config = fopen(config_path, "w");
	fprintf(config, "theme = %s\nrotaton = 90\n", theme); /* one bad line, reported */
	fclose(config);
	int fd = notify_open(socket_path);
	char frames[512];
	snprintf(frames, sizeof frames, "%s/frames-%s", directory, theme);
	mkdir(frames, 0700);

	pid_t child = fork();
	if (child == 0) {
		if (chdir(frames) != 0)
			_exit(126);
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		setenv("SDL_VIDEODRIVER", "dummy", 1);
		setenv("SDL_VIDEO_DUMMY_SAVE_FRAMES", "1", 1);
		setenv("NOTIFY_SOCKET", socket_path, 1);
		setenv("WATCHDOG_USEC", "1000000", 1);
		execl(CONCERTO_BINARY, CONCERTO_BINARY, "--windowed", "--config", config_path,
		      "--demo", (char *)NULL);
		_exit(127);
	}
	struct notify_counts counts = {0};
	/* Read every 50 ms: pings 500 ms apart never arrive two at a time,
	 * unless the loop only woke up late for the queued timer events. */
	int most_per_read = 0;
	for (int waited = 0; waited < 100 && counts.watchdog < 3; waited++) {
		usleep(50 * 1000);
		int before = counts.watchdog;
		notify_drain(fd, &counts);
		if (counts.watchdog - before > most_per_read)
			most_per_read = counts.watchdog - before;
	}
	CHECK_INT_EQ(counts.ready, 1);
	CHECK(counts.watchdog >= 3);
	CHECK_INT_EQ(most_per_read, 1);
	kill(child, SIGTERM);
	int status = 0;
	waitpid(child, &status, 0);
	notify_drain(fd, &counts);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_INT_EQ(counts.stopping, 1);
	int brightness = frame_corner_brightness(frames);
	CHECK(brightness >= 0);
	if (strcmp(theme, "dark") == 0)
		CHECK(brightness >= 0 && brightness < 96);
	else
		CHECK(brightness > 160);
	close(fd);
}

/* The real kiosk opening a situation from a key (a tmpfs in a private mount
 * namespace): the watchdog is extended for the layout and the frame,
 * then restored. Needs root for the mount; skipped without. */
static void test_binary_key(const char *directory, const char *socket_path)
{
	if (!fake_key_enter_mount_namespace()) {
		fprintf(stderr, "test_watchdog: key part skipped (needs root)\n");
		return;
	}
	char media[300], key[320], file[400];
	snprintf(media, sizeof media, "%s/media", directory);
	snprintf(key, sizeof key, "%s/key", media);
	snprintf(file, sizeof file, "%s/demo.situation", key);
	CHECK(mkdir(media, 0700) == 0 && mkdir(key, 0700) == 0);
	CHECK(mount("tmpfs", key, "tmpfs", 0, "size=1m") == 0);
	CHECK(fake_key_copy_file(CONCERTO_SOURCE_DIR "/assets/demo.situation", file));
	int fd = notify_open(socket_path);
	pid_t child = fork();
	if (child == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		setenv("SDL_VIDEODRIVER", "dummy", 1);
		setenv("NOTIFY_SOCKET", socket_path, 1);
		setenv("WATCHDOG_USEC", "1000000", 1);
		execl(CONCERTO_BINARY, CONCERTO_BINARY, "--windowed", "--media", media,
		      (char *)NULL);
		_exit(127);
	}
	struct notify_counts counts = {0};
	for (int waited = 0; waited < 100 && (counts.restored == 0 || counts.watchdog < 2);
	     waited++) {
		usleep(50 * 1000);
		notify_drain(fd, &counts);
	}
	kill(child, SIGTERM);
	int status = 0;
	waitpid(child, &status, 0);
	notify_drain(fd, &counts);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_INT_EQ(counts.ready, 1);
	/* Once for the layout, again for any diagram frame drawn after; each
	 * time back to the unit's period. */
	CHECK(counts.extended >= 1);
	CHECK_INT_EQ(counts.restored, counts.extended); /* never left extended */
	CHECK_STR_EQ(counts.restored_usec, "1000000");
	umount(key);
	close(fd);
}

int main(void)
{
	char directory[] = "/tmp/concerto-watchdog-XXXXXX";
	if (!mkdtemp(directory))
		return 1;
	char socket_path[256];
	snprintf(socket_path, sizeof socket_path, "%s/notify", directory);
	test_module(socket_path);
	test_binary(directory, socket_path, "dark");
	test_binary(directory, socket_path, "light");
	test_binary_key(directory, socket_path);
	char command[300];
	snprintf(command, sizeof command, "rm -rf '%s'", directory);
	if (system(command) != 0)
		CHECK(!"cleanup");
	return check_report("test_watchdog");
}
