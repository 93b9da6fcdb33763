/*
 * phases: next/previous over phases and round steps; see phases.h.
 */
#include "phases.h"

size_t phase_step_count(const struct situation *situation, size_t phase)
{
	if (phase >= situation->phase_count)
		return 0;
	const struct phase *current = &situation->phases[phase];
	return current->type == PHASE_ROUND ? current->order_count : 0;
}

struct phase_position phase_first(const struct situation *situation)
{
	(void)situation;
	return (struct phase_position){0, 0};
}

struct phase_position phase_last(const struct situation *situation)
{
	size_t last = situation->phase_count ? situation->phase_count - 1 : 0;
	return (struct phase_position){last, phase_step_count(situation, last)};
}

bool phase_next(const struct situation *situation, struct phase_position *position)
{
	if (position->step < phase_step_count(situation, position->phase)) {
		position->step++;
		return true;
	}
	if (position->phase + 1 >= situation->phase_count)
		return false;
	position->phase++;
	position->step = 0;
	return true;
}

bool phase_previous(const struct situation *situation, struct phase_position *position)
{
	if (position->step > 0) {
		position->step--;
		return true;
	}
	if (position->phase == 0)
		return false;
	position->phase--;
	position->step = phase_step_count(situation, position->phase);
	return true;
}

struct phase_position phase_clamp(const struct situation *situation, struct phase_position position)
{
	if (situation->phase_count == 0)
		return (struct phase_position){0, 0};
	if (position.phase >= situation->phase_count)
		position.phase = situation->phase_count - 1;
	size_t steps = phase_step_count(situation, position.phase);
	if (position.step > steps)
		position.step = steps;
	return position;
}
