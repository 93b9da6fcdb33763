/*
 * input_bench: figures, not a test. Starts the real kiosk on the demo under
 * SDL's dummy driver with the fake evdev shim and a fake clicker, then
 * prints
 *  - input-to-present latency: from writing a key frame into the fake node
 *    to reading the "state" line the kiosk prints right after
 *    SDL_RenderPresent of the frame that answers it (median and worst of N);
 *  - idle wake-ups per second: context switches of all the kiosk's threads
 *    over a quiet period (/proc/PID/task/N/status), with and without a
 *    spotlight on (the fade timer is armed only then).
 *
 *   input_bench KIOSK SHIM [presses] [idle_seconds]
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Sum of voluntary and involuntary context switches of every thread. */
static long switches(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	DIR *dir = opendir(path);
	long total = 0;
	struct dirent *entry;
	while (dir && (entry = readdir(dir))) {
		if (entry->d_name[0] == '.')
			continue;
		char status[400], line[256];
		snprintf(status, sizeof status, "%s/%s/status", path, entry->d_name);
		FILE *file = fopen(status, "r");
		long value;
		while (file && fgets(line, sizeof line, file))
			if (sscanf(line, "voluntary_ctxt_switches: %ld", &value) == 1 ||
			    sscanf(line, "nonvoluntary_ctxt_switches: %ld", &value) == 1)
				total += value;
		if (file)
			fclose(file);
	}
	if (dir)
		closedir(dir);
	return total;
}

/* Waits for one line starting with `prefix`; false after 10 s. */
static bool wait_line(int fd, const char *prefix)
{
	static char buffer[1 << 16];
	static size_t length;
	for (;;) {
		char *newline;
		while ((newline = memchr(buffer, '\n', length))) {
			size_t size = (size_t)(newline - buffer) + 1;
			bool is_match = strncmp(buffer, prefix, strlen(prefix)) == 0;
			memmove(buffer, buffer + size, length - size);
			length -= size;
			if (is_match)
				return true;
		}
		struct pollfd ready = {.fd = fd, .events = POLLIN};
		if (poll(&ready, 1, 10000) != 1)
			return false;
		ssize_t got = read(fd, buffer + length, sizeof buffer - length);
		if (got <= 0)
			return false;
		length += (size_t)got;
	}
}

static void key(int fd, unsigned code, int value)
{
	struct input_event events[2] = {
	    {.type = EV_KEY, .code = (unsigned short)code, .value = value},
	    {.type = EV_SYN, .code = SYN_REPORT}};
	if (send(fd, events, sizeof events, 0) != sizeof events)
		perror("send");
}

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: input_bench KIOSK SHIM [presses] [idle_seconds]\n");
		return 2;
	}
	int presses = argc > 3 ? atoi(argv[3]) : 40;
	int idle_seconds = argc > 4 ? atoi(argv[4]) : 10;
	char work[] = "/tmp/concerto-bench-XXXXXX", dir[128], node[160];
	if (!mkdtemp(work))
		return 1;
	snprintf(dir, sizeof dir, "%s/input", work);
	mkdir(dir, 0755);
	snprintf(node, sizeof node, "%s/event0", dir);
	int listener = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	struct sockaddr_un address = {.sun_family = AF_UNIX};
	snprintf(address.sun_path, sizeof address.sun_path, "%.100s", node);
	if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 ||
	    listen(listener, 1) != 0)
		return 1;
	int out[2];
	if (pipe(out) != 0)
		return 1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(out[1], 1);
		close(out[0]);
		setenv("SDL_VIDEODRIVER", "dummy", 1);
		setenv("LD_PRELOAD", argv[2], 1);
		setenv("CONCERTO_FAKE_INPUT", dir, 1);
		setenv("CONCERTO_FAKE_DEVICES", "event0=clicker", 1);
		setenv("ASAN_OPTIONS", "verify_asan_link_order=0", 1);
		execl(argv[1], argv[1], "--windowed", "--demo", "--config", "/nonexistent",
		      "--input-dir", dir, "--report-state", (char *)NULL);
		_exit(127);
	}
	close(out[1]);
	if (!wait_line(out[0], "input devices=1")) {
		fprintf(stderr, "input_bench: the kiosk did not open the fake clicker\n");
		return 1;
	}
	int fd = accept(listener, NULL, NULL);
	wait_line(out[0], "state ");
	usleep(300000);

	double *latency = calloc((size_t)presses, sizeof *latency);
	for (int k = 0; k < presses; k++) {
		unsigned code = k % 2 ? KEY_PAGEUP : KEY_PAGEDOWN;
		double start = now_ms();
		key(fd, code, 1);
		if (!wait_line(out[0], "state ")) {
			fprintf(stderr, "input_bench: no frame answered press %d\n", k);
			return 1;
		}
		latency[k] = now_ms() - start;
		key(fd, code, 0);
		usleep(20000);
	}
	qsort(latency, (size_t)presses, sizeof *latency, compare);
	printf("input-to-present latency over %d key presses (1280x720, software renderer): "
	       "median %.2f ms, worst %.2f ms\n",
	       presses, latency[presses / 2], latency[presses - 1]);

	usleep(500000);
	long before = switches(pid);
	sleep((unsigned)idle_seconds);
	long after = switches(pid);
	printf("idle wake-ups, no spotlight: %.2f per second (all threads, %d s)\n",
	       (double)(after - before) / idle_seconds, idle_seconds);

	kill(pid, SIGTERM);
	int status;
	waitpid(pid, &status, 0);
	close(fd);
	close(listener);
	unlink(node);
	rmdir(dir);
	rmdir(work);
	free(latency);
	return 0;
}
