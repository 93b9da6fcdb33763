/*
 * assets: read-only data built into the binary (fonts, demo situation).
 */
#ifndef CONCERTO_ASSETS_H
#define CONCERTO_ASSETS_H

#include <stddef.h>

struct asset {
	const unsigned char *data;
	size_t size;
};

enum asset_font {
	ASSET_FONT_SANS,
	ASSET_FONT_SANS_BOLD,
	ASSET_FONT_ARABIC,
	ASSET_FONT_ARABIC_BOLD,
	ASSET_FONT_COUNT
};

struct asset asset_font(enum asset_font font);
/* The fictional demo situation (UTF-8 text, not NUL-terminated). */
struct asset asset_demo_situation(void);

#endif
