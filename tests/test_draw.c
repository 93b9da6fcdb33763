/*
 * test_draw: what draw_frame puts in front of the room stays readable
 * where links and fields meet the nodes. An arrow's head shows at the node
 * it points to, not under that node's name or tag (drawn over the links);
 * an overlap field's band shows its outline, also where another crosses
 * it, without darkening the crossing. The real draw_frame on the software
 * renderer, pixels looked for where they must be. The screens' texts are in
 * test_draw_screens.c.
 *
 * DRAW_SHOTS=DIR saves every frame checked there (BMP) for a look.
 */
#include <SDL.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "draw.h"
#include "draw_canvas.h"
#include "geometry.h"
#include "render_check.h"
#include "scene.h"
#include "session.h"

enum { TOLERANCE = 40 };

static size_t link_between(const struct situation *situation, const char *a, const char *b)
{
	for (size_t l = 0; l < situation->link_count; l++)
		if (strcmp(situation->nodes[situation->links[l].a].id, a) == 0 &&
		    strcmp(situation->nodes[situation->links[l].b].id, b) == 0)
			return l;
	return situation->link_count;
}

/* ---- arrow heads ---------------------------------------------------------- */

static bool is_inside(const struct layout_rect *box, float x, float y)
{
	return x >= box->x - 2 && x <= box->x + box->w + 2 && y >= box->y - 2 &&
	       y <= box->y + box->h + 2;
}

/* The widest unbroken run across the link, in the arrow's colour, between
 * the node it points to and the other end, where the node's own symbol, tag
 * and label do not stand (they are drawn over links, and a glyph's edge
 * over a tag can take any colour): a line is one or two line widths across,
 * a head more than four. */
static int widest_across(const struct canvas *canvas, const struct situation *situation,
                         const struct layout *layout, size_t l)
{
	const struct link *link = &situation->links[l];
	SDL_Color color = draw_link_color(canvas->context.palette, situation, link);
	const struct layout_node *a = &layout->nodes[link->a], *b = &layout->nodes[link->b];
	float dx = a->x - b->x, dy = a->y - b->y, length = sqrtf(dx * dx + dy * dy);
	float ux = dx / length, uy = dy / length, line = layout->line_width;
	int widest = 0;
	for (float s = b->size * 0.62f; s < length - a->size * 0.62f; s += 0.5f) {
		int run = 0;
		for (float t = -line * 4; t <= line * 4; t += 1.0f) {
			float x = b->x + ux * s - uy * t, y = b->y + uy * s + ux * t;
			int px = (int)lroundf(x), py = (int)lroundf(y);
			bool is_head =
			    px >= 0 && py >= 0 && px < canvas->surface->w &&
			    py < canvas->surface->h && !is_inside(&b->symbol_box, x, y) &&
			    !is_inside(&b->label_box, x, y) &&
			    render_check_close(render_check_pixel(canvas->surface, px, py), color,
			                       TOLERANCE);
			run = is_head ? run + 1 : 0;
			widest = run > widest ? run : widest;
		}
	}
	return widest;
}

static bool has_visible_head(const struct canvas *canvas, const struct situation *situation,
                             const struct layout *layout, size_t l, const char *name)
{
	int widest = widest_across(canvas, situation, layout, l);
	bool is_visible = (float)widest >= layout->line_width * 3;
	if (!is_visible)
		fprintf(stderr, "  %s: arrow %s -> %s: widest %d px across, line %.1f px\n", name,
		        situation->nodes[situation->links[l].a].id,
		        situation->nodes[situation->links[l].b].id, widest, layout->line_width);
	return is_visible;
}

/* Moves a node with its tag or label, as if the layout had put it there. */
static void move_node(struct layout *layout, size_t index, float x, float y)
{
	struct layout_node *placed = &layout->nodes[index];
	float dx = x - placed->x, dy = y - placed->y;
	placed->x = x, placed->y = y;
	placed->symbol_box.x += dx, placed->symbol_box.y += dy;
	placed->label_box.x += dx, placed->label_box.y += dy;
}

/* A situation parsed and laid out on a fresh canvas of its own. */
struct drawing {
	struct situation *situation;
	struct canvas canvas;
	struct layout *layout;
};

/* False, with a failed check, when the text does not parse or there is no
 * canvas; the layout is checked too. */
static bool drawing_open(struct drawing *drawing, const char *text, int width, int height)
{
	drawing->situation = parse(text);
	drawing->layout = NULL;
	if (!drawing->situation || !canvas_open(&drawing->canvas, width, height)) {
		CHECK(false);
		situation_free(drawing->situation);
		return false;
	}
	struct layout_measure measure = draw_layout_measure(drawing->canvas.text);
	drawing->layout = layout_compute(drawing->situation, width, height, &measure);
	CHECK(drawing->layout != NULL);
	return true;
}

static void drawing_close(struct drawing *drawing)
{
	layout_free(drawing->layout);
	canvas_close(&drawing->canvas);
	situation_free(drawing->situation);
}

/* A child right under its parent, calling on her: the arrow comes from
 * below, where her name and age stand. */
static void check_arrow_from_below(void)
{
	struct drawing drawing;
	if (!drawing_open(&drawing,
	                  "situation \"Flèches\" date=2026-01-10 lang=fr\n"
	                  "personne p \"Paulette Durand-Lefebvre\" sexe=f ne=1960\n"
	                  "personne c \"Camille\" sexe=m ne=1990\n"
	                  "enfant c de p\n"
	                  "lien c p fleche\n"
	                  "phase \"Réseau\" type=reseau\n",
	                  1280, 800))
		return;
	struct situation *situation = drawing.situation;
	struct layout *layout = drawing.layout;
	size_t l = link_between(situation, "c", "p");
	CHECK(layout && l < situation->link_count);
	if (layout && l < situation->link_count) {
		const struct layout_node *parent = &layout->nodes[situation->links[l].b];
		const struct layout_node *child = &layout->nodes[situation->links[l].a];
		/* The case looked for: the child under the parent. */
		CHECK(child->y > parent->label_box.y + parent->label_box.h);
		CHECK(fabsf(child->x - parent->x) < parent->size);
		canvas_draw(&drawing.canvas, situation, layout, 0, 0, "arrow-from-below");
		CHECK(has_visible_head(&drawing.canvas, situation, layout, l, "arrow-from-below"));
	}
	drawing_close(&drawing);
}

/* An institution's tag is as wide as its name: an arrow coming level with
 * it, from either side, or slanting in, ends beside the tag, not under it. */
static void check_arrow_to_tag(void)
{
	struct drawing drawing;
	if (!drawing_open(
	        &drawing,
	        "situation \"Flèches\" date=2026-01-10 lang=fr\n"
	        "institution ase \"Aide sociale à l'enfance du département\" secteur=controle\n"
	        "personne c \"Camille\" sexe=m ne=1990\n"
	        "lien c ase fleche\n"
	        "phase \"Réseau\" type=reseau\n",
	        1280, 800))
		return;
	struct situation *situation = drawing.situation;
	struct layout *layout = drawing.layout;
	size_t l = link_between(situation, "c", "ase");
	CHECK(layout && l < situation->link_count);
	if (layout && l < situation->link_count) {
		size_t tag = (size_t)situation->links[l].b, person = (size_t)situation->links[l].a;
		move_node(layout, tag, 640, 300);
		/* The tag is much wider than the 0.62 symbol sizes links used to stop at. */
		CHECK(layout->nodes[tag].symbol_box.w > layout->nodes[tag].size * 4);
		const struct {
			float x, y;
			const char *name;
		} places[] = {{260, 300, "arrow-to-tag-left"},
		              {1020, 300, "arrow-to-tag-right"},
		              {300, 420, "arrow-to-tag-slanting"}};
		for (size_t k = 0; k < sizeof places / sizeof places[0]; k++) {
			move_node(layout, person, places[k].x, places[k].y);
			canvas_draw(&drawing.canvas, situation, layout, 0, 0, places[k].name);
			CHECK(has_visible_head(&drawing.canvas, situation, layout, l,
			                       places[k].name));
		}
	}
	drawing_close(&drawing);
}

/* The demo's own arrows, in its whole-network phase, at two screen sizes:
 * "demande d'aide" reaches Sophie from below her name. */
static void check_demo_arrows(void)
{
	struct session session;
	CHECK(session_load(&session, NULL));
	const struct situation *situation = session.situation;
	size_t network = 0;
	while (situation && network < situation->phase_count &&
	       situation->phases[network].type != PHASE_NETWORK)
		network++;
	CHECK(situation && network < situation->phase_count);
	const int sizes[][2] = {{1280, 720}, {1920, 1080}};
	for (size_t k = 0; situation && network < situation->phase_count && k < 2; k++) {
		struct canvas canvas;
		if (!canvas_open(&canvas, sizes[k][0], sizes[k][1])) {
			CHECK(false);
			continue;
		}
		struct layout_measure measure = draw_layout_measure(canvas.text);
		struct layout *layout =
		    layout_compute(situation, sizes[k][0], sizes[k][1], &measure);
		char name[64];
		snprintf(name, sizeof name, "demo-arrows-%dx%d", sizes[k][0], sizes[k][1]);
		canvas_draw(&canvas, situation, layout, network, 0, name);
		int arrows = 0;
		for (size_t l = 0; layout && l < situation->link_count; l++) {
			if (!situation->links[l].has_arrow)
				continue;
			arrows++;
			CHECK(has_visible_head(&canvas, situation, layout, l, name));
		}
		CHECK(arrows >= 2);
		layout_free(layout);
		canvas_close(&canvas);
	}
	session_free(&session);
}

/* A head moving away from a rectangle clears it exactly where its nearest
 * corner passes the rectangle's side, grown by the gap. */
static void check_clear_of_rect(void)
{
	SDL_FPoint head[3] = {{0, 0}, {-4, 8}, {4, 8}}; /* pointing up, moving down */
	SDL_FRect rect = {-50, 20, 100, 10};
	SDL_FPoint origin = {0, 0}, down = {0, 1};
	CHECK(fabsf(geometry_clear_of_rect(origin, down, 0, head, 3, rect, 2) - 32) < 0.01f);
	/* Already clear: stays. */
	CHECK(geometry_clear_of_rect(origin, down, 40, head, 3, rect, 2) == 40);
	/* Beside the rectangle from the start: nothing to clear. */
	SDL_FRect aside = {30, -10, 20, 100};
	CHECK(geometry_clear_of_rect(origin, down, 0, head, 3, aside, 2) == 0);
	/* A wing reaching back past the tip is the last to clear. */
	SDL_FPoint swept[3] = {{0, 0}, {-4, -3}, {4, 8}};
	CHECK(fabsf(geometry_clear_of_rect(origin, down, 0, swept, 3, rect, 2) - 35) < 0.01f);
	/* Slanting out: through the nearer side, the bottom. */
	float c = sqrtf(0.5f);
	SDL_FPoint slant = {c, c};
	CHECK(fabsf(geometry_clear_of_rect(origin, slant, 0, head, 3, rect, 0) * c - 30) < 0.01f);
}

/* ---- overlap fields ---------------------------------------------------------- */

/* Pixels of `color` on the segment from `centre` - `reach` n to `centre` + `reach` n. */
static int count_across(const SDL_Surface *shot, SDL_FPoint centre, SDL_FPoint n, float reach,
                        SDL_Color color)
{
	int count = 0;
	for (float t = -reach; t <= reach; t += 1.0f) {
		int x = (int)lroundf(centre.x + n.x * t), y = (int)lroundf(centre.y + n.y * t);
		count += x >= 0 && y >= 0 && x < shot->w && y < shot->h &&
		         render_check_close(render_check_pixel(shot, x, y), color, TOLERANCE);
	}
	return count;
}

/* Two fields crossing in an X, in both themes: each band has an outline in
 * the field's colour on both sides; where they cross the tint is the same
 * as elsewhere (no darker blob), and each field's outline still shows
 * inside the other's band. */
static void check_field_bands(enum situation_theme theme)
{
	struct drawing drawing;
	if (!drawing_open(&drawing,
	                  "situation \"Champs\" date=2026-01-10 lang=fr\n"
	                  "personne a \"Alice\" sexe=f ne=1980\n"
	                  "personne b \"Bruno\" sexe=m ne=1981\n"
	                  "personne c \"Chloé\" sexe=f ne=1982\n"
	                  "personne d \"David\" sexe=m ne=1983\n"
	                  "champ \"Un\" a b\n"
	                  "champ \"Deux\" c d\n"
	                  "phase \"Champs\" type=champs\n",
	                  1280, 800))
		return;
	struct situation *situation = drawing.situation;
	struct layout *layout = drawing.layout;
	drawing.canvas.context.palette = palette_for_theme(theme);
	CHECK(layout && situation->field_count == 2);
	if (layout && situation->field_count == 2) {
		/* Unnamed, so no name stands over the crossing. */
		situation->fields[0].label = situation->fields[1].label = NULL;
		const SDL_FPoint where[4] = {{300, 200}, {900, 600}, {300, 600}, {900, 200}};
		for (size_t i = 0; i < 4; i++)
			move_node(layout, i, where[i].x, where[i].y);
		const char *name = theme == THEME_DARK ? "fields-dark" : "fields-light";
		canvas_draw(&drawing.canvas, situation, layout, 0, 0, name);
		const SDL_Surface *shot = drawing.canvas.surface;
		const struct palette *palette = drawing.canvas.context.palette;
		float radius = layout->symbol_size * 0.85f, reach = layout->line_width * 3;
		float length = hypotf(600, 400);
		SDL_FPoint along[2] = {{600 / length, 400 / length}, {600 / length, -400 / length}};
		for (int f = 0; f < 2; f++) {
			SDL_FPoint n = {-along[f].y, along[f].x};
			/* A quarter of the way from a (or c), clear of the other band. */
			SDL_FPoint quarter = {where[2 * f].x + along[f].x * length / 4,
			                      where[2 * f].y + along[f].y * length / 4};
			for (int side = -1; side <= 1; side += 2) {
				SDL_FPoint edge = {quarter.x + n.x * radius * (float)side,
				                   quarter.y + n.y * radius * (float)side};
				int outline =
				    count_across(shot, edge, n, reach, palette->field_outline);
				if (outline < 2)
					fprintf(
					    stderr,
					    "  %s: field %d: %d outline pixels across its edge\n",
					    name, f, outline);
				CHECK(outline >= 2);
			}
			/* Its edge where it runs through the other band. */
			SDL_FPoint inside = {600 + n.x * radius, 400 + n.y * radius};
			int outline = count_across(shot, inside, n, reach, palette->field_outline);
			if (outline < 2)
				fprintf(stderr,
				        "  %s: field %d: %d outline pixels inside the other\n",
				        name, f, outline);
			CHECK(outline >= 2);
		}
		/* The tint on one band and where both cross. */
		SDL_Color alone = render_check_pixel(shot, 450, 300);
		SDL_Color crossing = render_check_pixel(shot, 600, 400);
		SDL_Color paper = palette->background;
		CHECK(!render_check_close(alone, paper, 8));
		if (!render_check_close(alone, crossing, 2))
			fprintf(stderr, "  %s: tint %d,%d,%d alone, %d,%d,%d where fields cross\n",
			        name, alone.r, alone.g, alone.b, crossing.r, crossing.g,
			        crossing.b);
		CHECK(render_check_close(alone, crossing, 2));
	}
	drawing_close(&drawing);
}

int main(void)
{
	check_clear_of_rect();
	check_arrow_from_below();
	check_arrow_to_tag();
	check_demo_arrows();
	check_field_bands(THEME_LIGHT);
	check_field_bands(THEME_DARK);
	return check_report("test_draw");
}
