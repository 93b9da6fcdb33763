/*
 * test_reference_images: `concerto --render --demo` in every phase (the
 * round at its start, first step, middle and end) and both themes, compared
 * with the small BMPs in tests/reference/ (320x180, 24-bit).
 *
 * The comparison tolerates 2 levels per channel and up to 0.1 % of pixels
 * beyond that (font rasterising or float rounding on another CPU); past it
 * the test fails and writes, in the build's tests folder, NAME-compare.bmp:
 * the output, the reference and the differing pixels in red, side by side.
 * The comparison itself is checked on a doctored copy of a reference (a
 * changed block must fail, one changed pixel must pass).
 *
 * `test_reference_images --regenerate` (tests/reference/regenerate.sh)
 * rewrites the references from the current binary when a change to the
 * drawing is intended.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "phases.h"
#include "render_check.h"
#include "session.h"

enum { WIDTH = 320, HEIGHT = 180, CHANNEL_TOLERANCE = 2 };
/* At most this many pixels per million may differ beyond the tolerance. */
enum { DIFFERING_PER_MILLION = 1000 };

#define REFERENCE_DIR CONCERTO_SOURCE_DIR "/tests/reference"

struct reference {
	char name[64];
	char arguments[128];
};

enum { REFERENCE_MAX = 16 };

/* Every phase of the demo; the round at 0, 1, the middle and the end. The
 * light theme everywhere, the dark one once per kind of screen. */
static size_t reference_list(struct reference *list)
{
	struct session session;
	size_t count = 0;
	if (!session_load(&session, NULL)) {
		session_free(&session);
		return 0;
	}
	const struct situation *situation = session.situation;
	static const char *const themes[] = {"light", "dark"};
	for (int t = 0; t < 2; t++) {
		for (size_t p = 0; p < situation->phase_count && count < REFERENCE_MAX; p++) {
			size_t steps = phase_step_count(situation, p);
			size_t wanted[4] = {0, 1, steps / 2, steps};
			size_t wanted_count = situation->phases[p].type == PHASE_ROUND ? 4 : 1;
			if (t == 1 && wanted_count == 4)
				wanted[0] = 1, wanted_count = 1; /* dark: the round once */
			for (size_t w = 0; w < wanted_count && count < REFERENCE_MAX; w++) {
				struct reference *r = &list[count++];
				snprintf(r->name, sizeof r->name, "demo-%s-phase%zu-step%zu",
				         themes[t], p + 1, wanted[w]);
				snprintf(r->arguments, sizeof r->arguments,
				         "--theme %s --phase %zu --step %zu", themes[t], p + 1,
				         wanted[w]);
			}
		}
	}
	session_free(&session);
	return count;
}

static SDL_Surface *render(const struct reference *reference)
{
	char command[8192], path[4096];
	snprintf(path, sizeof path, "%s/%s.bmp", TESTS_OUTPUT_DIR, reference->name);
	snprintf(command, sizeof command,
	         "'%s' --render --demo --out '%s' --size %dx%d %s >/dev/null 2>&1", CONCERTO_BINARY,
	         path, WIDTH, HEIGHT, reference->arguments);
	if (render_check_run(command) != 0)
		return NULL;
	return render_check_load(path);
}

/* Pixels differing by more than the tolerance in any channel; the mask (may
 * be NULL) gets 1 for each. -1 when the sizes differ. */
static long count_differing(const SDL_Surface *a, const SDL_Surface *b, unsigned char *mask)
{
	if (a->w != b->w || a->h != b->h)
		return -1;
	long count = 0;
	for (int y = 0; y < a->h; y++)
		for (int x = 0; x < a->w; x++) {
			bool is_different =
			    !render_check_close(render_check_pixel(a, x, y),
			                        render_check_pixel(b, x, y), CHANNEL_TOLERANCE);
			count += is_different;
			if (mask)
				mask[y * a->w + x] = is_different;
		}
	return count;
}

static bool is_match(const SDL_Surface *output, const SDL_Surface *reference, long *differing)
{
	*differing = count_differing(output, reference, NULL);
	long allowed = (long)output->w * output->h * DIFFERING_PER_MILLION / 1000000;
	return *differing >= 0 && *differing <= allowed;
}

static void put_pixel(SDL_Surface *surface, int x, int y, SDL_Color color)
{
	Uint32 *row = (Uint32 *)((Uint8 *)surface->pixels + y * surface->pitch);
	row[x] = 0xff000000u | (Uint32)color.r << 16 | (Uint32)color.g << 8 | color.b;
}

/* output | reference | differences (red on a faded output), for a look. */
static void write_comparison(const char *name, const SDL_Surface *output,
                             const SDL_Surface *reference)
{
	int w = output->w, h = output->h;
	if (reference->w != w || reference->h != h)
		return;
	unsigned char *mask = calloc((size_t)w * (size_t)h, 1);
	SDL_Surface *sheet =
	    SDL_CreateRGBSurfaceWithFormat(0, w * 3, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (mask && sheet) {
		count_differing(output, reference, mask);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				SDL_Color out = render_check_pixel(output, x, y);
				SDL_Color faded = {(Uint8)(out.r / 4 + 191),
				                   (Uint8)(out.g / 4 + 191),
				                   (Uint8)(out.b / 4 + 191), 255};
				put_pixel(sheet, x, y, out);
				put_pixel(sheet, w + x, y, render_check_pixel(reference, x, y));
				put_pixel(sheet, 2 * w + x, y,
				          mask[y * w + x] ? (SDL_Color){230, 0, 0, 255} : faded);
			}
		char path[4096];
		snprintf(path, sizeof path, "%s/%s-compare.bmp", TESTS_OUTPUT_DIR, name);
		if (SDL_SaveBMP(sheet, path) == 0)
			fprintf(stderr, "  see %s (output | reference | differences)\n", path);
	}
	SDL_FreeSurface(sheet);
	free(mask);
}

/* References are stored as 24-bit BMPs: a quarter smaller than ARGB. */
static bool save_reference(const SDL_Surface *output, const char *path)
{
	SDL_Surface *rgb =
	    SDL_ConvertSurfaceFormat((SDL_Surface *)output, SDL_PIXELFORMAT_BGR24, 0);
	bool is_saved = rgb && SDL_SaveBMP(rgb, path) == 0;
	SDL_FreeSurface(rgb);
	return is_saved;
}

/* The comparison must see a changed block and forgive one stray pixel. */
static void check_comparison(const SDL_Surface *reference)
{
	SDL_Surface *doctored =
	    SDL_ConvertSurfaceFormat((SDL_Surface *)reference, SDL_PIXELFORMAT_ARGB8888, 0);
	if (!doctored) {
		CHECK(doctored != NULL);
		return;
	}
	long differing = 0;
	CHECK(is_match(doctored, reference, &differing));
	CHECK_INT_EQ(differing, 0);
	SDL_Color pixel = render_check_pixel(doctored, 10, 10);
	put_pixel(doctored, 10, 10, (SDL_Color){(Uint8)(pixel.r ^ 0x80), pixel.g, pixel.b, 255});
	CHECK(is_match(doctored, reference, &differing));
	CHECK_INT_EQ(differing, 1);
	/* A 1-level change everywhere stays within the per-channel tolerance. */
	for (int y = 0; y < doctored->h; y++)
		for (int x = 0; x < doctored->w; x++) {
			SDL_Color c = render_check_pixel(reference, x, y);
			c.g = (Uint8)(c.g > 0 ? c.g - 1 : 1);
			put_pixel(doctored, x, y, c);
		}
	CHECK(is_match(doctored, reference, &differing));
	for (int y = 40; y < 52; y++)
		for (int x = 40; x < 52; x++)
			put_pixel(doctored, x, y, (SDL_Color){0, 200, 0, 255});
	CHECK(!is_match(doctored, reference, &differing));
	CHECK(differing >= 100);
	SDL_FreeSurface(doctored);
}

int main(int argc, char **argv)
{
	bool is_regenerating = argc > 1 && strcmp(argv[1], "--regenerate") == 0;
	struct reference list[REFERENCE_MAX];
	size_t count = reference_list(list);
	CHECK(count >= 10);
	bool has_checked_comparison = false;
	for (size_t k = 0; k < count; k++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.bmp", REFERENCE_DIR, list[k].name);
		SDL_Surface *output = render(&list[k]);
		CHECK(output != NULL);
		if (!output)
			continue;
		if (is_regenerating) {
			bool is_saved = save_reference(output, path);
			CHECK(is_saved);
			printf("%s %s\n", is_saved ? "wrote" : "could not write", path);
			SDL_FreeSurface(output);
			continue;
		}
		SDL_Surface *reference = render_check_load(path);
		if (!reference)
			fprintf(stderr, "%s: no reference (tests/reference/regenerate.sh)\n", path);
		CHECK(reference != NULL);
		if (reference) {
			long differing = 0;
			bool is_same = is_match(output, reference, &differing);
			if (!is_same) {
				fprintf(stderr, "%s: %ld pixels differ beyond %d per channel\n",
				        list[k].name, differing, CHANNEL_TOLERANCE);
				write_comparison(list[k].name, output, reference);
			}
			CHECK(is_same);
			if (!has_checked_comparison)
				check_comparison(reference);
			has_checked_comparison = true;
		}
		SDL_FreeSurface(reference);
		SDL_FreeSurface(output);
	}
	if (!is_regenerating)
		CHECK(has_checked_comparison);
	return check_report("test_reference_images");
}
