/*
 * text: fonts opened on demand, labels composed from shaped runs, and the
 * texture cache (a hash table over a fixed array of entries, least recently
 * used first out).
 *
 * Each run is shaped with TTF_SetFontDirection and TTF_SetFontScriptName set
 * right before: both belong to the font, not the call, so a direction left
 * over from an Arabic run would reverse the next Latin label ("eidolÉ").
 */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "text.h"

#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "text_bidi.h"

#define TEXT_CACHE_BUCKETS 8192 /* a power of two, about 2 per entry */
#define TEXT_NONE          UINT32_MAX

struct text_font {
	TTF_Font *font;
	SDL_RWops *source;
	enum text_family family;
	enum text_weight weight;
	int px;
	uint64_t last_use;
};

struct text_entry {
	char *key; /* the label's bytes as given (at most TEXT_LABEL_MAX_BYTES + 1) */
	size_t key_length;
	uint32_t hash;
	int px;
	enum text_weight weight;
	SDL_Color color;
	SDL_Texture *texture; /* NULL while only measured */
	int width;
	int height;
	uint32_t bucket_next;
	uint32_t newer;
	uint32_t older;
};

struct text_cache {
	SDL_Renderer *renderer;
	int max_width;
	struct text_font fonts[TEXT_FONT_MAX];
	uint64_t font_clock;
	struct text_entry entries[TEXT_CACHE_MAX];
	uint32_t buckets[TEXT_CACHE_BUCKETS];
	uint32_t free_head; /* unused entries, chained through bucket_next */
	uint32_t newest;
	uint32_t oldest;
	size_t texture_count;
	struct text_label label;
	SDL_Surface *run_surfaces[TEXT_LABEL_MAX_CHARS];
	int run_baselines[TEXT_LABEL_MAX_CHARS];
	char run_utf8[4 * TEXT_LABEL_MAX_CHARS + 1];
};

/* Font files by family and weight. */
static const enum asset_font text_font_assets[TEXT_FAMILY_COUNT][2] = {
    [TEXT_FAMILY_SANS] = {ASSET_FONT_SANS, ASSET_FONT_SANS_BOLD},
    [TEXT_FAMILY_ARABIC] = {ASSET_FONT_ARABIC, ASSET_FONT_ARABIC_BOLD},
};

static void text_font_close(struct text_font *slot)
{
	if (slot->font)
		TTF_CloseFont(slot->font);
	if (slot->source)
		SDL_RWclose(slot->source);
	*slot = (struct text_font){0};
}

/* The font for (family, weight, px), opened if needed; the least recently
 * used one is closed when the table is full. */
static TTF_Font *text_font_get(struct text_cache *cache, enum text_family family,
                               enum text_weight weight, int px)
{
	struct text_font *free_slot = NULL, *oldest = &cache->fonts[0];

	for (size_t i = 0; i < TEXT_FONT_MAX; i++) {
		struct text_font *slot = &cache->fonts[i];
		if (!slot->font) {
			if (!free_slot)
				free_slot = slot;
			continue;
		}
		if (slot->family == family && slot->weight == weight && slot->px == px) {
			slot->last_use = ++cache->font_clock;
			return slot->font;
		}
		if (!oldest->font || slot->last_use < oldest->last_use)
			oldest = slot;
	}
	if (!free_slot) {
		text_font_close(oldest);
		free_slot = oldest;
	}

	struct asset file = asset_font(text_font_assets[family][weight == TEXT_BOLD]);
	SDL_RWops *source = SDL_RWFromConstMem(file.data, (int)file.size);
	if (!source)
		return NULL;
	TTF_Font *font = TTF_OpenFontRW(source, 0, px);
	if (!font) {
		SDL_RWclose(source);
		return NULL;
	}
	*free_slot = (struct text_font){
	    .font = font,
	    .source = source,
	    .family = family,
	    .weight = weight,
	    .px = px,
	    .last_use = ++cache->font_clock,
	};
	return font;
}

struct text_glyph_query {
	struct text_cache *cache;
	enum text_weight weight;
	int px;
};

static bool text_has_glyph(void *context, enum text_family family, uint32_t codepoint)
{
	struct text_glyph_query *query = context;
	TTF_Font *font = text_font_get(query->cache, family, query->weight, query->px);
	return font && TTF_GlyphIsProvided32(font, codepoint);
}

static void text_surface_wipe_free(SDL_Surface *surface)
{
	if (!surface)
		return;
	if (surface->pixels && !SDL_MUSTLOCK(surface))
		explicit_bzero(surface->pixels, (size_t)surface->pitch * (size_t)surface->h);
	SDL_FreeSurface(surface);
}

/* Rows of the surface that hold ink: [*top, *bottom). false when blank. */
static bool text_surface_ink_rows(const SDL_Surface *surface, int *top, int *bottom)
{
	*top = -1;
	for (int y = 0; y < surface->h; y++) {
		const Uint32 *row = (const Uint32 *)((const Uint8 *)surface->pixels +
		                                     (size_t)y * (size_t)surface->pitch);
		for (int x = 0; x < surface->w; x++) {
			if (row[x] >> 24) {
				if (*top < 0)
					*top = y;
				*bottom = y + 1;
				break;
			}
		}
	}
	return *top >= 0;
}

static struct text_style text_style_clamped(struct text_style style)
{
	if (style.px < TEXT_PX_MIN)
		style.px = TEXT_PX_MIN;
	if (style.px > TEXT_PX_MAX)
		style.px = TEXT_PX_MAX;
	if (style.weight != TEXT_BOLD)
		style.weight = TEXT_REGULAR;
	return style;
}

/* First row where the underline of utf8 is drawn, -1 if none is found. */
static int text_underline_row(TTF_Font *font, const char *utf8)
{
	const SDL_Color opaque = {255, 255, 255, 255};
	int row = -1;

	SDL_Surface *plain = TTF_RenderUTF8_Blended(font, utf8, opaque);
	TTF_SetFontStyle(font, TTF_STYLE_UNDERLINE);
	SDL_Surface *lined = TTF_RenderUTF8_Blended(font, utf8, opaque);
	TTF_SetFontStyle(font, TTF_STYLE_NORMAL);
	for (int y = 0; plain && lined && row < 0 && y < lined->h && y < plain->h; y++) {
		const Uint32 *a = (const Uint32 *)((const Uint8 *)lined->pixels +
		                                   (size_t)y * (size_t)lined->pitch);
		const Uint32 *b = (const Uint32 *)((const Uint8 *)plain->pixels +
		                                   (size_t)y * (size_t)plain->pitch);
		for (int x = 0; x < lined->w && x < plain->w; x++) {
			if ((a[x] >> 24) != (b[x] >> 24)) {
				row = y;
				break;
			}
		}
	}
	text_surface_wipe_free(plain);
	text_surface_wipe_free(lined);
	return row;
}

/*
 * Row of the baseline in a run's surface. SDL_ttf puts it at the font's
 * ascent, pushed down when a glyph overflows the top of the font's box (a
 * capital with stacked Vietnamese marks); the box may also grow at the bottom
 * (a descender with a dot below), so the height alone does not tell the push.
 * The underline does: it is drawn at a fixed distance from the baseline, so
 * in that rare case the run is drawn again, plain and underlined, and the
 * underline's row compared with its row under a lone space.
 */
static int text_run_baseline(TTF_Font *font, const char *utf8, const SDL_Surface *surface)
{
	int ascent = TTF_FontAscent(font), grown = surface->h - TTF_FontHeight(font);

	if (grown <= 0)
		return ascent;
	int reference = text_underline_row(font, " ");
	int row = text_underline_row(font, utf8);
	if (reference < 0 || row < reference || row - reference > grown)
		return ascent + grown; /* overflowing at the top is the likelier */
	return ascent + row - reference;
}

/*
 * Shapes every run and lays them side by side on one baseline. The line box
 * is DejaVu Sans's (ascent and height), grown only by ink that goes past it:
 * Noto Sans Arabic's own box is far taller than its letters, and Arabic and
 * Latin labels of one size should stand the same height.
 */
static SDL_Surface *text_compose(struct text_cache *cache, const char *utf8, size_t length,
                                 struct text_style style)
{
	struct text_label *label = &cache->label;
	struct text_glyph_query query = {cache, style.weight, style.px};
	SDL_Surface *line = NULL;
	TTF_Font *sans = text_font_get(cache, TEXT_FAMILY_SANS, style.weight, style.px);
	int up, down, width = 0;

	if (!sans)
		return NULL;
	up = TTF_FontAscent(sans);
	down = TTF_FontHeight(sans) - up;
	text_label_build(label, utf8, length, text_has_glyph, &query);

	for (size_t i = 0; i < label->run_count; i++) {
		const struct text_run *run = &label->runs[i];
		TTF_Font *font = text_font_get(cache, run->family, style.weight, style.px);
		SDL_Surface *surface = NULL;
		int top, bottom, baseline = 0;

		cache->run_surfaces[i] = NULL;
		if (!font)
			continue;
		TTF_SetFontDirection(font,
		                     (run->level & 1) ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
		TTF_SetFontScriptName(font, text_script_tag(run->script));
		text_utf8_encode(label->chars + run->start, run->length, cache->run_utf8);
		surface = TTF_RenderUTF8_Blended(font, cache->run_utf8, style.color);
		if (surface)
			baseline = text_run_baseline(font, cache->run_utf8, surface);
		/* Leave the font as a plain left-to-right Latin font. */
		TTF_SetFontDirection(font, TTF_DIRECTION_LTR);
		TTF_SetFontScriptName(font, "Latn");
		if (!surface)
			continue; /* e.g. a run of zero-width characters */
		if (text_surface_ink_rows(surface, &top, &bottom)) {
			if (baseline - top > up)
				up = baseline - top;
			if (bottom - baseline > down)
				down = bottom - baseline;
		}
		width += surface->w;
		cache->run_surfaces[i] = surface;
		cache->run_baselines[i] = baseline;
	}
	explicit_bzero(cache->run_utf8, sizeof cache->run_utf8);

	if (width > 0) {
		int shown = width < cache->max_width ? width : cache->max_width;
		/* Clip what is too wide at the end of reading, not the start. */
		int x = label->is_rtl ? shown - width : 0;

		line = SDL_CreateRGBSurfaceWithFormat(0, shown, up + down, 32,
		                                      SDL_PIXELFORMAT_ARGB8888);
		for (size_t i = 0; line && i < label->run_count; i++) {
			SDL_Surface *surface = cache->run_surfaces[i];
			if (!surface)
				continue;
			SDL_Rect at = {x, up - cache->run_baselines[i], surface->w, surface->h};
			SDL_SetSurfaceBlendMode(surface, SDL_BLENDMODE_NONE);
			SDL_BlitSurface(surface, NULL, line, &at);
			x += surface->w;
		}
	}
	for (size_t i = 0; i < label->run_count; i++) {
		text_surface_wipe_free(cache->run_surfaces[i]);
		cache->run_surfaces[i] = NULL;
	}
	text_label_wipe(label);
	return line;
}

/* ---- the cache ---- */

static uint32_t text_hash(const char *key, size_t length, struct text_style style)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	const unsigned char extra[] = {
	    (unsigned char)style.px,
	    (unsigned char)(style.px >> 8),
	    (unsigned char)style.weight,
	    style.color.r,
	    style.color.g,
	    style.color.b,
	    style.color.a,
	};

	for (size_t i = 0; i < length; i++)
		h = (h ^ (unsigned char)key[i]) * 16777619u;
	for (size_t i = 0; i < sizeof extra; i++)
		h = (h ^ extra[i]) * 16777619u;
	return h;
}

static bool text_entry_matches(const struct text_entry *e, uint32_t hash, const char *key,
                               size_t length, struct text_style style)
{
	return e->hash == hash && e->key_length == length && e->px == style.px &&
	       e->weight == style.weight && e->color.r == style.color.r &&
	       e->color.g == style.color.g && e->color.b == style.color.b &&
	       e->color.a == style.color.a && memcmp(e->key, key, length) == 0;
}

static void text_lru_unlink(struct text_cache *cache, uint32_t index)
{
	struct text_entry *e = &cache->entries[index];
	if (e->newer != TEXT_NONE)
		cache->entries[e->newer].older = e->older;
	else
		cache->newest = e->older;
	if (e->older != TEXT_NONE)
		cache->entries[e->older].newer = e->newer;
	else
		cache->oldest = e->newer;
	e->newer = e->older = TEXT_NONE;
}

static void text_lru_push(struct text_cache *cache, uint32_t index)
{
	struct text_entry *e = &cache->entries[index];
	e->newer = TEXT_NONE;
	e->older = cache->newest;
	if (cache->newest != TEXT_NONE)
		cache->entries[cache->newest].newer = index;
	cache->newest = index;
	if (cache->oldest == TEXT_NONE)
		cache->oldest = index;
}

/* Transparent black over every pixel of a label's texture, written through
 * the renderer so it reaches the copy wherever it lives: SDL frees that
 * memory as it is (on the software renderer, a plain surface on the heap).
 * A label's texture is static, no render target: its pixels are replaced
 * in one update, or row by row when the zeros for one do not fit. */
static void text_texture_wipe(SDL_Texture *texture)
{
	Uint32 format = 0;
	int w = 0, h = 0;
	if (SDL_QueryTexture(texture, &format, NULL, &w, &h) != 0 || w <= 0 || h <= 0 ||
	    SDL_ISPIXELFORMAT_FOURCC(format) || SDL_BYTESPERPIXEL(format) == 0)
		return;
	size_t pitch = (size_t)w * SDL_BYTESPERPIXEL(format);
	void *zeros = calloc((size_t)h, pitch);
	if (zeros) {
		SDL_UpdateTexture(texture, NULL, zeros, (int)pitch);
	} else if ((zeros = calloc(1, pitch))) {
		for (int y = 0; y < h; y++)
			SDL_UpdateTexture(texture, &(SDL_Rect){0, y, w, 1}, zeros, (int)pitch);
	}
	free(zeros);
}

static void text_entry_clear(struct text_cache *cache, struct text_entry *e)
{
	if (e->texture) {
		text_texture_wipe(e->texture);
		SDL_DestroyTexture(e->texture);
		cache->texture_count--;
	}
	if (e->key) {
		explicit_bzero(e->key, e->key_length);
		free(e->key);
	}
	*e = (struct text_entry){.bucket_next = TEXT_NONE, .newer = TEXT_NONE, .older = TEXT_NONE};
}

static void text_entry_remove(struct text_cache *cache, uint32_t index)
{
	struct text_entry *e = &cache->entries[index];
	uint32_t *link = &cache->buckets[e->hash & (TEXT_CACHE_BUCKETS - 1)];

	while (*link != index)
		link = &cache->entries[*link].bucket_next;
	*link = e->bucket_next;
	text_lru_unlink(cache, index);
	text_entry_clear(cache, e);
	e->bucket_next = cache->free_head;
	cache->free_head = index;
}

/*
 * The entry for the label, created (and measured) if new; TEXT_NONE on
 * failure. A hit becomes the most recently used. When line is not NULL, a
 * new entry hands over the surface it was measured on (else *line is NULL).
 */
static uint32_t text_entry_get(struct text_cache *cache, const char *utf8, struct text_style style,
                               SDL_Surface **line_out)
{
	size_t length = strnlen(utf8, TEXT_LABEL_MAX_BYTES + 1);
	uint32_t hash = text_hash(utf8, length, style);
	uint32_t *bucket = &cache->buckets[hash & (TEXT_CACHE_BUCKETS - 1)];

	if (line_out)
		*line_out = NULL;
	for (uint32_t i = *bucket; i != TEXT_NONE; i = cache->entries[i].bucket_next) {
		if (text_entry_matches(&cache->entries[i], hash, utf8, length, style)) {
			text_lru_unlink(cache, i);
			text_lru_push(cache, i);
			return i;
		}
	}

	SDL_Surface *line = text_compose(cache, utf8, length, style);
	char *key = malloc(length ? length : 1);
	if (!line || !key) {
		text_surface_wipe_free(line);
		free(key);
		return TEXT_NONE;
	}
	memcpy(key, utf8, length);
	if (cache->free_head == TEXT_NONE)
		text_entry_remove(cache, cache->oldest);
	/* *bucket is read only now: the eviction may have changed it. */
	uint32_t index = cache->free_head;
	struct text_entry *e = &cache->entries[index];
	cache->free_head = e->bucket_next;
	*e = (struct text_entry){
	    .key = key,
	    .key_length = length,
	    .hash = hash,
	    .px = style.px,
	    .weight = style.weight,
	    .color = style.color,
	    .width = line->w,
	    .height = line->h,
	    .bucket_next = *bucket,
	};
	*bucket = index;
	text_lru_push(cache, index);
	if (line_out)
		*line_out = line;
	else
		text_surface_wipe_free(line);
	return index;
}

struct text_cache *text_cache_new(SDL_Renderer *renderer)
{
	SDL_RendererInfo info;
	struct text_cache *cache;

	if (TTF_Init() != 0)
		return NULL;
	cache = calloc(1, sizeof *cache);
	if (!cache) {
		TTF_Quit();
		return NULL;
	}
	cache->renderer = renderer;
	cache->max_width = TEXT_WIDTH_MAX;
	if (renderer && SDL_GetRendererInfo(renderer, &info) == 0 && info.max_texture_width > 0 &&
	    info.max_texture_width < cache->max_width)
		cache->max_width = info.max_texture_width;
	for (uint32_t i = 0; i < TEXT_CACHE_BUCKETS; i++)
		cache->buckets[i] = TEXT_NONE;
	for (uint32_t i = 0; i < TEXT_CACHE_MAX; i++) {
		cache->entries[i] = (struct text_entry){
		    .bucket_next = i + 1 < TEXT_CACHE_MAX ? i + 1 : TEXT_NONE,
		    .newer = TEXT_NONE,
		    .older = TEXT_NONE,
		};
	}
	cache->free_head = 0;
	cache->newest = cache->oldest = TEXT_NONE;

	/* Fail now rather than on the first label if the fonts are unusable. */
	if (!text_font_get(cache, TEXT_FAMILY_SANS, TEXT_REGULAR, 16) ||
	    !text_font_get(cache, TEXT_FAMILY_ARABIC, TEXT_REGULAR, 16)) {
		text_cache_free(cache);
		return NULL;
	}
	return cache;
}

void text_cache_free(struct text_cache *cache)
{
	if (!cache)
		return;
	for (uint32_t i = 0; i < TEXT_CACHE_MAX; i++)
		text_entry_clear(cache, &cache->entries[i]);
	for (size_t i = 0; i < TEXT_FONT_MAX; i++)
		text_font_close(&cache->fonts[i]);
	text_label_wipe(&cache->label);
	free(cache);
	TTF_Quit();
}

SDL_Texture *text_texture(struct text_cache *cache, const char *utf8, struct text_style style,
                          int *width, int *height)
{
	SDL_Texture *texture = NULL;
	struct text_entry *e = NULL;

	if (width)
		*width = 0;
	if (height)
		*height = 0;
	if (!cache || !cache->renderer || !utf8 || !*utf8)
		return NULL;
	style = text_style_clamped(style);
	SDL_Surface *line;
	uint32_t index = text_entry_get(cache, utf8, style, &line);
	if (index == TEXT_NONE)
		return NULL;
	e = &cache->entries[index];
	if (!e->texture) {
		if (!line) /* measured before, drawn now */
			line = text_compose(cache, utf8, e->key_length, style);
		if (line)
			texture = SDL_CreateTextureFromSurface(cache->renderer, line);
		text_surface_wipe_free(line);
		if (!texture) {
			text_entry_remove(cache, index);
			return NULL;
		}
		SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
		e->texture = texture;
		cache->texture_count++;
	}
	if (width)
		*width = e->width;
	if (height)
		*height = e->height;
	return e->texture;
}

int text_measure(struct text_cache *cache, const char *utf8, struct text_style style, int *width,
                 int *height)
{
	if (width)
		*width = 0;
	if (height)
		*height = 0;
	if (!cache || !utf8)
		return -1;
	if (!*utf8)
		return 0;
	uint32_t index = text_entry_get(cache, utf8, text_style_clamped(style), NULL);
	if (index == TEXT_NONE)
		return -1;
	if (width)
		*width = cache->entries[index].width;
	if (height)
		*height = cache->entries[index].height;
	return 0;
}

void text_draw(struct text_cache *cache, const char *utf8, struct text_style style, int x, int y,
               int ax, int ay)
{
	int w, h;
	SDL_Texture *texture = text_texture(cache, utf8, style, &w, &h);

	if (!texture)
		return;
	SDL_Rect at = {x - ax * w / 2, y - ay * h / 2, w, h};
	SDL_RenderCopy(cache->renderer, texture, NULL, &at);
}

size_t text_cache_count(const struct text_cache *cache)
{
	return cache ? cache->texture_count : 0;
}

SDL_Surface *text_render_surface(struct text_cache *cache, const char *utf8,
                                 struct text_style style)
{
	if (!cache || !utf8 || !*utf8)
		return NULL;
	return text_compose(cache, utf8, strnlen(utf8, TEXT_LABEL_MAX_BYTES + 1),
	                    text_style_clamped(style));
}
