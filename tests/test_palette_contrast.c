/*
 * test_palette_contrast: every text colour of both themes against what it is
 * drawn on, as WCAG 2 contrast ratios. The issue asks for 7:1 (WCAG AAA)
 * because projectors wash colours out.
 *
 * Each pair names where the text appears. Text with alpha (field labels) is
 * composited first; so is the translucent label backing, over the paper and
 * over the darkest line that can pass under a label, where the floor is
 * 4.5:1 (that line covers only a sliver of the label). Overlap fields'
 * bands are checked as shapes (3:1 for their outline) with what stands on
 * their tint.
 *
 * Set CONTRAST_PRINT=1 to print every ratio.
 */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "palette.h"

static const double contrast_target = 7.0;
static const double contrast_over_line = 4.5;
/* Lines and shapes (WCAG 1.4.11), and an overlap field's tint off the paper. */
static const double contrast_graphic = 3.0;
static const double contrast_field_tint = 1.4;

static double channel_linear(double value)
{
	double c = value / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(SDL_Color color)
{
	return 0.2126 * channel_linear(color.r) + 0.7152 * channel_linear(color.g) +
	       0.0722 * channel_linear(color.b);
}

static double contrast(SDL_Color a, SDL_Color b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* `top` (with its alpha) blended over an opaque `under`, as SDL_BLENDMODE_BLEND does. */
static SDL_Color over(SDL_Color top, SDL_Color under)
{
	double a = top.a / 255.0;
	return (SDL_Color){(Uint8)lround(top.r * a + under.r * (1 - a)),
	                   (Uint8)lround(top.g * a + under.g * (1 - a)),
	                   (Uint8)lround(top.b * a + under.b * (1 - a)), 255};
}

static bool is_printing;

static void check_pair(const char *theme, const char *what, SDL_Color text, SDL_Color ground,
                       double target)
{
	SDL_Color seen = over(text, ground);
	double ratio = contrast(seen, ground);
	if (is_printing || ratio < target)
		fprintf(ratio < target ? stderr : stdout, "%s %-44s %5.2f:1 (target %.1f)\n", theme,
		        what, ratio, target);
	CHECK(ratio >= target);
}

static const char *const sector_names[SECTOR_COUNT] = {"aid",     "care",    "education",
                                                       "control", "culture", "other"};
static const char *const arrow_names[ARROW_DIRECTION_COUNT] = {
    "arrow family-family", "arrow pro-pro", "arrow family-pro", "arrow pro-family"};

/* An overlap field is the point of the "fields" phase: its band must show
 * from the back of a washed-out room. Its outline is a graphical object
 * (WCAG 1.4.11: 3:1) against the paper and across another field's tint;
 * the tint itself is opaque, so overlapping bands do not darken into blobs,
 * and visibly off the paper; whatever stands on it still reads. */
static void check_fields(const char *theme, const struct palette *p)
{
	SDL_Color paper = p->background;
	SDL_Color tint = over(p->field_fill, paper);
	if (p->field_fill.a != 255)
		fprintf(stderr, "%s field tint has alpha %d: overlapping bands darken\n", theme,
		        p->field_fill.a);
	CHECK_INT_EQ(p->field_fill.a, 255);
	check_pair(theme, "field tint on paper", tint, paper, contrast_field_tint);
	check_pair(theme, "field outline on paper", p->field_outline, paper, contrast_graphic);
	check_pair(theme, "field outline on a field", p->field_outline, tint, contrast_graphic);
	check_pair(theme, "ink (symbols) on a field", p->ink, tint, contrast_target);
	check_pair(theme, "muted ink on a field", p->muted_ink, tint, contrast_over_line);
	check_pair(theme, "work (pro outlines, links) on a field", p->work, tint,
	           contrast_over_line);
	char what[96];
	for (int a = 0; a < ARROW_DIRECTION_COUNT; a++) {
		snprintf(what, sizeof what, "%s on a field", arrow_names[a]);
		check_pair(theme, what, p->arrows[a], tint, contrast_graphic);
	}
}

static void check_theme(const char *theme, const struct palette *p)
{
	SDL_Color paper = p->background;
	SDL_Color backing = over(p->label_backing, paper);
	/* The darkest (or lightest, in the dark theme) line under a label. */
	SDL_Color backing_over_line = over(p->label_backing, p->ink);
	char what[96];
	struct {
		const char *name;
		SDL_Color color;
	} texts[4 + ARROW_DIRECTION_COUNT] = {
	    {"ink (names, titles)", p->ink},
	    {"muted ink (roles, ages, households)", p->muted_ink},
	    {"work (pro link labels, method)", p->work},
	    {"error (error screen)", p->error},
	};
	for (int a = 0; a < ARROW_DIRECTION_COUNT; a++)
		texts[4 + a].name = arrow_names[a], texts[4 + a].color = p->arrows[a];
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		snprintf(what, sizeof what, "%s on paper", texts[t].name);
		check_pair(theme, what, texts[t].color, paper, contrast_target);
		snprintf(what, sizeof what, "%s on label backing", texts[t].name);
		check_pair(theme, what, texts[t].color, backing, contrast_target);
		snprintf(what, sizeof what, "%s on backing over a line", texts[t].name);
		check_pair(theme, what, texts[t].color, backing_over_line, contrast_over_line);
	}
	check_pair(theme, "field name on paper", p->field_name, paper, contrast_target);
	check_pair(theme, "field name on a field", p->field_name, over(p->field_fill, paper),
	           contrast_target);
	check_fields(theme, p);
	for (int s = 0; s < SECTOR_COUNT; s++) {
		snprintf(what, sizeof what, "tag text on %s", sector_names[s]);
		check_pair(theme, what, p->sector_text, p->sectors[s], contrast_target);
	}
}

/* The formula itself, on values from the WCAG definition. */
static void check_formula(void)
{
	SDL_Color black = {0, 0, 0, 255}, white = {255, 255, 255, 255};
	CHECK(fabs(contrast(black, white) - 21.0) < 1e-9);
	CHECK(fabs(contrast(white, white) - 1.0) < 1e-9);
	/* #767676 on white is the classic 4.54:1. */
	CHECK(fabs(contrast((SDL_Color){118, 118, 118, 255}, white) - 4.54) < 0.01);
	/* A translucent black over white is grey. */
	SDL_Color half = over((SDL_Color){0, 0, 0, 128}, white);
	CHECK(half.r == 127 && half.g == 127 && half.b == 127);
}

int main(void)
{
	is_printing = getenv("CONTRAST_PRINT") != NULL;
	check_formula();
	check_theme("light", palette_for_theme(THEME_LIGHT));
	check_theme("dark", palette_for_theme(THEME_DARK));
	return check_report("test_palette_contrast");
}
