/*
 * kiosk_screens: what the kiosk shows around a situation — the calm idle
 * screen waiting for a key, a key without any situation file (and why:
 * none there, unreadable, too full), and the chooser listing a key's
 * situations with their titles and dates, and saying so when the key holds
 * more than it lists. Words in the kiosk's language, French first.
 *
 * Drawing only: the chooser's rows are computed by one pure function
 * (kiosk_chooser_row_at) that the drawing and the tap handling share, so a
 * tap always lands on the row that was drawn there.
 */
#ifndef CONCERTO_KIOSK_SCREENS_H
#define CONCERTO_KIOSK_SCREENS_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "situation.h"

struct kiosk_chooser_item {
	const char *title;     /* NULL when the file has errors */
	const char *file_name; /* sanitised, shown small under the title */
	struct situation_date date;
	size_t error_count;
};

/* What the kiosk tells of the key in besides its files: why a key offers
 * nothing (the empty-key screen), or why the chooser lists fewer files than
 * the key may hold (a notice under the list). */
enum kiosk_key_problem {
	KIOSK_KEY_FINE,        /* looked through whole; every situation file is listed */
	KIOSK_KEY_UNREADABLE,  /* the key itself could not be opened or listed */
	KIOSK_KEY_NOT_LISTED,  /* more situation files than the chooser lists */
	KIOSK_KEY_READ_ERRORS, /* a folder or a name could not be read: a file may be missing */
	KIOSK_KEY_TOO_FULL,    /* more entries than the kiosk examines: a file may be missing */
	KIOSK_KEY_UNOPENED,    /* a USB disk is in that nothing mounted: encrypted, or unreadable */
	KIOSK_KEY_PROBLEM_COUNT
};

/* "fine", "unreadable", "not-listed", "read-errors", "too-full",
 * "unopened": for --report-screens. */
const char *kiosk_key_problem_to_str(enum kiosk_key_problem problem);

/* The idle screen's headline and hint: "Insérez la clé USB de la situation"
 * while no key is in; with a key in that offers nothing, why, and what to
 * do about it. */
void kiosk_key_words(enum situation_lang lang, bool is_key_in, enum kiosk_key_problem problem,
                     const char **headline, const char **hint);

/* A key's chooser: its files, the one selected, and what to say under the
 * list (nothing when KIOSK_KEY_FINE). */
struct kiosk_chooser {
	const struct kiosk_chooser_item *items;
	size_t count;
	size_t selected;
	enum kiosk_key_problem problem;
	size_t found; /* situation files on the key, listed or not */
};

/* The notice under the chooser's list ("Seuls les 50 premiers fichiers sur
 * 63 sont affichés : ..."), in buffer; false and "" when there is none. */
bool kiosk_chooser_notice(enum situation_lang lang, const struct kiosk_chooser *chooser,
                          char *buffer, size_t size);

/* "Insérez la clé USB de la situation"; with is_key_in, the key is in but
 * offers no situation file, and `problem` says why (KIOSK_KEY_FINE: it has
 * none where the kiosk looks). */
void draw_idle_screen(struct draw_context *context, enum situation_lang lang, bool is_key_in,
                      enum kiosk_key_problem problem);

void draw_chooser_screen(struct draw_context *context, enum situation_lang lang,
                         const struct kiosk_chooser *chooser);

/* The row under (x, y) on a width x height chooser scrolled to show its
 * selected row; -1 when none (the notice is no row). */
int kiosk_chooser_row_at(int width, int height, const struct kiosk_chooser *chooser, float x,
                         float y);

#endif
