/*
 * bmp_write: a frame saved as a 32-bit BMP straight from its surface.
 *
 * SDL_SaveBMP converts the whole surface into a second one before writing
 * (another 7.9 MiB at 1920x1080, the largest allocation of `--render`);
 * this writes the rows of the ARGB8888 surface as they are, through a
 * one-row buffer. The file is the one SDL_SaveBMP writes for such a surface,
 * byte for byte: a BITMAPV4HEADER with BI_BITFIELDS masks for B, G, R, A,
 * bottom row first, which SDL_LoadBMP, ImageMagick and browsers read.
 */
#ifndef CONCERTO_BMP_WRITE_H
#define CONCERTO_BMP_WRITE_H

#include <SDL.h>

/* 0 on success; -1 with SDL_GetError set when the surface is not
 * ARGB8888 or the file cannot be written (a partial file is removed). */
int bmp_write(SDL_Surface *surface, const char *path);

#endif
