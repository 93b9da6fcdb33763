/*
 * bench_concerto: the figures of BENCHMARKS.md, as one table.
 *
 *     bench_concerto --binary CONCERTO [--runs R] [--idle SECONDS] FILE|demo...
 *
 *     bench_concerto --callgrind FILE|demo...
 *
 * For each situation, in process: parse, layout (real fonts), one frame of
 * the network phase at 1920x1080 on SDL's software renderer drawn in full
 * (the first, cold text cache, and the median warm one), the same frame
 * with one spotlight, the frame again through the kiosk's frame cache (a
 * repeat frame at the same state: one texture copy), a frame of the
 * round's newcomer fading in (the kept frame without the newcomer, and the
 * newcomer over it), and a touch's hit test. Then, through the real binary: start-up
 * from exec to the first frame presented (the kiosk under
 * SDL_VIDEODRIVER=dummy, timed to its first --report-screens line, which is
 * written right after SDL_RenderPresent), peak resident memory of --render
 * and of the kiosk, and the kiosk's idle cost (context switches of all its
 * threads over --idle seconds with nothing happening). Times are medians
 * over R runs; nothing here is a pass/fail test, the targets are read off
 * the table (tests/bench/run-bench.sh adds callgrind's instruction counts).
 */
#define _GNU_SOURCE /* wait4, dirent on /proc */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "draw.h"
#include "frame_cache.h"
#include "layout.h"
#include "newcomer.h"
#include "scene.h"
#include "situation.h"

enum { BENCH_WIDTH = 1920, BENCH_HEIGHT = 1080, BENCH_MAX_RUNS = 1000 };

struct bench_options {
	const char *binary;
	int runs;
	int idle_seconds;
	bool is_callgrind; /* one run, cached frames only, no table: for callgrind */
};

struct bench_row {
	size_t nodes;
	size_t links;
	double parse_ms;
	double layout_ms;
	double first_frame_ms;
	double frame_ms;
	double spotlight_frame_ms;
	double cached_frame_ms;
	double newcomer_frame_ms;
	double hit_us;
	double startup_ms;
	double render_rss_mib;
	double kiosk_rss_mib;
	double idle_wakeups_per_s;
	int idle_frames;
};

static double now_ms(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec * 1e3 + (double)now.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *values, int count)
{
	qsort(values, (size_t)count, sizeof *values, compare_doubles);
	return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

static char *read_all(const char *path, size_t *len)
{
	FILE *file = fopen(path, "rb");
	if (!file)
		return NULL;
	char *bytes = malloc(SITUATION_MAX_FILE_BYTES + 1);
	*len = bytes ? fread(bytes, 1, SITUATION_MAX_FILE_BYTES + 1, file) : 0;
	fclose(file);
	return bytes;
}

static struct situation *parse_bytes(const char *bytes, size_t len)
{
	struct diag_list diags;
	diag_list_init(&diags, "bench.situation");
	struct situation *situation = situation_parse(bytes, len, &diags);
	diag_list_free(&diags);
	return situation;
}

/* The node with the most links: the spotlight that lights up the most. */
static int busiest_node(const struct situation *situation)
{
	int best = 0;
	size_t best_count = 0;
	for (size_t n = 0; n < situation->node_count; n++) {
		size_t count = 0;
		for (size_t l = 0; l < situation->link_count; l++)
			count += situation->links[l].a == (int)n || situation->links[l].b == (int)n;
		if (count > best_count) {
			best = (int)n;
			best_count = count;
		}
	}
	return best;
}

static struct phase_position network_phase(const struct situation *situation)
{
	struct phase_position position = {0, 0};
	for (size_t p = 0; p < situation->phase_count; p++)
		if (situation->phases[p].type == PHASE_NETWORK) {
			position.phase = p;
			break;
		}
	return position;
}

static double time_frame(struct draw_context *context, const struct situation *situation,
                         const struct layout *layout, const int *spotlights, size_t count)
{
	double start = now_ms();
	struct scene *scene = scene_build(situation, network_phase(situation), spotlights, count);
	if (scene)
		draw_frame(context, situation, layout, scene);
	scene_free(scene);
	SDL_RenderFlush(context->renderer);
	return now_ms() - start;
}

/* The round's last step, where the last person presented fades in; the
 * network phase when the situation has no round. */
static struct frame_state round_state(const struct situation *situation,
                                      const struct layout *layout)
{
	struct frame_state state = {.situation = situation,
	                            .layout = layout,
	                            .position = network_phase(situation),
	                            .view_scale = 1};
	for (size_t p = 0; p < situation->phase_count; p++)
		if (situation->phases[p].type == PHASE_ROUND && situation->phases[p].order_count) {
			state.position =
			    (struct phase_position){p, situation->phases[p].order_count};
			break;
		}
	return state;
}

/* One repeat frame at the same state: a copy of the cache's texture. Not
 * inlined, so callgrind can count it (--callgrind). */
__attribute__((noinline)) static void bench_cached_frame(struct frame_cache *cache,
                                                         struct draw_context *context,
                                                         const struct frame_state *state)
{
	frame_cache_draw(cache, context, state);
	SDL_RenderFlush(context->renderer);
}

/* One frame of the newcomer's fade: the kept frame, the newcomer over it. */
__attribute__((noinline)) static void bench_newcomer_frame(struct frame_cache *cache,
                                                           struct draw_context *context,
                                                           const struct frame_state *state,
                                                           float fade)
{
	context->newcomer_fade = fade;
	frame_cache_draw(cache, context, state);
	SDL_RenderFlush(context->renderer);
	context->newcomer_fade = 0.0f;
}

static double time_cached_frame(struct frame_cache *cache, struct draw_context *context,
                                const struct frame_state *state)
{
	double start = now_ms();
	bench_cached_frame(cache, context, state);
	return now_ms() - start;
}

/* The fade as the kiosk draws it, one frame per KIOSK_ANIMATION_FRAME_MS
 * (16 ms): the fade at frame k of the animation. */
static float fade_of_frame(int k)
{
	return newcomer_fade_at((uint64_t)(16 * (k % (NEWCOMER_FADE_MS / 16))));
}

static double time_newcomer_frame(struct frame_cache *cache, struct draw_context *context,
                                  const struct frame_state *state, int k)
{
	double start = now_ms();
	bench_newcomer_frame(cache, context, state, fade_of_frame(k));
	return now_ms() - start;
}

/* The cached frames: a repeat of the network phase, and the newcomer's
 * fade (after one whole fade, which fills the cache and makes the fading
 * label's textures, as the kiosk's first fade of that person would). */
static void bench_cached_frames(const struct bench_options *options, struct draw_context *context,
                                const struct situation *situation, const struct layout *layout,
                                struct bench_row *row, double *samples)
{
	struct frame_cache cache = {.renderer = context->renderer};
	struct frame_state network = {.situation = situation,
	                              .layout = layout,
	                              .position = network_phase(situation),
	                              .view_scale = 1};
	/* The miss that fills the cache, not through the bench_* functions
	 * (callgrind counts those). */
	frame_cache_draw(&cache, context, &network);
	for (int r = 0; r < options->runs; r++)
		samples[r] = time_cached_frame(&cache, context, &network);
	row->cached_frame_ms = median(samples, options->runs);
	struct frame_state round = round_state(situation, layout);
	/* One whole fade first, the same way. */
	for (int k = 0; k < NEWCOMER_FADE_MS / 16; k++) {
		context->newcomer_fade = fade_of_frame(k);
		frame_cache_draw(&cache, context, &round);
	}
	context->newcomer_fade = 0.0f;
	for (int r = 0; r < options->runs; r++)
		samples[r] = time_newcomer_frame(&cache, context, &round, r);
	row->newcomer_frame_ms = median(samples, options->runs);
	frame_cache_clear(&cache);
}

/* Everything that runs inside one process. false when the file does not parse. */
static bool bench_in_process(const struct bench_options *options, const char *path,
                             struct bench_row *row)
{
	size_t len = 0;
	char *bytes = read_all(path, &len);
	if (!bytes)
		return false;
	static double samples[BENCH_MAX_RUNS];
	for (int r = 0; r < options->runs; r++) {
		double start = now_ms();
		struct situation *situation = parse_bytes(bytes, len);
		samples[r] = now_ms() - start;
		situation_free(situation);
	}
	row->parse_ms = median(samples, options->runs);
	struct situation *situation = parse_bytes(bytes, len);
	free(bytes);
	if (!situation)
		return false;
	row->nodes = situation->node_count;
	row->links = situation->link_count;

	SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, BENCH_WIDTH, BENCH_HEIGHT, 32,
	                                                      SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
	struct text_cache *text = renderer ? text_cache_new(renderer) : NULL;
	if (!text) {
		fprintf(stderr, "bench: cannot create the drawing surface: %s\n", SDL_GetError());
		exit(2);
	}
	struct layout_measure measure = draw_layout_measure(text);
	struct layout *layout = NULL;
	for (int r = 0; r < options->runs; r++) {
		layout_free(layout);
		double start = now_ms();
		layout = layout_compute(situation, BENCH_WIDTH, BENCH_HEIGHT, &measure);
		samples[r] = now_ms() - start;
	}
	row->layout_ms = median(samples, options->runs);

	struct draw_context context = {.renderer = renderer,
	                               .text = text,
	                               .palette = palette_for_theme(situation->theme),
	                               .width = BENCH_WIDTH,
	                               .height = BENCH_HEIGHT};
	/* Under callgrind only the cached frames count: the full frames are
	 * run-bench.sh's --render figure. */
	if (!options->is_callgrind) {
		row->first_frame_ms = time_frame(&context, situation, layout, NULL, 0);
		for (int r = 0; r < options->runs; r++)
			samples[r] = time_frame(&context, situation, layout, NULL, 0);
		row->frame_ms = median(samples, options->runs);
		int spotlight = busiest_node(situation);
		(void)time_frame(&context, situation, layout, &spotlight, 1); /* warms its labels */
		for (int r = 0; r < options->runs; r++)
			samples[r] = time_frame(&context, situation, layout, &spotlight, 1);
		row->spotlight_frame_ms = median(samples, options->runs);
	}
	bench_cached_frames(options, &context, situation, layout, row, samples);

	/* A touch: a hit on every node centre and a miss, per run. */
	enum { HITS_PER_RUN = 64 };
	volatile int sink = 0;
	for (int r = 0; r < options->runs; r++) {
		double start = now_ms();
		for (int h = 0; h < HITS_PER_RUN; h++) {
			const struct layout_node *node =
			    &layout->nodes[(size_t)h % layout->node_count];
			sink += layout_hit_test(layout, NULL, node->x, node->y);
			sink += layout_hit_test(layout, NULL, 3.0f, (float)BENCH_HEIGHT - 3.0f);
		}
		samples[r] = (now_ms() - start) * 1e3 / (2 * HITS_PER_RUN);
	}
	row->hit_us = median(samples, options->runs);

	layout_free(layout);
	text_cache_free(text);
	SDL_DestroyRenderer(renderer);
	SDL_FreeSurface(surface);
	situation_free(situation);
	return true;
}

/* Voluntary plus involuntary context switches of every thread of pid. */
static long context_switches(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	DIR *dir = opendir(path);
	if (!dir)
		return -1;
	long total = 0;
	struct dirent *entry;
	while ((entry = readdir(dir)) != NULL) {
		if (entry->d_name[0] == '.')
			continue;
		char status[512], line[256];
		snprintf(status, sizeof status, "/proc/%d/task/%s/status", (int)pid, entry->d_name);
		FILE *file = fopen(status, "r");
		if (!file)
			continue;
		long value;
		while (fgets(line, sizeof line, file))
			if (sscanf(line, "voluntary_ctxt_switches: %ld", &value) == 1 ||
			    sscanf(line, "nonvoluntary_ctxt_switches: %ld", &value) == 1)
				total += value;
		fclose(file);
	}
	closedir(dir);
	return total;
}

/* fork + exec with stdout to report_fd (or /dev/null) and stderr to
 * /dev/null. The kiosk writes its --report-screens lines to stdout. */
static pid_t spawn(char *const argv[], int report_fd)
{
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(report_fd >= 0 ? report_fd : null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		execv(argv[0], argv);
		_exit(127);
	}
	return pid;
}

static double rss_mib(const struct rusage *usage)
{
	return (double)usage->ru_maxrss / 1024.0; /* ru_maxrss is in KiB on Linux */
}

/* Peak resident memory of `concerto --render` of the network phase. */
static double render_rss(const struct bench_options *options, const char *path)
{
	char out[] = "/tmp/bench-concerto-XXXXXX";
	int fd = mkstemp(out);
	if (fd < 0)
		return -1;
	close(fd);
	char *argv[] = {(char *)options->binary,
	                "--render",
	                (char *)path,
	                "--out",
	                out,
	                "--size",
	                "1920x1080",
	                "--phase",
	                "3",
	                NULL};
	char *demo_argv[] = {(char *)options->binary,
	                     "--render",
	                     "--demo",
	                     "--out",
	                     out,
	                     "--size",
	                     "1920x1080",
	                     "--phase",
	                     "3",
	                     NULL};
	pid_t pid = spawn(strcmp(path, "demo") == 0 ? demo_argv : argv, -1);
	struct rusage usage;
	int status = 0;
	double result = -1;
	if (pid > 0 && wait4(pid, &status, 0, &usage) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0)
		result = rss_mib(&usage);
	unlink(out);
	return result;
}

/* Reads the child's stdout until a "screen " report (the first present) or
 * the timeout; true when it came. */
static bool wait_first_frame(int fd, int timeout_ms)
{
	char buffer[4096];
	size_t used = 0;
	double deadline = now_ms() + timeout_ms;
	while (now_ms() < deadline) {
		struct pollfd pfd = {fd, POLLIN, 0};
		if (poll(&pfd, 1, 50) <= 0)
			continue;
		ssize_t got = read(fd, buffer + used, sizeof buffer - 1 - used);
		if (got <= 0)
			return false;
		used += (size_t)got;
		buffer[used] = '\0';
		if (strstr(buffer, "screen "))
			return true;
		if (used == sizeof buffer - 1)
			used = 0;
	}
	return false;
}

/* Start-up to the first present, idle cost and peak memory of the kiosk. */
static void bench_kiosk(const struct bench_options *options, const char *path,
                        struct bench_row *row)
{
	int pipe_fds[2];
	row->startup_ms = row->kiosk_rss_mib = row->idle_wakeups_per_s = -1;
	if (pipe(pipe_fds) != 0)
		return;
	setenv("SDL_VIDEODRIVER", "dummy", 1);
	char *argv[] = {(char *)options->binary, "--windowed", (char *)path, "--report-screens",
	                NULL};
	char *demo_argv[] = {(char *)options->binary, "--windowed", "--demo", "--report-screens",
	                     NULL};
	double start = now_ms();
	pid_t pid = spawn(strcmp(path, "demo") == 0 ? demo_argv : argv, pipe_fds[1]);
	close(pipe_fds[1]);
	if (pid <= 0) {
		close(pipe_fds[0]);
		return;
	}
	if (wait_first_frame(pipe_fds[0], 10000)) {
		row->startup_ms = now_ms() - start;
		if (options->idle_seconds > 0) {
			usleep(500 * 1000); /* let start-up settle */
			long before = context_switches(pid);
			sleep((unsigned)options->idle_seconds);
			long after = context_switches(pid);
			if (before >= 0 && after >= before)
				row->idle_wakeups_per_s =
				    (double)(after - before) / options->idle_seconds;
		}
	}
	kill(pid, SIGTERM);
	struct rusage usage;
	int status;
	if (wait4(pid, &status, 0, &usage) == pid)
		row->kiosk_rss_mib = rss_mib(&usage);
	close(pipe_fds[0]);
}

static void print_header(void)
{
	printf(
	    "| situation | nodes | links | parse ms | layout ms | first frame ms | full frame ms "
	    "| spotlight frame ms | cached frame ms | newcomer frame ms | hit test µs "
	    "| start-up ms | --render peak MiB | kiosk peak MiB | idle wake-ups/s |\n");
	printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
	       "| ---: | ---: | ---: |\n");
}

static void print_row(const char *name, const struct bench_row *row)
{
	printf("| %s | %zu | %zu | %.2f | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f "
	       "| %.1f | %.1f | %.1f |\n",
	       name, row->nodes, row->links, row->parse_ms, row->layout_ms, row->first_frame_ms,
	       row->frame_ms, row->spotlight_frame_ms, row->cached_frame_ms, row->newcomer_frame_ms,
	       row->hit_us, row->startup_ms, row->render_rss_mib, row->kiosk_rss_mib,
	       row->idle_wakeups_per_s);
	fflush(stdout);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
	struct bench_options options = {NULL, 21, 5, false};
	int first_file = argc;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--binary") == 0 && i + 1 < argc)
			options.binary = argv[++i];
		else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
			options.runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--idle") == 0 && i + 1 < argc)
			options.idle_seconds = atoi(argv[++i]);
		else if (strcmp(argv[i], "--callgrind") == 0)
			options.is_callgrind = true, options.runs = 1;
		else {
			first_file = i;
			break;
		}
	}
	if ((!options.binary && !options.is_callgrind) || first_file == argc || options.runs < 1 ||
	    options.runs > BENCH_MAX_RUNS || options.idle_seconds < 0) {
		fprintf(stderr, "usage: bench_concerto --binary CONCERTO [--runs R] [--idle S] "
		                "FILE|demo...\n       bench_concerto --callgrind FILE|demo...\n");
		return 2;
	}
	if (SDL_Init(0) != 0 || TTF_Init() != 0) {
		fprintf(stderr, "bench: cannot start SDL: %s\n", SDL_GetError());
		return 2;
	}
	if (!options.is_callgrind)
		print_header();
	int status = 0;
	for (int i = first_file; i < argc; i++) {
		const char *path = argv[i];
		const char *source =
		    strcmp(path, "demo") == 0 ? CONCERTO_SOURCE_DIR "/assets/demo.situation" : path;
		struct bench_row row = {0};
		if (!bench_in_process(&options, source, &row)) {
			fprintf(stderr, "bench: %s does not parse\n", path);
			status = 1;
			continue;
		}
		if (options.is_callgrind)
			continue;
		row.render_rss_mib = render_rss(&options, path);
		bench_kiosk(&options, path, &row);
		print_row(strcmp(path, "demo") == 0 ? "demo" : base_name(path), &row);
	}
	TTF_Quit();
	SDL_Quit();
	return status;
}
