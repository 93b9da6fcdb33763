/*
 * assets: embeds the font files and the demo situation with the assembler's
 * .incbin, so no build-time code generation is needed and the data stays in
 * read-only memory.
 */
#include "assets.h"

#define ASSET_EMBED(symbol, file)                                                                  \
	__asm__(".section .rodata\n"                                                               \
	        ".balign 16\n"                                                                     \
	        ".global " #symbol "_start\n" #symbol "_start:\n"                                  \
	        ".incbin \"" CONCERTO_ASSETS_DIR "/" file "\"\n"                                   \
	        ".global " #symbol "_end\n" #symbol "_end:\n"                                      \
	        ".byte 0\n"                                                                        \
	        ".previous\n");                                                                    \
	extern const unsigned char symbol##_start[];                                               \
	extern const unsigned char symbol##_end[]

ASSET_EMBED(concerto_font_sans, "fonts/DejaVuSans.ttf");
ASSET_EMBED(concerto_font_sans_bold, "fonts/DejaVuSans-Bold.ttf");
ASSET_EMBED(concerto_font_arabic, "fonts/NotoSansArabic-Regular.ttf");
ASSET_EMBED(concerto_font_arabic_bold, "fonts/NotoSansArabic-Bold.ttf");
ASSET_EMBED(concerto_demo_situation, "demo.situation");

#define ASSET_OF(symbol) ((struct asset){symbol##_start, (size_t)(symbol##_end - symbol##_start)})

struct asset asset_font(enum asset_font font)
{
	switch (font) {
	case ASSET_FONT_SANS_BOLD:
		return ASSET_OF(concerto_font_sans_bold);
	case ASSET_FONT_ARABIC:
		return ASSET_OF(concerto_font_arabic);
	case ASSET_FONT_ARABIC_BOLD:
		return ASSET_OF(concerto_font_arabic_bold);
	case ASSET_FONT_SANS:
	case ASSET_FONT_COUNT:
		break;
	}
	return ASSET_OF(concerto_font_sans);
}

struct asset asset_demo_situation(void)
{
	return ASSET_OF(concerto_demo_situation);
}
