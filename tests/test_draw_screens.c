/*
 * test_draw_screens: the texts of the screens stay on the screen. A long
 * phase title keeps clear of the progress text and of the screen's edge; a
 * long text phase and a long title screen stay above the screen's foot.
 * The real draw_frame on the software renderer, ink looked for where it
 * must and must not be; and the fitting functions on their own.
 *
 * DRAW_SHOTS=DIR saves every frame checked there (BMP) for a look.
 */
#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "draw.h"
#include "draw_canvas.h"
#include "render_check.h"
#include "scene.h"

/* ---- the title band ------------------------------------------------------- */

static const char *const long_title =
    "Le réseau de la famille Martin autour de Camille, de sa mère Paulette et de tous les "
    "professionnels qui les accompagnent depuis 2019";

/* Pixels in [x0, x1) x [y0, y1) that differ between two frames. */
static int differing(const SDL_Surface *a, const SDL_Surface *b, int x0, int y0, int x1, int y1)
{
	int count = 0;
	for (int y = y0; y < y1; y++)
		for (int x = x0; x < x1; x++)
			count += !render_check_close(render_check_pixel(a, x, y),
			                             render_check_pixel(b, x, y), 0);
	return count;
}

/* The progress text (phase n / m, and in the round how far it is) stands
 * where it stands under a short title, untouched by a long one; the long
 * title still fills the band's left part. */
static void check_title_band(const char *phase_type, size_t step)
{
	char text[1024];
	const char *titles[2] = {"Réseau", long_title};
	struct canvas canvases[2];
	struct layout *layouts[2] = {NULL, NULL};
	struct situation *situations[2] = {NULL, NULL};
	bool is_ready = true;
	for (int k = 0; k < 2; k++) {
		snprintf(text, sizeof text,
		         "situation \"Titres\" date=2026-01-10 lang=fr\n"
		         "personne p \"Paulette\" sexe=f ne=1960\n"
		         "personne c \"Camille\" sexe=m ne=1990\n"
		         "enfant c de p\n"
		         "phase \"%s\" type=%s\n"
		         "phase \"Fin\" type=texte text=\"Merci\"\n",
		         titles[k], phase_type);
		situations[k] = parse(text);
		is_ready = canvas_open(&canvases[k], 1280, 800) && situations[k] && is_ready;
		if (!is_ready)
			continue;
		struct layout_measure measure = draw_layout_measure(canvases[k].text);
		layouts[k] = layout_compute(situations[k], 1280, 800, &measure);
		char name[64];
		snprintf(name, sizeof name, "title-%s-%s", phase_type, k ? "long" : "short");
		if (layouts[k])
			canvas_draw(&canvases[k], situations[k], layouts[k], 0, step, name);
		is_ready = layouts[k] != NULL;
	}
	CHECK(is_ready);
	if (is_ready) {
		const SDL_Surface *shot = canvases[0].surface, *with_long = canvases[1].surface;
		int band = layouts[0]->title_px * 3 / 2, left = shot->w;
		SDL_Color paper = canvases[0].context.palette->background;
		/* The progress text: the ink of the band's right half. */
		for (int y = 0; y < band; y++)
			for (int x = shot->w / 2; x < shot->w; x++)
				if (!render_check_close(render_check_pixel(shot, x, y), paper, 8) &&
				    x < left)
					left = x;
		CHECK(left < shot->w - 40);
		int spoiled = differing(shot, with_long, left - 8, 0, shot->w, band);
		if (spoiled)
			fprintf(stderr,
			        "  title band (%s): %d pixels of the progress text spoiled\n",
			        phase_type, spoiled);
		CHECK_INT_EQ(spoiled, 0);
		int inked = 0;
		for (int y = 0; y < band; y++)
			for (int x = 0; x < shot->w / 2; x++)
				inked += !render_check_close(render_check_pixel(with_long, x, y),
				                             paper, 8);
		CHECK(inked > 1000);
	}
	for (int k = 0; k < 2; k++) {
		layout_free(layouts[k]);
		canvas_close(&canvases[k]);
		situation_free(situations[k]);
	}
}

/* ---- text phases ------------------------------------------------------------ */

/* The next meeting, about 145 characters, as a presenter writes it. */
static const char *const next_meeting =
    "Prochaine rencontre : mercredi 17 décembre 2026 à 9 h 30, Maison départementale des "
    "solidarités, salle Jacqueline-Auriol, 12 avenue de la République";

/* No ink in the last rows of the screen: nothing runs off its foot. The
 * count of inked pixels there, said on stderr for the shot `name`. */
static int ink_at_foot(const struct canvas *canvas, const char *name)
{
	const SDL_Surface *shot = canvas->surface;
	SDL_Color paper = canvas->context.palette->background;
	int inked = 0, rows = shot->h / 40;
	for (int y = shot->h - rows; y < shot->h; y++)
		for (int x = 0; x < shot->w; x++)
			inked += !render_check_close(render_check_pixel(shot, x, y), paper, 8);
	if (inked)
		fprintf(stderr, "  %s: %d inked pixels at the screen's foot\n", name, inked);
	return inked;
}

/* The situation of `text` and a width x height canvas for it; NULL (a
 * failed check, nothing left open) when either cannot be had. */
static struct situation *parse_on_canvas(const char *text, int width, int height,
                                         struct canvas *canvas)
{
	struct situation *situation = parse(text);
	if (situation && canvas_open(canvas, width, height))
		return situation;
	CHECK(false);
	situation_free(situation);
	return NULL;
}

static int ink_in(const struct canvas *canvas, int y0, int y1)
{
	const SDL_Surface *shot = canvas->surface;
	SDL_Color paper = canvas->context.palette->background;
	int inked = 0;
	for (int y = y0; y < y1; y++)
		for (int x = 0; x < shot->w; x++)
			inked += !render_check_close(render_check_pixel(shot, x, y), paper, 8);
	return inked;
}

static void check_text_phase(int width, int height, const char *forced_text)
{
	char text[1024];
	snprintf(text, sizeof text,
	         "situation \"Texte\" date=2026-01-10 lang=fr next=\"%s\"\n"
	         "personne p \"Paulette\" sexe=f ne=1960\n"
	         "phase \"Prochaine rencontre\" type=texte\n",
	         next_meeting);
	struct canvas canvas;
	struct situation *situation = parse_on_canvas(text, width, height, &canvas);
	if (!situation)
		return;
	CHECK(strlen(next_meeting) >= 140);
	const char *kept = situation->phases[0].text;
	if (forced_text) /* past the parser's cap, as a later format might allow */
		situation->phases[0].text = forced_text;
	char name[64];
	snprintf(name, sizeof name, "text-%dx%d%s", width, height, forced_text ? "-huge" : "");
	canvas_draw(&canvas, situation, NULL, 0, 0, name);
	CHECK_INT_EQ(ink_at_foot(&canvas, name), 0);
	/* And the text is there, below the title. */
	CHECK(ink_in(&canvas, height / 2, height - height / 40) > 2000);
	situation->phases[0].text = kept;
	canvas_close(&canvas);
	situation_free(situation);
}

/* ---- the title screen -------------------------------------------------------- */

/* A long title, a long place and a phase text: all on the screen, down to
 * its foot; `forced_title` (past the parser's cap) must be cut instead. */
static void check_title_screen(int width, int height, const char *forced_title)
{
	char text[2048];
	snprintf(text, sizeof text,
	         "situation \"%s\" date=2026-01-10 lang=fr lieu=\"%s, deuxième étage, porte au "
	         "fond du couloir à gauche\"\n"
	         "personne p \"Paulette\" sexe=f ne=1960\n"
	         "phase \"Accueil\" type=titre texte=\"Venez avec toutes les personnes dont vous "
	         "jugez la présence utile : la famille, les amis, les voisins et les "
	         "professionnels qui comptent pour vous.\"\n",
	         long_title, next_meeting);
	struct canvas canvas;
	struct situation *situation = parse_on_canvas(text, width, height, &canvas);
	if (!situation)
		return;
	const char *kept = situation->title;
	if (forced_title)
		situation->title = forced_title;
	char name[64];
	snprintf(name, sizeof name, "title-screen-%dx%d%s", width, height,
	         forced_title ? "-huge" : "");
	canvas_draw(&canvas, situation, NULL, 0, 0, name);
	CHECK_INT_EQ(ink_at_foot(&canvas, name), 0);
	/* The title at the top, the place and the phase's text below it. */
	CHECK(ink_in(&canvas, 0, height / 3) > 5000);
	CHECK(ink_in(&canvas, height * 2 / 3, height - height / 40) > 2000);
	situation->title = kept;
	canvas_close(&canvas);
	situation_free(situation);
}

/* ---- the fitting functions --------------------------------------------------- */

static bool is_valid_utf8(const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	while (*p) {
		int follow = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : 3;
		if ((*p & 0xC0) == 0x80 || *p >= 0xF8)
			return false;
		p++;
		for (int k = 0; k < follow; k++, p++)
			if ((*p & 0xC0) != 0x80)
				return false;
	}
	return true;
}

static bool ends_with_ellipsis(const char *text)
{
	size_t length = strlen(text);
	return length >= 3 && strcmp(text + length - 3, "\xe2\x80\xa6") == 0;
}

static void check_fit_line(void)
{
	struct canvas canvas;
	if (!canvas_open(&canvas, 640, 480)) {
		CHECK(false);
		return;
	}
	struct text_style style = {40, TEXT_BOLD, {0, 0, 0, 255}};
	char buffer[256];
	int w = 0, h = 0;
	/* Fits: unchanged. */
	CHECK_INT_EQ(
	    draw_fit_line(&canvas.context, "Réseau", style, 20, 600, buffer, sizeof buffer), 40);
	CHECK_STR_EQ(buffer, "Réseau");
	/* A little too long: smaller, whole. */
	const char *title = "Le tour de table de la famille";
	text_measure(canvas.text, title, style, &w, &h);
	float room = (float)w * 0.8f;
	int px = draw_fit_line(&canvas.context, title, style, 20, room, buffer, sizeof buffer);
	CHECK(px < 40 && px >= 20);
	CHECK_STR_EQ(buffer, title);
	text_measure(canvas.text, buffer, (struct text_style){px, TEXT_BOLD, style.color}, &w, &h);
	CHECK((float)w <= room);
	/* Far too long, accents throughout: cut on a character boundary. */
	const char *accents = "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé";
	px = draw_fit_line(&canvas.context, accents, style, 20, 300, buffer, sizeof buffer);
	CHECK_INT_EQ(px, 20);
	CHECK(is_valid_utf8(buffer) && ends_with_ellipsis(buffer));
	CHECK(strlen(buffer) < strlen(accents));
	text_measure(canvas.text, buffer, (struct text_style){px, TEXT_BOLD, style.color}, &w, &h);
	CHECK(w <= 300);
	/* Combining accents stay with their letter: e + U+0301. */
	char combining[200] = "";
	for (int k = 0; k < 40; k++)
		strcat(combining, "e\xcc\x81");
	draw_fit_line(&canvas.context, combining, style, 20, 200, buffer, sizeof buffer);
	size_t length = strlen(buffer);
	CHECK(ends_with_ellipsis(buffer) && length >= 6 &&
	      memcmp(buffer + length - 5, "\xcc\x81", 2) == 0);
	/* A buffer smaller than the text: still cut cleanly. */
	char small[16];
	draw_fit_line(&canvas.context, accents, style, 20, 600, small, sizeof small);
	CHECK(is_valid_utf8(small) && ends_with_ellipsis(small));
	/* Wrapped in a box with a foot: no taller than the box, last line cut. */
	const char *words = "Nous nous retrouverons avec toute la famille, l'école et le CMP pour "
	                    "faire le point sur ce qui a changé depuis la dernière rencontre.";
	int height = draw_wrapped_text(&canvas.context, words,
	                               (struct text_style){30, TEXT_BOLD, {0, 0, 0, 255}},
	                               (SDL_FRect){20, 20, 300, 100}, 1);
	CHECK(height > 0 && height <= 100);
	canvas_close(&canvas);
}

int main(void)
{
	check_title_band("reseau", 0);
	check_title_band("tour", 1);
	check_text_phase(1280, 800, NULL);
	check_text_phase(1024, 600, NULL);
	static char huge[4000];
	while (strlen(huge) + 20 < sizeof huge)
		strcat(huge, "la rencontre — ");
	check_text_phase(1280, 800, huge);
	check_title_screen(1280, 800, NULL);
	check_title_screen(1024, 600, NULL);
	check_title_screen(1024, 600, huge);
	check_fit_line();
	return check_report("test_draw_screens");
}
