/*
 * test_text: labels in Latin, Vietnamese, Arabic and both at once come out
 * shaped, joined and in the right order; the cache reuses textures and keeps
 * to its cap; bad and over-long UTF-8 is survived; a label's texture leaves
 * no pixels in the memory SDL gives back.
 *
 * Order on screen is checked by ink profiles: the sum of alpha per column of
 * a part rendered alone is searched for inside the whole label, which does
 * not depend on vertical placement.
 *
 * Set TEXT_SHEET=/tmp/sheet.bmp to write a sheet of the labels to look at.
 */
#define _GNU_SOURCE /* malloc_usable_size, memmem */
#include <SDL.h>
#include <SDL_ttf.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "text.h"
#include "text_bidi.h"

#define FATIMA_AR "فاطمة"

static const SDL_Color white = {255, 255, 255, 255};

/* ---- SDL's frees, searched for a label's pixels -------------------------- */

/* The test's own context for the allocator hook, which SDL calls without
 * one: the only file-scope state here. */
static struct freed_watch {
	const Uint8 *ink;    /* one row of the label as its texture holds it; NULL: not watching */
	size_t ink_bytes;    /* its length */
	size_t min_bytes;    /* only blocks at least this large are searched */
	size_t blocks;       /* blocks that large freed while watching */
	size_t inked_blocks; /* those still holding the row */
} freed_watch;

static void watch_free(void *pointer)
{
	if (pointer && freed_watch.ink) {
		size_t size = malloc_usable_size(pointer);
		if (size >= freed_watch.min_bytes) {
			freed_watch.blocks++;
			freed_watch.inked_blocks +=
			    memmem(pointer, size, freed_watch.ink, freed_watch.ink_bytes) != NULL;
		}
	}
	free(pointer);
}

static struct text_style style_of(int px)
{
	return (struct text_style){px, TEXT_REGULAR, white};
}

/* Alpha summed per column; the caller frees. */
static long *ink_profile(const SDL_Surface *s)
{
	long *profile = calloc((size_t)s->w, sizeof *profile);
	for (int y = 0; profile && y < s->h; y++) {
		const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
		for (int x = 0; x < s->w; x++)
			profile[x] += row[x] >> 24;
	}
	return profile;
}

/* Columns with any ink: [*first, *last]. */
static bool ink_columns(const SDL_Surface *s, int *first, int *last)
{
	long *p = ink_profile(s);
	*first = -1;
	for (int x = 0; p && x < s->w; x++) {
		if (p[x]) {
			if (*first < 0)
				*first = x;
			*last = x;
		}
	}
	free(p);
	return *first >= 0;
}

/*
 * Where the ink of part (trimmed to its inked columns) fits best inside
 * whole: the offset in whole's columns, and the mismatch relative to part's
 * total ink in *error (0 = identical columns).
 */
static int locate(const SDL_Surface *whole, const SDL_Surface *part, double *error)
{
	long *w = ink_profile(whole), *p = ink_profile(part);
	int first, last, best = -1;
	double best_error = 1e30;

	if (w && p && ink_columns(part, &first, &last)) {
		int n = last - first + 1;
		long total = 0;
		for (int i = first; i <= last; i++)
			total += p[i];
		for (int at = 0; at + n <= whole->w; at++) {
			long diff = 0;
			for (int i = 0; i < n; i++)
				diff += labs(w[at + i] - p[first + i]);
			if ((double)diff / (double)total < best_error) {
				best_error = (double)diff / (double)total;
				best = at;
			}
		}
	}
	free(w);
	free(p);
	*error = best_error;
	return best;
}

static bool same_pixels(const SDL_Surface *a, const SDL_Surface *b)
{
	if (!a || !b || a->w != b->w || a->h != b->h)
		return false;
	for (int y = 0; y < a->h; y++) {
		if (memcmp((const Uint8 *)a->pixels + y * a->pitch,
		           (const Uint8 *)b->pixels + y * b->pitch, (size_t)a->w * 4) != 0)
			return false;
	}
	return true;
}

static int width_of(struct text_cache *cache, const char *utf8, int px)
{
	int w = 0, h = 0;
	CHECK(text_measure(cache, utf8, style_of(px), &w, &h) == 0);
	return w;
}

static void test_labels_render_with_plausible_sizes(struct text_cache *cache)
{
	static const char *const labels[] = {
	    "Élodie Dupré",        "Hà-Phạm Ngọc",           FATIMA_AR,
	    FATIMA_AR " (Fatima)", "Fatima (" FATIMA_AR ")",
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		int w = 0, h = 0;
		SDL_Texture *t = text_texture(cache, labels[i], style_of(32), &w, &h);
		CHECK(t != NULL);
		CHECK(w > 32 && w < 32 * 20);
		CHECK(h >= 32 && h <= 32 * 2);
	}
	/* One line box for every script at one size. */
	int h_latin, h_arabic, w;
	text_measure(cache, "Fatima", style_of(32), &w, &h_latin);
	text_measure(cache, FATIMA_AR, style_of(32), &w, &h_arabic);
	CHECK(h_arabic >= h_latin && h_arabic <= h_latin + 32 / 4);
}

static void test_cache_reuses_textures(struct text_cache *cache)
{
	int w1, h1, w2, h2;
	SDL_Texture *a = text_texture(cache, "Hugo", style_of(24), &w1, &h1);
	size_t count = text_cache_count(cache);
	SDL_Texture *b = text_texture(cache, "Hugo", style_of(24), &w2, &h2);

	CHECK(a != NULL);
	CHECK(a == b);
	CHECK_INT_EQ(w1, w2);
	CHECK_INT_EQ(h1, h2);
	CHECK_INT_EQ(text_cache_count(cache), count);

	SDL_Texture *bigger = text_texture(cache, "Hugo", style_of(30), NULL, NULL);
	CHECK(bigger != NULL && bigger != a);
	CHECK_INT_EQ(text_cache_count(cache), count + 1);

	struct text_style red = {24, TEXT_REGULAR, {200, 0, 0, 255}};
	SDL_Texture *reddish = text_texture(cache, "Hugo", red, NULL, NULL);
	CHECK(reddish != NULL && reddish != a && reddish != bigger);
	CHECK_INT_EQ(text_cache_count(cache), count + 2);

	struct text_style bold = {24, TEXT_BOLD, white};
	int wb;
	CHECK(text_texture(cache, "Hugo", bold, &wb, NULL) != NULL);
	CHECK(wb > w1);
	CHECK_INT_EQ(text_cache_count(cache), count + 3);

	/* Measuring makes no texture, and agrees with the texture made later. */
	int mw, mh, tw, th;
	CHECK(text_measure(cache, "Margot", style_of(24), &mw, &mh) == 0);
	CHECK_INT_EQ(text_cache_count(cache), count + 3);
	CHECK(text_texture(cache, "Margot", style_of(24), &tw, &th) != NULL);
	CHECK_INT_EQ(tw, mw);
	CHECK_INT_EQ(th, mh);
	CHECK_INT_EQ(text_cache_count(cache), count + 4);

	CHECK(text_texture(cache, "", style_of(24), NULL, NULL) == NULL);
	CHECK(text_texture(cache, NULL, style_of(24), NULL, NULL) == NULL);
	CHECK(text_measure(cache, "", style_of(24), &mw, &mh) == 0 && mw == 0 && mh == 0);
}

static void test_arabic_is_joined(struct text_cache *cache)
{
	static const char *const letters[] = {"ف", "ا", "ط", "م", "ة"};
	int isolated = 0;
	for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++)
		isolated += width_of(cache, letters[i], 48);
	int joined = width_of(cache, FATIMA_AR, 48);
	CHECK(joined > 0);
	CHECK(joined < isolated * 9 / 10);
}

/* The initial form of feh (U+FED3) is at the right end of the word and the
 * final form of teh marbuta (U+FE94) at the left end. */
static void test_arabic_is_right_to_left(struct text_cache *cache)
{
	SDL_Surface *word = text_render_surface(cache, FATIMA_AR, style_of(48));
	SDL_Surface *first = text_render_surface(cache, "\ufed3", style_of(48));
	SDL_Surface *last = text_render_surface(cache, "\ufe94", style_of(48));
	int ink_first, ink_last;
	double e1, e2;

	CHECK(word && first && last);
	if (word && first && last && ink_columns(word, &ink_first, &ink_last)) {
		int at_first = locate(word, first, &e1);
		int at_last = locate(word, last, &e2);
		CHECK(at_first > word->w / 2);
		CHECK(at_last >= 0 && at_last < word->w / 3);
		CHECK(e1 < 0.25);
		CHECK(e2 < 0.25);
	}
	SDL_FreeSurface(word);
	SDL_FreeSurface(first);
	SDL_FreeSurface(last);
}

/*
 * An Arabic label is a right-to-left paragraph: "فاطمة (Fatima)" shows as
 * "(Fatima) فاطمة", brackets mirrored so they still hug the name. A Latin
 * label is left to right: "Fatima (فاطمة)" keeps the Arabic at the right.
 */
static void test_mixed_labels_are_ordered(struct text_cache *cache)
{
	SDL_Surface *ar_first = text_render_surface(cache, FATIMA_AR " (Fatima)", style_of(40));
	SDL_Surface *latin_first =
	    text_render_surface(cache, "Fatima (" FATIMA_AR ")", style_of(40));
	SDL_Surface *name = text_render_surface(cache, "Fatima", style_of(40));
	SDL_Surface *arabic = text_render_surface(cache, FATIMA_AR, style_of(40));
	SDL_Surface *open = text_render_surface(cache, "(", style_of(40));
	SDL_Surface *close = text_render_surface(cache, ")", style_of(40));
	double e_name, e_arabic, e_open, e_close;

	CHECK(ar_first && latin_first && name && arabic && open && close);
	if (ar_first && latin_first && name && arabic && open && close) {
		int at_name = locate(ar_first, name, &e_name);
		int at_arabic = locate(ar_first, arabic, &e_arabic);
		CHECK(e_name < 0.05);
		CHECK(e_arabic < 0.05);
		CHECK(at_name >= 0 && at_name < at_arabic);

		/* The bracket just left of the name looks like "(", not ")". */
		SDL_Rect left = {0, 0, at_name, ar_first->h};
		SDL_Surface *before = SDL_CreateRGBSurfaceWithFormat(0, at_name, ar_first->h, 32,
		                                                     SDL_PIXELFORMAT_ARGB8888);
		CHECK(before != NULL);
		if (before) {
			SDL_SetSurfaceBlendMode(ar_first, SDL_BLENDMODE_NONE);
			SDL_BlitSurface(ar_first, &left, before, NULL);
			locate(before, open, &e_open);
			locate(before, close, &e_close);
			CHECK(e_open < e_close);
			CHECK(e_open < 0.2);
			SDL_FreeSurface(before);
		}

		at_name = locate(latin_first, name, &e_name);
		at_arabic = locate(latin_first, arabic, &e_arabic);
		CHECK(e_name < 0.05);
		CHECK(e_arabic < 0.05);
		CHECK(at_name >= 0 && at_name < at_arabic);
	}
	SDL_FreeSurface(ar_first);
	SDL_FreeSurface(latin_first);
	SDL_FreeSurface(name);
	SDL_FreeSurface(arabic);
	SDL_FreeSurface(open);
	SDL_FreeSurface(close);
}

/* The "eidolÉ" bug: a font left right-to-left by an Arabic label reverses
 * the next Latin one. */
static void test_latin_after_arabic_is_not_reversed(void)
{
	static const char elodie[] = "Élodie";
	struct text_cache *fresh = text_cache_new(NULL);
	struct text_cache *used = text_cache_new(NULL);
	SDL_Surface *expected = NULL, *after = NULL, *reversed = NULL;

	CHECK(fresh && used);
	if (fresh && used) {
		expected = text_render_surface(fresh, elodie, style_of(36));
		SDL_FreeSurface(text_render_surface(used, "(" FATIMA_AR ")", style_of(36)));
		SDL_FreeSurface(text_render_surface(used, FATIMA_AR " (Fatima)", style_of(36)));
		SDL_FreeSurface(text_render_surface(used, FATIMA_AR, style_of(36)));
		after = text_render_surface(used, elodie, style_of(36));
		reversed = text_render_surface(used, "eidolÉ", style_of(36));
	}
	CHECK(expected && after);
	CHECK(same_pixels(expected, after));
	CHECK(!same_pixels(expected, reversed));
	SDL_FreeSurface(expected);
	SDL_FreeSurface(after);
	SDL_FreeSurface(reversed);
	text_cache_free(fresh);
	text_cache_free(used);
}

static void test_vietnamese_marks_stay_on_their_letters(struct text_cache *cache)
{
	/* Precomposed and decomposed spellings shape to the same picture. */
	SDL_Surface *nfc = text_render_surface(cache, "Ng\u1ecdc", style_of(40));
	SDL_Surface *nfd = text_render_surface(cache, "Ngo\u0323c", style_of(40));
	double error = 1;

	CHECK(nfc && nfd);
	if (nfc && nfd) {
		CHECK_INT_EQ(nfc->w, nfd->w);
		locate(nfc, nfd, &error);
		CHECK(error < 0.05);
	}
	SDL_FreeSurface(nfc);
	SDL_FreeSurface(nfd);
}

/* Lowest inked row within columns [from, from + n), -1 if none. */
static int ink_bottom(const SDL_Surface *s, int from, int n)
{
	for (int y = s->h - 1; y >= 0; y--) {
		const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
		for (int x = from; x < from + n && x < s->w; x++) {
			if (x >= 0 && (row[x] >> 24) > 128)
				return y;
		}
	}
	return -1;
}

/*
 * Stacked marks overflow the font's box at the top (Ẫ) and at the bottom
 * (ỵ): nothing is clipped and the Latin and Arabic runs keep one baseline.
 */
static void test_overflowing_marks_keep_the_baseline(struct text_cache *cache)
{
	SDL_Surface *plain = text_render_surface(cache, "H " FATIMA_AR, style_of(40));
	SDL_Surface *marked = text_render_surface(cache, "Ẫỵ H " FATIMA_AR, style_of(40));
	SDL_Surface *marks = text_render_surface(cache, "Ẫỵ", style_of(40));
	SDL_Surface *h = text_render_surface(cache, "H", style_of(40));
	SDL_Surface *arabic = text_render_surface(cache, FATIMA_AR, style_of(40));
	double error;
	int first, last;

	CHECK(plain && marked && marks && h && arabic);
	if (plain && marked && marks && h && arabic && ink_columns(h, &first, &last)) {
		int h_width = last - first + 1;
		ink_columns(arabic, &first, &last);
		int arabic_width = last - first + 1;

		locate(marked, marks, &error);
		CHECK(error < 0.05);
		CHECK(marked->h > plain->h);

		int at_h = locate(plain, h, &error);
		int at_arabic = locate(plain, arabic, &error);
		int drop_plain =
		    ink_bottom(plain, at_arabic, arabic_width) - ink_bottom(plain, at_h, h_width);
		/* The H of the marked label: right after the marks. */
		ink_columns(marks, &first, &last);
		at_h = locate(marked, h, &error);
		at_arabic = locate(marked, arabic, &error);
		int drop_marked =
		    ink_bottom(marked, at_arabic, arabic_width) - ink_bottom(marked, at_h, h_width);
		CHECK(at_h > last);
		CHECK_INT_EQ(drop_marked, drop_plain);
	}
	SDL_FreeSurface(plain);
	SDL_FreeSurface(marked);
	SDL_FreeSurface(marks);
	SDL_FreeSurface(h);
	SDL_FreeSurface(arabic);
}

struct decode_case {
	const char *input;
	size_t length;
	uint32_t expected[8];
	size_t count;
};

static void test_bad_utf8_is_replaced(struct text_cache *cache)
{
	static const struct decode_case cases[] = {
	    {"a\xff\x62", 3, {'a', 0xFFFD, 'b'}, 3},
	    {"é", 2, {0xE9}, 1},
	    {"\xc0\xaf", 2, {0xFFFD, 0xFFFD}, 2},             /* overlong "/" */
	    {"\xed\xa0\x80", 3, {0xFFFD, 0xFFFD, 0xFFFD}, 3}, /* surrogate */
	    {"\xe2\x82", 2, {0xFFFD, 0xFFFD}, 2},             /* cut short */
	    {"\x80x", 2, {0xFFFD, 'x'}, 2},
	    {"\xf4\x90\x80\x80", 4, {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}, 4}, /* > U+10FFFF */
	    {"a\nb\tc", 5, {'a', ' ', 'b', ' ', 'c'}, 5},
	    {"ab\0cd", 5, {'a', 'b'}, 2},
	};
	uint32_t out[TEXT_LABEL_MAX_CHARS];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = text_utf8_decode(cases[i].input, cases[i].length, out);
		CHECK_INT_EQ(n, cases[i].count);
		CHECK(n == cases[i].count &&
		      memcmp(out, cases[i].expected, n * sizeof out[0]) == 0);
	}
	static const char *const bad[] = {"\xff\xfe\xfd", "Zo\xc3", "\xd9" FATIMA_AR "\xa0",
	                                  "\xe1\xbb\x41\xcc"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK(text_texture(cache, bad[i], style_of(20), NULL, NULL) != NULL);
}

static void test_long_labels_are_cut(struct text_cache *cache)
{
	size_t size = 5 * TEXT_LABEL_MAX_BYTES;
	char *text = malloc(size + 1);
	uint32_t out[TEXT_LABEL_MAX_CHARS];
	char encoded[4 * TEXT_LABEL_MAX_CHARS + 1];

	CHECK(text != NULL);
	if (!text)
		return;
	/* "é" repeated: the cut falls on a character boundary, then "…". */
	for (size_t i = 0; i + 1 < size; i += 2)
		memcpy(text + i, "é", 2);
	text[size] = '\0';
	size_t n = text_utf8_decode(text, size, out);
	CHECK(n > 0 && out[n - 1] == 0x2026);
	CHECK(n >= 2 && out[n - 2] == 0xE9);
	CHECK(text_utf8_encode(out, n, encoded) <= TEXT_LABEL_MAX_BYTES);

	/* A 4-byte character across the cut is dropped, not half-decoded. */
	memset(text, 'a', size);
	memcpy(text + TEXT_LABEL_MAX_BYTES - 4, "😀", 4);
	n = text_utf8_decode(text, size, out);
	CHECK_INT_EQ(n, TEXT_LABEL_MAX_BYTES - 4 + 1);
	CHECK(out[n - 2] == 'a' && out[n - 1] == 0x2026);

	int w = 0, h = 0;
	CHECK(text_texture(cache, text, style_of(24), &w, &h) != NULL);
	CHECK(w > 0 && w <= TEXT_WIDTH_MAX);
	memset(text, 'x', size); /* differs only past the cap: the same label */
	size_t count = text_cache_count(cache);
	CHECK(text_texture(cache, text, style_of(24), NULL, NULL) != NULL);
	text[size / 2] = 'y';
	CHECK(text_texture(cache, text, style_of(24), NULL, NULL) != NULL);
	CHECK_INT_EQ(text_cache_count(cache), count + 1);
	free(text);

	/* Sizes out of range are clamped, not trusted. */
	CHECK(text_texture(cache, "Zoé", style_of(-5), NULL, NULL) != NULL);
	CHECK(text_texture(cache, "Zoé", style_of(100000), &w, &h) != NULL);
	CHECK(h <= TEXT_PX_MAX * 2);
}

/* More sizes than TEXT_FONT_MAX: fonts are closed and reopened as needed. */
static void test_many_sizes(struct text_cache *cache)
{
	int previous = 0, grows = 0;

	for (int px = 8; px < 8 + 2 * TEXT_FONT_MAX; px++) {
		int w = 0, h = 0;
		CHECK(text_measure(cache, "Zoé " FATIMA_AR, style_of(px), &w, &h) == 0);
		grows += w > previous;
		previous = w;
	}
	CHECK(grows >= 2 * TEXT_FONT_MAX - 4);
	CHECK(text_texture(cache, "Zoé " FATIMA_AR, style_of(8), NULL, NULL) != NULL);
}

/* Fake coverage: the Arabic font has Arabic, spaces and digits, like Noto. */
static bool fake_has_glyph(void *context, enum text_family family, uint32_t c)
{
	(void)context;
	bool is_arabic = c >= 0x600 && c <= 0x6FF;
	if (family == TEXT_FAMILY_ARABIC)
		return is_arabic || c == ' ' || (c >= '0' && c <= '9');
	return !is_arabic;
}

static void test_runs_come_in_visual_order(void)
{
	static struct text_label label;
	static const char mixed[] = FATIMA_AR " (Fatima)";

	text_label_build(&label, mixed, sizeof mixed - 1, fake_has_glyph, NULL);
	CHECK(label.is_rtl);
	CHECK_INT_EQ(label.run_count, 4);
	if (label.run_count == 4) {
		/* On screen: ")" "Fatima" "(" "فاطمة " (the brackets get mirrored). */
		CHECK_INT_EQ(label.runs[0].start, 13);
		CHECK_INT_EQ(label.runs[1].start, 7);
		CHECK_INT_EQ(label.runs[1].length, 6);
		CHECK_INT_EQ(label.runs[1].level, 2);
		CHECK_INT_EQ(label.runs[2].start, 6);
		CHECK_INT_EQ(label.runs[2].level, 1);
		CHECK_INT_EQ(label.runs[3].start, 0);
		CHECK_INT_EQ(label.runs[3].length, 6);
		CHECK_INT_EQ(label.runs[3].family, TEXT_FAMILY_ARABIC);
		CHECK_STR_EQ(text_script_tag(label.runs[3].script), "Arab");
		CHECK_STR_EQ(text_script_tag(label.runs[1].script), "Latn");
	}

	static const char latin[] = "Fatima (" FATIMA_AR ") 2";
	text_label_build(&label, latin, sizeof latin - 1, fake_has_glyph, NULL);
	CHECK(!label.is_rtl);
	CHECK(label.run_count >= 3);
	if (label.run_count >= 3) {
		CHECK_INT_EQ(label.runs[0].start, 0);
		CHECK_INT_EQ(label.runs[1].start, 8);
		CHECK_INT_EQ(label.runs[1].level, 1);
	}
	text_label_wipe(&label);
	CHECK_INT_EQ(label.length, 0);
}

static void test_draw_anchors(struct text_cache *cache, SDL_Renderer *renderer, SDL_Surface *target)
{
	int w, h, first, last;

	SDL_SetRenderDrawColor(renderer, 0, 0, 0, 0);
	SDL_RenderClear(renderer);
	text_texture(cache, "Zoé", style_of(40), &w, &h);
	text_draw(cache, "Zoé", style_of(40), 600, 100, 2, 0); /* right edge at 600 */
	SDL_RenderPresent(renderer);
	CHECK(ink_columns(target, &first, &last));
	CHECK(last < 600 && last > 600 - 8);
	CHECK(first >= 600 - w);
}

/* A sheet of labels to look at; only written when TEXT_SHEET names a file. */
static void write_sheet(struct text_cache *cache, SDL_Renderer *renderer, SDL_Surface *target)
{
	static const char *const labels[] = {
	    "Élodie Dupré — Françoise Lœuvre",
	    "Hà-Phạm Ngọc, Nguyễn Thị "
	    "Ảnh",
	    FATIMA_AR,
	    FATIMA_AR " (Fatima)",
	    "Fatima (" FATIMA_AR ")",
	    "(" FATIMA_AR ") الزهراء 12",
	    "Élodie",
	    "Ẫỵ H " FATIMA_AR,
	    "bad \xff\xfe utf-8 \xc3",
	};
	const char *path = getenv("TEXT_SHEET");
	struct text_style bold = {24, TEXT_BOLD, {255, 220, 120, 255}};

	if (!path || !*path)
		return;
	SDL_SetRenderDrawColor(renderer, 30, 30, 40, 255);
	SDL_RenderClear(renderer);
	for (int i = 0; i < (int)(sizeof labels / sizeof labels[0]); i++) {
		text_draw(cache, labels[i], style_of(24), 20, 10 + 32 * i, 0, 0);
		text_draw(cache, labels[i], bold, 1180, 300 + 32 * i, 2, 0);
	}
	SDL_RenderPresent(renderer);
	CHECK(SDL_SaveBMP(target, path) == 0);
}

/* The most inked row of the label, as an ARGB8888 texture holds it, into a
 * new buffer of *bytes bytes (the caller frees); NULL on failure. */
static Uint8 *label_ink_row(struct text_cache *cache, const char *utf8, struct text_style style,
                            size_t *bytes)
{
	SDL_Surface *label = text_render_surface(cache, utf8, style);
	Uint8 *row = NULL;
	long most = 0;
	int at = -1;
	for (int y = 0; label && y < label->h; y++) {
		const Uint32 *pixels =
		    (const Uint32 *)((const Uint8 *)label->pixels + y * label->pitch);
		long ink = 0;
		for (int x = 0; x < label->w; x++)
			ink += pixels[x] >> 24;
		if (ink > most) {
			most = ink;
			at = y;
		}
	}
	if (at >= 0 && (row = malloc((size_t)label->w * 4))) {
		*bytes = (size_t)label->w * 4;
		memcpy(row, (const Uint8 *)label->pixels + at * label->pitch, *bytes);
	}
	if (label)
		memset(label->pixels, 0, (size_t)label->pitch * (size_t)label->h);
	SDL_FreeSurface(label);
	return row;
}

/* A child's name is gone from the memory SDL gives back once its texture
 * goes, whether the whole cache goes (the key pulled out) or the least
 * recently used label makes room for another. */
static void test_freed_textures_hold_no_ink(SDL_Renderer *renderer)
{
	const struct text_style style = {48, TEXT_REGULAR, {200, 40, 90, 255}};
	for (int is_evicted = 0; is_evicted < 2; is_evicted++) {
		struct text_cache *cache = text_cache_new(renderer);
		CHECK(cache != NULL);
		if (!cache)
			return;
		int w = 0, h = 0;
		Uint32 format = 0;
		SDL_Texture *texture = text_texture(cache, "Zoé", style, &w, &h);
		CHECK(texture && SDL_QueryTexture(texture, &format, NULL, NULL, NULL) == 0);
		CHECK(format == SDL_PIXELFORMAT_ARGB8888);
		text_draw(cache, "Zoé", style, 0, 0, 0, 0);
		SDL_RenderPresent(renderer);
		size_t ink_bytes = 0;
		Uint8 *ink = label_ink_row(cache, "Zoé", style, &ink_bytes);
		CHECK(ink != NULL && ink_bytes == (size_t)w * 4);

		freed_watch = (struct freed_watch){
		    .ink = ink, .ink_bytes = ink_bytes, .min_bytes = (size_t)w * (size_t)h * 4};
		if (is_evicted) {
			char name[32];
			for (int i = 0; i < TEXT_CACHE_MAX; i++) {
				snprintf(name, sizeof name, "label %d", i);
				text_texture(cache, name, style_of(6), NULL, NULL);
			}
		} else {
			text_cache_free(cache);
		}
		struct freed_watch seen = freed_watch;
		freed_watch = (struct freed_watch){0};
		if (is_evicted)
			text_cache_free(cache);
		/* The texture's pixels went back to the allocator, wiped. */
		CHECK(seen.blocks >= 1);
		CHECK_INT_EQ(seen.inked_blocks, 0);
		free(ink);
	}
}

static void test_cache_cap(struct text_cache *cache)
{
	char name[32];
	SDL_Texture *first = text_texture(cache, "label 0", style_of(6), NULL, NULL);

	for (int i = 1; i < TEXT_CACHE_MAX + 10; i++) {
		snprintf(name, sizeof name, "label %d", i);
		text_texture(cache, name, style_of(6), NULL, NULL);
	}
	CHECK(first != NULL);
	CHECK_INT_EQ(text_cache_count(cache), TEXT_CACHE_MAX);
	snprintf(name, sizeof name, "label %d", TEXT_CACHE_MAX + 9);
	SDL_Texture *recent = text_texture(cache, name, style_of(6), NULL, NULL);
	CHECK(recent != NULL);
	CHECK(text_texture(cache, name, style_of(6), NULL, NULL) == recent);
	CHECK(text_texture(cache, "label 0", style_of(6), NULL, NULL) != NULL);
	CHECK_INT_EQ(text_cache_count(cache), TEXT_CACHE_MAX);
}

int main(void)
{
	/* Before any other SDL call, so every block SDL frees is seen. */
	SDL_SetMemoryFunctions(malloc, calloc, realloc, watch_free);
	SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
	CHECK(TTF_Init() == 0);
	SDL_Surface *target =
	    SDL_CreateRGBSurfaceWithFormat(0, 1200, 600, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *renderer = target ? SDL_CreateSoftwareRenderer(target) : NULL;
	struct text_cache *cache = renderer ? text_cache_new(renderer) : NULL;

	CHECK(cache != NULL);
	if (!cache)
		return check_report("test_text");
	test_labels_render_with_plausible_sizes(cache);
	test_cache_reuses_textures(cache);
	test_arabic_is_joined(cache);
	test_arabic_is_right_to_left(cache);
	test_mixed_labels_are_ordered(cache);
	test_latin_after_arabic_is_not_reversed();
	test_vietnamese_marks_stay_on_their_letters(cache);
	test_overflowing_marks_keep_the_baseline(cache);
	test_bad_utf8_is_replaced(cache);
	test_long_labels_are_cut(cache);
	test_runs_come_in_visual_order();
	test_many_sizes(cache);
	test_draw_anchors(cache, renderer, target);
	write_sheet(cache, renderer, target);
	test_cache_cap(cache);
	test_freed_textures_hold_no_ink(renderer);

	text_cache_free(cache);
	text_cache_free(NULL);
	CHECK(TTF_WasInit() == 1); /* the cache gave back its TTF_Init */
	SDL_DestroyRenderer(renderer);
	SDL_FreeSurface(target);
	TTF_Quit();
	SDL_Quit();
	return check_report("test_text");
}
