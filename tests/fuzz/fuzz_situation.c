/*
 * fuzz_situation: libFuzzer harness for everything that reads a situation
 * file from a USB key before anything is drawn.
 *
 * Arbitrary bytes go through situation_parse() (every encoding, limit and
 * diagnostic path); whatever parses goes on through layout_compute() at the
 * kiosk's 1920x1080 and on a very narrow portrait screen (where a dozen
 * persons of one generation already need squeezed or staggered rows),
 * layout_hit_test() and scene_build() for every phase, at the start, middle
 * and end of a round, with and without spotlights, since those take the
 * untrusted model as it is. Everything is freed, so LeakSanitizer sees a
 * leak as a finding too.
 *
 * Built with FUZZ_PARSER_ONLY (the fuzz_parser target) it stops after the
 * parser: many more executions per second on the parser's own paths.
 *
 * Build and run: see BENCHMARKS.md ("Fuzzing"); the `fuzz` preset builds it
 * with clang and -fsanitize=fuzzer,address,undefined.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "layout.h"
#include "phases.h"
#include "scene.h"
#include "situation.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Layout and scenes cost about a millisecond per model of 50 nodes and grow
 * faster than linearly: past this size only the parser runs, so the fuzzer
 * keeps thousands of executions per second (the benchmarks and test_layout
 * cover big models). Small models reach the same code paths. */
enum { FUZZ_SPOTLIGHTS = 3, FUZZ_LAYOUT_MAX_NODES = 40 };

#ifndef FUZZ_PARSER_ONLY
static const int fuzz_screens[][2] = {{1920, 1080}, {240, 1200}};

static void exercise_scenes(const struct situation *situation)
{
	int spotlights[FUZZ_SPOTLIGHTS] = {0, (int)situation->node_count - 1, 1 << 20};
	for (size_t phase = 0; phase < situation->phase_count; phase++) {
		size_t steps = phase_step_count(situation, phase);
		size_t at[] = {0, steps / 2, steps, steps + 1};
		for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
			struct phase_position position = {.phase = phase, .step = at[i]};
			struct scene *plain = scene_build(situation, position, NULL, 0);
			struct scene *lit =
			    scene_build(situation, position, spotlights, FUZZ_SPOTLIGHTS);
			scene_free(plain);
			scene_free(lit);
		}
	}
	/* Walking the whole session the way the clicker does. */
	struct phase_position position = phase_first(situation);
	for (int guard = 0; guard < 4 * SITUATION_MAX_NODES && phase_next(situation, &position);
	     guard++)
		;
	while (phase_previous(situation, &position))
		;
}

static void exercise_layout(const struct situation *situation, int width, int height)
{
	struct layout *layout = layout_compute(situation, width, height, NULL);
	if (!layout)
		return;
	const float touches[][2] = {{0, 0},
	                            {(float)width / 2, (float)height / 2},
	                            {-5, 1e9f},
	                            {(float)width - 1, (float)height - 1}};
	for (size_t i = 0; i < sizeof touches / sizeof *touches; i++)
		(void)layout_hit_test(layout, NULL, touches[i][0], touches[i][1]);
	for (size_t i = 0; i < layout->node_count; i++)
		(void)layout_hit_test(layout, NULL, layout->nodes[i].x, layout->nodes[i].y);
	layout_free(layout);
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diags;
	diag_list_init(&diags, "fuzz.situation");
	struct situation *situation = situation_parse((const char *)data, size, &diags);
	diag_list_sort(&diags);
#ifndef FUZZ_PARSER_ONLY
	if (situation && situation->node_count <= FUZZ_LAYOUT_MAX_NODES) {
		for (size_t s = 0; s < sizeof fuzz_screens / sizeof *fuzz_screens; s++)
			exercise_layout(situation, fuzz_screens[s][0], fuzz_screens[s][1]);
		exercise_scenes(situation);
	}
#endif
	situation_free(situation);
	diag_list_free(&diags);
	return 0;
}
