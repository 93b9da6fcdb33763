/*
 * bmp_write: ARGB8888 surface to BMP without a converted copy; see
 * bmp_write.h.
 */
#include "bmp_write.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum {
	BMP_FILE_HEADER_BYTES = 14,
	BMP_V4_HEADER_BYTES = 108,
	BMP_BI_BITFIELDS = 3,
	BMP_LCS_WINDOWS_COLOR_SPACE = 0x57696E20, /* "Win " */
};

static void bmp_put16(uint8_t *at, uint32_t value)
{
	at[0] = (uint8_t)value;
	at[1] = (uint8_t)(value >> 8);
}

static void bmp_put32(uint8_t *at, uint32_t value)
{
	bmp_put16(at, value);
	bmp_put16(at + 2, value >> 16);
}

int bmp_write(SDL_Surface *surface, const char *path)
{
	if (!surface || surface->format->format != SDL_PIXELFORMAT_ARGB8888 || surface->w <= 0 ||
	    surface->h <= 0 || (uint64_t)surface->w * (uint64_t)surface->h * 4 > UINT32_MAX / 2)
		return SDL_SetError("bmp_write: not an ARGB8888 surface of a sensible size");
	uint32_t row_bytes = (uint32_t)surface->w * 4;
	uint32_t pixel_bytes = row_bytes * (uint32_t)surface->h;
	uint32_t offset = BMP_FILE_HEADER_BYTES + BMP_V4_HEADER_BYTES;
	uint8_t header[BMP_FILE_HEADER_BYTES + BMP_V4_HEADER_BYTES] = {'B', 'M'};
	bmp_put32(header + 2, offset + pixel_bytes);
	bmp_put32(header + 10, offset);
	uint8_t *info = header + BMP_FILE_HEADER_BYTES;
	bmp_put32(info, BMP_V4_HEADER_BYTES);
	bmp_put32(info + 4, (uint32_t)surface->w);
	bmp_put32(info + 8, (uint32_t)surface->h); /* positive: bottom row first */
	bmp_put16(info + 12, 1);                   /* planes */
	bmp_put16(info + 14, 32);                  /* bits per pixel */
	bmp_put32(info + 16, BMP_BI_BITFIELDS);
	bmp_put32(info + 20, pixel_bytes);
	/* Resolution, palette: 0. Then the masks as little-endian words, the
	 * colour space tag, and zero end points and gammas. */
	bmp_put32(info + 40, 0x00ff0000);
	bmp_put32(info + 44, 0x0000ff00);
	bmp_put32(info + 48, 0x000000ff);
	bmp_put32(info + 52, 0xff000000);
	bmp_put32(info + 56, BMP_LCS_WINDOWS_COLOR_SPACE);

	FILE *file = fopen(path, "wb");
	uint8_t *row = malloc(row_bytes);
	bool is_ok = file && row && fwrite(header, sizeof header, 1, file) == 1;
	bool is_locked = is_ok && SDL_LockSurface(surface) == 0;
	is_ok = is_ok && is_locked;
	for (int y = surface->h - 1; is_ok && y >= 0; y--) {
		const Uint32 *pixels =
		    (const Uint32 *)((const Uint8 *)surface->pixels + (size_t)y * surface->pitch);
		/* Packed byte by byte, so the file is the same on any byte order. */
		for (int x = 0; x < surface->w; x++)
			bmp_put32(row + (size_t)x * 4, pixels[x]);
		is_ok = fwrite(row, row_bytes, 1, file) == 1;
	}
	if (is_locked)
		SDL_UnlockSurface(surface);
	free(row);
	if (file && fclose(file) != 0)
		is_ok = false;
	if (!is_ok) {
		if (file)
			remove(path);
		return SDL_SetError("cannot write %s", path);
	}
	return 0;
}
