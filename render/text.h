/*
 * text: labels in any script, rendered once to a texture and reused.
 *
 * A label is UTF-8 of any origin (names read from a key): invalid bytes become
 * U+FFFD, control characters become spaces and anything past
 * TEXT_LABEL_MAX_BYTES is cut on a character boundary and ends with "…". The
 * label is split into bidirectional runs (GNU FriBidi, paragraph direction
 * from the first strong character), each run into font runs (DejaVu Sans for
 * Latin, Greek, Cyrillic, Vietnamese...; Noto Sans Arabic for Arabic script),
 * each run is shaped by SDL_ttf/HarfBuzz with its own direction and script,
 * and the runs are laid side by side in visual order on one baseline.
 *
 * Everything lives in the struct text_cache: fonts per (family, weight, size),
 * the textures keyed by (text, size, weight, colour). Both tables are capped;
 * a texture's pixels are wiped before it is destroyed (evicted or freed), and
 * text_cache_free wipes the cached strings. No global state.
 */
#ifndef CONCERTO_TEXT_H
#define CONCERTO_TEXT_H

#include <SDL.h>
#include <stddef.h>

/* Labels longer than this many bytes are cut and end with "…". */
#define TEXT_LABEL_MAX_BYTES 1024
/* Textures (and measurements) kept; past it the least recently used goes. */
#define TEXT_CACHE_MAX 4096
/* Fonts kept open, counting each (family, weight, size). */
#define TEXT_FONT_MAX 24
/* Pixel sizes are clamped to [TEXT_PX_MIN, TEXT_PX_MAX]. */
#define TEXT_PX_MIN 4
#define TEXT_PX_MAX 512
/* Widest label texture; wider labels are clipped at their reading end. */
#define TEXT_WIDTH_MAX 4096

enum text_weight { TEXT_REGULAR, TEXT_BOLD };

struct text_style {
	int px;
	enum text_weight weight;
	SDL_Color color;
};

struct text_cache;

/*
 * Opens the embedded fonts. Calls TTF_Init itself (SDL_ttf counts the calls;
 * text_cache_free calls TTF_Quit). The renderer may be NULL for a cache that
 * only measures and renders to surfaces. NULL on failure.
 */
struct text_cache *text_cache_new(SDL_Renderer *renderer);

/*
 * Wipes and destroys the textures, wipes and frees the cached strings and
 * closes the fonts (which drops SDL_ttf's glyph caches). NULL is allowed.
 */
void text_cache_free(struct text_cache *cache);

/*
 * The label as a texture (blended, anti-aliased, SDL_BLENDMODE_BLEND), cached
 * by (text, px, weight, colour). The texture belongs to the cache and stays
 * valid until TEXT_CACHE_MAX other labels have been asked for since, or the
 * cache is freed. width and height may be NULL. NULL for empty text, without
 * a renderer, or on failure (width and height are then 0).
 */
SDL_Texture *text_texture(struct text_cache *cache, const char *utf8, struct text_style style,
                          int *width, int *height);

/*
 * The size text_texture would give, without creating a texture (the size is
 * cached). 0 on success (0 x 0 for empty text), -1 on failure.
 */
int text_measure(struct text_cache *cache, const char *utf8, struct text_style style, int *width,
                 int *height);

/*
 * Draws the label at (x, y) on the cache's renderer; ax and ay anchor it:
 * 0 = left/top, 1 = centre, 2 = right/bottom.
 */
void text_draw(struct text_cache *cache, const char *utf8, struct text_style style, int x, int y,
               int ax, int ay);

/* Number of cached textures. */
size_t text_cache_count(const struct text_cache *cache);

/*
 * The label rendered to a new ARGB8888 surface owned by the caller (free it
 * with SDL_FreeSurface), bypassing the texture cache: for headless output and
 * pixel tests. NULL for empty text or on failure.
 */
SDL_Surface *text_render_surface(struct text_cache *cache, const char *utf8,
                                 struct text_style style);

#endif
