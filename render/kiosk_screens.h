/*
 * kiosk_screens: what the kiosk shows around a situation — the calm idle
 * screen waiting for a key, a key without any situation file, and the
 * chooser listing a key's situations with their titles and dates.
 *
 * Drawing only: the chooser's rows are computed by one pure function
 * (kiosk_chooser_row_at) that the drawing and the tap handling share, so a
 * tap always lands on the row that was drawn there.
 */
#ifndef CONCERTO_KIOSK_SCREENS_H
#define CONCERTO_KIOSK_SCREENS_H

#include <stddef.h>

#include "draw.h"
#include "situation.h"

struct kiosk_chooser_item {
	const char *title;     /* NULL when the file has errors */
	const char *file_name; /* sanitised, shown small under the title */
	struct situation_date date;
	size_t error_count;
};

/* "Insérez la clé USB de la situation". With is_key_empty: the key is in
 * but holds no situation file (or could not be read). */
void draw_idle_screen(struct draw_context *context, enum situation_lang lang, bool is_key_empty);

void draw_chooser_screen(struct draw_context *context, enum situation_lang lang,
                         const struct kiosk_chooser_item *items, size_t count, size_t selected);

/* The row under (x, y) on a width x height chooser of `count` rows
 * scrolled to show `selected`; -1 when none. */
int kiosk_chooser_row_at(int width, int height, size_t count, size_t selected, float x, float y);

#endif
