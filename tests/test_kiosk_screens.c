/*
 * test_kiosk_screens: what the key screens say and where — the empty-key
 * screen's own words for a key with no situation, a key that cannot be
 * read, a key read only in part, a key too full to look through and a key
 * nothing could mount (encrypted, or another system's format); the
 * chooser's notice when the key holds more files than it lists ("Seuls les
 * 50 premiers fichiers sur 63 ..."), drawn in a band of its own at the foot
 * that no row reaches and no tap opens, inside the screen's margins, at
 * 1280x720 and 1920x1080 (software renderer, the real drawing).
 *
 * A file that cannot be used as a whole (unreadable, too large, a link) gets
 * its own screen, with its own title and advice in place of the error
 * list's "fix these lines", and its name and reason in words; a file with
 * errors in its lines keeps the error list.
 *
 * The frames are written to the build's tests folder (kiosk-*.bmp) for a
 * look.
 */
#include <SDL.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "file_screen.h"
#include "kiosk_screens.h"
#include "render_check.h"

enum { TOLERANCE = 24 };

static const enum kiosk_key_problem empty_reasons[] = {KIOSK_KEY_FINE, KIOSK_KEY_UNREADABLE,
                                                       KIOSK_KEY_READ_ERRORS, KIOSK_KEY_TOO_FULL,
                                                       KIOSK_KEY_UNOPENED};
enum { EMPTY_REASONS = sizeof empty_reasons / sizeof *empty_reasons };

/* Each reason a key offers nothing has its own headline and hint, in both
 * languages; none of them is the waiting screen's. */
static void test_empty_key_words(void)
{
	for (int lang = 0; lang < 2; lang++) {
		enum situation_lang language = lang ? LANG_EN : LANG_FR;
		const char *waiting, *waiting_hint;
		kiosk_key_words(language, false, KIOSK_KEY_FINE, &waiting, &waiting_hint);
		const char *headlines[EMPTY_REASONS], *hints[EMPTY_REASONS];
		for (size_t k = 0; k < EMPTY_REASONS; k++) {
			kiosk_key_words(language, true, empty_reasons[k], &headlines[k], &hints[k]);
			CHECK(headlines[k] && headlines[k][0] && hints[k] && hints[k][0]);
			CHECK(strcmp(headlines[k], waiting) != 0);
			for (size_t j = 0; j < k; j++) {
				CHECK(strcmp(headlines[k], headlines[j]) != 0);
				CHECK(strcmp(hints[k], hints[j]) != 0);
			}
		}
	}
	const char *headline, *hint;
	kiosk_key_words(LANG_FR, false, KIOSK_KEY_FINE, &headline, &hint);
	CHECK_STR_EQ(headline, "Insérez la clé USB de la situation");
	/* Where the kiosk looks: the root and the folders at the root, and no
	 * deeper (a file two folders down is not found). */
	kiosk_key_words(LANG_FR, true, KIOSK_KEY_FINE, &headline, &hint);
	CHECK_STR_EQ(headline, "Aucune situation sur cette clé");
	CHECK(strstr(hint, "à la racine de la clé ou dans un dossier à la racine") != NULL);
	CHECK(strstr(hint, "pas dans un sous-dossier") != NULL);
	kiosk_key_words(LANG_EN, true, KIOSK_KEY_FINE, &headline, &hint);
	CHECK(strstr(hint, "not in a subfolder") != NULL);
	kiosk_key_words(LANG_FR, true, KIOSK_KEY_UNREADABLE, &headline, &hint);
	CHECK_STR_EQ(headline, "Cette clé ne peut pas être lue");
	kiosk_key_words(LANG_FR, true, KIOSK_KEY_TOO_FULL, &headline, &hint);
	CHECK_STR_EQ(headline, "Trop de fichiers sur cette clé");
	CHECK(strstr(hint, "racine") != NULL);
	/* A key nothing mounted: what it may be, and what to do instead. */
	kiosk_key_words(LANG_FR, true, KIOSK_KEY_UNOPENED, &headline, &hint);
	CHECK_STR_EQ(headline, "Cette clé ne peut pas être ouverte");
	CHECK(strstr(hint, "chiffrée") != NULL && strstr(hint, "FAT32 ou exFAT") != NULL);
	kiosk_key_words(LANG_EN, true, KIOSK_KEY_UNOPENED, &headline, &hint);
	CHECK(strstr(hint, "encrypted") != NULL);
	CHECK_STR_EQ(kiosk_key_problem_to_str(KIOSK_KEY_UNOPENED), "unopened");
	CHECK_STR_EQ(kiosk_key_problem_to_str(KIOSK_KEY_NOT_LISTED), "not-listed");
	CHECK_STR_EQ(kiosk_key_problem_to_str(KIOSK_KEY_TOO_FULL), "too-full");
}

static void test_notice_words(void)
{
	struct kiosk_chooser chooser = {NULL, 50, 0, KIOSK_KEY_NOT_LISTED, 63};
	char notice[512];
	CHECK(kiosk_chooser_notice(LANG_FR, &chooser, notice, sizeof notice));
	CHECK(strncmp(notice, "Seuls les 50 premiers fichiers sur 63 sont affichés", 51) == 0);
	CHECK(kiosk_chooser_notice(LANG_EN, &chooser, notice, sizeof notice));
	CHECK(strncmp(notice, "Only the first 50 of 63 files are shown", 39) == 0);
	chooser.problem = KIOSK_KEY_FINE;
	CHECK(!kiosk_chooser_notice(LANG_FR, &chooser, notice, sizeof notice));
	CHECK_STR_EQ(notice, "");
	char other[512];
	chooser.problem = KIOSK_KEY_READ_ERRORS;
	CHECK(kiosk_chooser_notice(LANG_FR, &chooser, notice, sizeof notice));
	chooser.problem = KIOSK_KEY_TOO_FULL;
	CHECK(kiosk_chooser_notice(LANG_FR, &chooser, other, sizeof other));
	CHECK(strcmp(notice, other) != 0);
}

struct canvas {
	SDL_Surface *surface;
	SDL_Renderer *renderer;
	struct draw_context context;
};

static bool canvas_open(struct canvas *canvas, int width, int height)
{
	*canvas = (struct canvas){0};
	canvas->surface =
	    SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
	canvas->renderer = canvas->surface ? SDL_CreateSoftwareRenderer(canvas->surface) : NULL;
	struct text_cache *text = canvas->renderer ? text_cache_new(canvas->renderer) : NULL;
	canvas->context = (struct draw_context){.renderer = canvas->renderer,
	                                        .text = text,
	                                        .palette = palette_for_theme(THEME_LIGHT),
	                                        .width = width,
	                                        .height = height};
	return text != NULL;
}

static void canvas_close(struct canvas *canvas, const char *name)
{
	if (canvas->surface && name) {
		char path[512];
		snprintf(path, sizeof path, "%s/kiosk-%s-%dx%d.bmp", TESTS_OUTPUT_DIR, name,
		         canvas->surface->w, canvas->surface->h);
		SDL_RenderPresent(canvas->renderer);
		SDL_SaveBMP(canvas->surface, path);
	}
	text_cache_free(canvas->context.text);
	SDL_DestroyRenderer(canvas->renderer);
	SDL_FreeSurface(canvas->surface);
}

static bool is_ink(const SDL_Surface *surface, int x, int y, SDL_Color ink)
{
	return render_check_close(render_check_pixel(surface, x, y), ink, TOLERANCE);
}

/* The notice's band starts with a rule across the whole width: its top
 * row, or -1 when there is none. */
static int notice_rule_top(const SDL_Surface *surface, SDL_Color ink)
{
	for (int y = surface->h / 2; y < surface->h; y++)
		if (is_ink(surface, 0, y, ink) && is_ink(surface, surface->w / 2, y, ink) &&
		    is_ink(surface, surface->w - 1, y, ink))
			return y;
	return -1;
}

static void test_chooser_notice_drawn(int width, int height, enum situation_lang lang)
{
	static struct kiosk_chooser_item items[50];
	static char names[50][32];
	for (size_t k = 0; k < 50; k++) {
		snprintf(names[k], sizeof names[k], "famille-%02zu.situation", k + 1);
		items[k] = (struct kiosk_chooser_item){
		    "Famille Martin", names[k], {2026, 3, 14}, k == 3 ? 2 : 0};
	}
	int unit = width < height ? width : height;
	int margin = unit / 18;
	for (int with_notice = 0; with_notice < 2; with_notice++) {
		/* The selection low in the list: the rows shown reach the foot. */
		struct kiosk_chooser chooser = {
		    items, 50, 3, with_notice ? KIOSK_KEY_NOT_LISTED : KIOSK_KEY_FINE, 63};
		struct canvas canvas;
		CHECK(canvas_open(&canvas, width, height));
		if (!canvas.context.text) {
			canvas_close(&canvas, NULL);
			continue;
		}
		draw_chooser_screen(&canvas.context, lang, &chooser);
		SDL_Color ink = canvas.context.palette->error;
		int rule = notice_rule_top(canvas.surface, ink);
		if (!with_notice) {
			CHECK(rule < 0);
			canvas_close(&canvas, lang == LANG_FR ? "chooser" : NULL);
			continue;
		}
		CHECK(rule > height / 2);
		if (rule < 0) {
			canvas_close(&canvas, NULL);
			continue;
		}
		/* The text is there, below the rule and inside the margins. */
		int text_pixels = 0, outside = 0;
		for (int y = rule + unit / 120 + 1; y < height; y++)
			for (int x = 0; x < width; x++)
				if (is_ink(canvas.surface, x, y, ink)) {
					text_pixels++;
					outside += x < margin / 2 || x >= width - margin / 2;
				}
		CHECK(text_pixels > 200);
		CHECK_INT_EQ(outside, 0);
		/* No row reaches the band, and a tap on it opens nothing. */
		for (int y = rule; y < height; y++)
			CHECK(kiosk_chooser_row_at(width, height, &chooser, (float)width / 2,
			                           (float)y) < 0);
		int last_row = -1;
		for (int y = 0; y < rule; y++) {
			int row = kiosk_chooser_row_at(width, height, &chooser, (float)width / 2,
			                               (float)y);
			last_row = row > last_row ? row : last_row;
		}
		CHECK(last_row >= 4);
		canvas_close(&canvas, lang == LANG_FR ? "chooser-notice" : "chooser-notice-en");
	}
}

static void test_empty_key_drawn(int width, int height)
{
	static const char *const names[] = {"empty", "unreadable", "read-errors", "too-full",
	                                    "unopened"};
	for (size_t k = 0; k <= EMPTY_REASONS; k++) {
		bool is_key_in = k < EMPTY_REASONS;
		struct canvas canvas;
		CHECK(canvas_open(&canvas, width, height));
		if (!canvas.context.text) {
			canvas_close(&canvas, NULL);
			continue;
		}
		draw_idle_screen(&canvas.context, LANG_FR, is_key_in,
		                 is_key_in ? empty_reasons[k] : KIOSK_KEY_FINE);
		/* A key in that offers nothing says so in the error colour,
		 * inside the screen. */
		int headline = render_check_count_near(canvas.surface, (float)width / 2,
		                                       (float)height / 2, (float)height / 2,
		                                       canvas.context.palette->error, TOLERANCE);
		CHECK(is_key_in ? headline > 200 : headline == 0);
		canvas_close(&canvas, is_key_in ? names[k] : "idle");
	}
}

/* Each kind of file-level problem has its own title and advice, in both
 * languages, and none of them sends the presenter to fix lines; the common
 * reasons are sentences in the kiosk's language. */
static void test_file_problem_words(void)
{
	static const int reasons[] = {EIO, EFBIG, ELOOP, ENOENT};
	enum { REASONS = sizeof reasons / sizeof *reasons };
	CHECK(file_problem_of(EIO) == FILE_PROBLEM_UNREADABLE);
	CHECK(file_problem_of(ENOTCONN) == FILE_PROBLEM_UNREADABLE);
	CHECK(file_problem_of(12345) == FILE_PROBLEM_UNREADABLE);
	CHECK(file_problem_of(EFBIG) == FILE_PROBLEM_TOO_LARGE);
	CHECK(file_problem_of(ELOOP) == FILE_PROBLEM_NOT_PLAIN);
	CHECK(file_problem_of(EINVAL) == FILE_PROBLEM_NOT_PLAIN);
	CHECK(file_problem_of(ENOENT) == FILE_PROBLEM_MISSING);
	CHECK_STR_EQ(file_problem_to_str(FILE_PROBLEM_TOO_LARGE), "too-large");
	CHECK_STR_EQ(file_problem_to_str(FILE_PROBLEM_UNREADABLE), "unreadable");
	for (int lang = 0; lang < 2; lang++) {
		enum situation_lang language = lang ? LANG_EN : LANG_FR;
		const char *titles[REASONS], *hints[REASONS], *reason;
		for (size_t k = 0; k < REASONS; k++) {
			file_problem_words(language, reasons[k], &titles[k], &hints[k], &reason);
			CHECK(titles[k] && titles[k][0] && hints[k] && hints[k][0]);
			CHECK(reason && reason[0]);
			CHECK(strstr(hints[k], "lignes") == NULL &&
			      strstr(hints[k], "lines") == NULL);
			for (size_t j = 0; j < k; j++) {
				CHECK(strcmp(titles[k], titles[j]) != 0);
				CHECK(strcmp(hints[k], hints[j]) != 0);
			}
		}
	}
	const char *title, *hint, *reason;
	file_problem_words(LANG_FR, EIO, &title, &hint, &reason);
	CHECK_STR_EQ(title, "Ce fichier n'a pas pu être lu");
	CHECK(strstr(hint, "Retirez la clé, puis rebranchez-la") != NULL);
	CHECK(strstr(hint, "autre clé") != NULL);
	CHECK(strncmp(reason, "erreur de lecture sur la clé", 29) == 0);
	file_problem_words(LANG_EN, EIO, &title, &hint, &reason);
	CHECK_STR_EQ(title, "This file could not be read");
	CHECK(strstr(hint, "another key") != NULL);
	/* An errno without a sentence of its own: never English on a French
	 * screen; in English the diagnostic's words are shown. */
	file_problem_words(LANG_FR, EROFS, &title, &hint, &reason);
	CHECK(reason && strstr(reason, "le système") != NULL);
	file_problem_words(LANG_EN, EROFS, &title, &hint, &reason);
	CHECK(reason == NULL);
	file_problem_words(LANG_FR, EFBIG, &title, &hint, &reason);
	CHECK(strstr(hint, "1 Mo") != NULL && strstr(hint, "texte brut") != NULL);
	/* A reason without words of its own: the general French sentence. */
	file_problem_words(LANG_FR, 12345, &title, &hint, &reason);
	CHECK_STR_EQ(title, "Ce fichier n'a pas pu être lu");
	CHECK(reason && strstr(reason, "le système") != NULL);
}

/* Pixels of ink in the band [top, bottom) of the screen, over its width. */
static int ink_in_band(const SDL_Surface *surface, int top, int bottom, SDL_Color ink)
{
	int count = 0;
	for (int y = top; y < bottom; y++)
		for (int x = 0; x < surface->w; x++)
			count += is_ink(surface, x, y, ink);
	return count;
}

/* The file-level screen and the error list, drawn from the same diagnostic
 * (a worn key's read error): a title in the error colour on both, but not
 * the same one, and the file's line inside the screen. */
static void test_file_screen_drawn(int width, int height, enum situation_lang lang)
{
	struct diag_list diags;
	diag_list_init(&diags, "dossier/famille.situation");
	diag_add(&diags, DIAG_ERROR, 1, 1, "cannot read the file: %s", "Input/output error");
	SDL_Surface *shots[2] = {NULL, NULL};
	for (int is_file_screen = 0; is_file_screen < 2; is_file_screen++) {
		struct canvas canvas;
		CHECK(canvas_open(&canvas, width, height));
		if (!canvas.context.text) {
			canvas_close(&canvas, NULL);
			continue;
		}
		if (is_file_screen)
			draw_file_screen(&canvas.context, &diags, EIO, lang);
		else
			draw_error_screen(&canvas.context, &diags, lang);
		SDL_RenderPresent(canvas.renderer);
		const struct palette *palette = canvas.context.palette;
		int unit = width < height ? width : height;
		/* The title's band, then the rest: words in ink under it. */
		CHECK(ink_in_band(canvas.surface, 0, unit / 18 + unit / 13, palette->error) > 200);
		CHECK(ink_in_band(canvas.surface, unit / 18 + unit / 13, height, palette->ink) >
		      400);
		CHECK_INT_EQ(ink_in_band(canvas.surface, height - unit / 36, height, palette->ink),
		             0);
		shots[is_file_screen] = SDL_DuplicateSurface(canvas.surface);
		canvas_close(&canvas, is_file_screen
		                          ? (lang == LANG_EN ? "file-error-en" : "file-error")
		                          : (lang == LANG_EN ? "errors-en" : "errors"));
	}
	if (shots[0] && shots[1]) {
		/* Not the error list under another name: the title differs. */
		int unit = width < height ? width : height;
		int differing = 0;
		for (int y = 0; y < unit / 18 + unit / 13; y++)
			for (int x = 0; x < width; x++) {
				SDL_Color a = render_check_pixel(shots[0], x, y);
				SDL_Color b = render_check_pixel(shots[1], x, y);
				differing += !render_check_close(a, b, TOLERANCE);
			}
		CHECK(differing > 500);
	}
	SDL_FreeSurface(shots[0]);
	SDL_FreeSurface(shots[1]);
	diag_list_free(&diags);
}

int main(void)
{
	test_empty_key_words();
	test_notice_words();
	test_file_problem_words();
	static const int sizes[][2] = {{1280, 720}, {1920, 1080}};
	for (size_t k = 0; k < 2; k++) {
		test_chooser_notice_drawn(sizes[k][0], sizes[k][1], LANG_FR);
		test_chooser_notice_drawn(sizes[k][0], sizes[k][1], LANG_EN);
		test_empty_key_drawn(sizes[k][0], sizes[k][1]);
		test_file_screen_drawn(sizes[k][0], sizes[k][1], LANG_FR);
		test_file_screen_drawn(sizes[k][0], sizes[k][1], LANG_EN);
	}
	return check_report("test_kiosk_screens");
}
