/*
 * kiosk_media: screens and events of the USB key; see kiosk_media.h.
 *
 * What reaches stderr here is counts and the key's file names (sanitised),
 * never anything read inside a file.
 */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "kiosk_media.h"

#include <stdio.h>
#include <string.h>

#include "file_screen.h"
#include "kiosk_screens.h"
#include "media_watch.h"

enum media_screen {
	MEDIA_SCREEN_NONE,  /* the kiosk's own situation (FILE or --demo) */
	MEDIA_SCREEN_IDLE,  /* waiting for a key */
	MEDIA_SCREEN_EMPTY, /* a key without any situation file */
	MEDIA_SCREEN_CHOOSER,
	MEDIA_SCREEN_OPEN, /* a file of the key, or its errors, is the kiosk's session */
};

enum media_event_code { MEDIA_EVENT_REMOVED, MEDIA_EVENT_INSERTED, MEDIA_EVENT_NUDGE };

struct kiosk_media {
	struct media_watch *watch;
	Uint32 event_type; /* (Uint32)-1 when SDL had none left */
	struct media_key *key;
	struct kiosk_chooser_item items[MEDIA_MAX_FILES];
	char names[MEDIA_MAX_FILES][2 * MEDIA_MAX_NAME + 1];
	size_t selected;
	enum kiosk_key_problem problem; /* of the key in, for the empty screen and the chooser */
	enum media_screen screen;
	bool is_open_with_errors;
	enum situation_lang lang;
	bool is_reporting;
	char last_report[128];
};

/* Runs on the watcher's thread: SDL_PushEvent is safe from any thread. */
static void kiosk_media_notify(void *context, struct media_key *key)
{
	struct kiosk_media *media = context;
	SDL_Event event = {0};
	event.type = media->event_type;
	event.user.code = key ? MEDIA_EVENT_INSERTED : MEDIA_EVENT_REMOVED;
	event.user.data1 = key;
	if (SDL_PushEvent(&event) != 1) {
		media_key_free(key);
		return;
	}
	/* SDL 2.26 runs event watchers before it queues the event, so a main
	 * loop woken by a watcher (kiosk_input_wait) can look too early and
	 * sleep on. A second push wakes it once the first is surely queued;
	 * the nudge itself is ignored. */
	SDL_Event nudge = {0};
	nudge.type = media->event_type;
	nudge.user.code = MEDIA_EVENT_NUDGE;
	SDL_PushEvent(&nudge);
}

struct kiosk_media *kiosk_media_new(const struct cli_options *options,
                                    const struct kiosk_config *config, bool is_watching)
{
	struct kiosk_media *media = SDL_calloc(1, sizeof *media);
	if (!media)
		return NULL;
	struct kiosk_config defaults;
	if (!config) {
		config_defaults(&defaults);
		config = &defaults;
	}
	media->lang = config->lang;
	media->is_reporting = options->is_reporting_screens;
	media->screen = is_watching ? MEDIA_SCREEN_IDLE : MEDIA_SCREEN_NONE;
	media->event_type = SDL_RegisterEvents(1);
	if (!is_watching || media->event_type == (Uint32)-1)
		return media;
	const char *roots[MEDIA_WATCH_MAX_ROOTS];
	size_t root_count = 0;
	if (options->media_root_count) {
		for (; root_count < options->media_root_count && root_count < MEDIA_WATCH_MAX_ROOTS;
		     root_count++)
			roots[root_count] = options->media_roots[root_count];
	} else {
		for (; root_count < config->media_root_count && root_count < MEDIA_WATCH_MAX_ROOTS;
		     root_count++)
			roots[root_count] = config->media_roots[root_count];
	}
	const struct media_watch_devices devices = {options->sys_dir, options->dev_dir};
	media->watch = media_watch_start(roots, root_count, &devices, kiosk_media_notify, media);
	if (!media->watch)
		fprintf(stderr, "concerto: cannot watch for USB keys (/proc/self/mountinfo)\n");
	return media;
}

static void kiosk_media_drop_key(struct kiosk_media *media)
{
	media_key_free(media->key);
	media->key = NULL;
	explicit_bzero(media->items, sizeof media->items);
	explicit_bzero(media->names, sizeof media->names);
	media->selected = 0;
	media->problem = KIOSK_KEY_FINE;
	media->is_open_with_errors = false;
}

void kiosk_media_free(struct kiosk_media *media)
{
	if (!media)
		return;
	media_watch_stop(media->watch);
	/* Keys scanned but not yet delivered hold titles too. */
	SDL_Event event;
	while (media->event_type != (Uint32)-1 &&
	       SDL_PeepEvents(&event, 1, SDL_GETEVENT, media->event_type, media->event_type) == 1)
		media_key_free(event.user.data1);
	kiosk_media_drop_key(media);
	SDL_free(media);
}

/* What the screens say of a key besides its files, the most telling first.
 * A key that could not be scanned at all (out of memory) is as good as
 * unreadable: pulling it out and in again is the thing to try. */
static enum kiosk_key_problem kiosk_media_problem(const struct media_key *key)
{
	if (key && key->is_unopened)
		return KIOSK_KEY_UNOPENED;
	if (!key || key->is_unreadable)
		return KIOSK_KEY_UNREADABLE;
	if (key->found > key->count)
		return KIOSK_KEY_NOT_LISTED;
	if (key->is_listing_incomplete)
		return KIOSK_KEY_READ_ERRORS;
	if (key->is_entry_capped)
		return KIOSK_KEY_TOO_FULL;
	return KIOSK_KEY_FINE;
}

static void kiosk_media_log_key(const struct media_key *key)
{
	if (key->is_unopened) {
		fprintf(stderr, "concerto: a USB disk is in that was not mounted (encrypted, or a "
		                "filesystem this machine cannot read)\n");
		return;
	}
	char offered[96] = "";
	if (key->is_file_capped)
		snprintf(offered, sizeof offered, " of %zu found (the first by folder and name)",
		         key->found);
	fprintf(stderr,
	        "concerto: key in: %zu situation file(s)%s, %zu entries examined%s, %zu link(s) "
	        "and %zu special file(s) skipped, %zu unreadable%s%s\n",
	        key->count, offered, key->examined, key->is_entry_capped ? " (limit reached)" : "",
	        key->skipped_links, key->skipped_special, key->skipped_unreadable,
	        key->is_listing_incomplete ? ", some of the key could not be read" : "",
	        key->is_unreadable ? ", the key itself cannot be read" : "");
	/* Files by their place in the chooser, never by name: names are often
	 * the family's, and the journal outlives the key. */
	for (size_t k = 0; k < key->count; k++)
		if (key->entries[k].error_count)
			fprintf(stderr, "concerto: key: file %zu of %zu: %zu error(s)\n", k + 1,
			        key->count, key->entries[k].error_count);
}

static enum kiosk_media_outcome kiosk_media_open(struct kiosk_media *media, size_t index,
                                                 struct session *opened)
{
	bool is_ok = media_key_load(media->key, index, opened);
	if (!is_ok)
		fprintf(stderr,
		        "concerto: key: file %zu of %zu: %zu error(s), showing them on screen\n",
		        index + 1, media->key->count, opened->diags.error_count);
	media->selected = index;
	media->is_open_with_errors = !is_ok;
	media->screen = MEDIA_SCREEN_OPEN;
	return KIOSK_MEDIA_OPEN;
}

static enum kiosk_media_outcome kiosk_media_insert(struct kiosk_media *media, struct media_key *key,
                                                   struct session *opened)
{
	kiosk_media_drop_key(media); /* one key at a time; the watcher says so too */
	media->key = key;
	media->problem = kiosk_media_problem(key);
	if (!key) {
		media->screen = MEDIA_SCREEN_EMPTY; /* out of memory while scanning */
		return KIOSK_MEDIA_CLOSE;
	}
	kiosk_media_log_key(key);
	for (size_t k = 0; k < key->count; k++) {
		media_entry_display_name(&key->entries[k], media->names[k], sizeof media->names[k]);
		media->items[k] =
		    (struct kiosk_chooser_item){key->entries[k].title, media->names[k],
		                                key->entries[k].date, key->entries[k].error_count};
	}
	/* One file opens by itself, unless the key may hold others the scan
	 * could not see: then the chooser's notice says so first, and Enter
	 * or a tap opens it. */
	if (key->count == 1 && media->problem == KIOSK_KEY_FINE)
		return kiosk_media_open(media, 0, opened);
	media->screen = key->count ? MEDIA_SCREEN_CHOOSER : MEDIA_SCREEN_EMPTY;
	return KIOSK_MEDIA_CLOSE;
}

enum kiosk_media_outcome kiosk_media_handle_event(struct kiosk_media *media, const SDL_Event *event,
                                                  struct session *opened)
{
	if (!media || media->event_type == (Uint32)-1 || event->type != media->event_type)
		return KIOSK_MEDIA_IGNORED;
	if (event->user.code == MEDIA_EVENT_NUDGE)
		return KIOSK_MEDIA_IGNORED;
	if (event->user.code == MEDIA_EVENT_INSERTED)
		return kiosk_media_insert(media, event->user.data1, opened);
	bool was_unopened = media->key && media->key->is_unopened;
	kiosk_media_drop_key(media);
	media->screen = MEDIA_SCREEN_IDLE;
	fprintf(stderr, was_unopened
	                    ? "concerto: the USB disk that was not mounted is out, or mounted\n"
	                    : "concerto: key out: the situation was wiped from memory\n");
	return KIOSK_MEDIA_CLOSE;
}

/* A chosen file's errors, with other files on the key to go back to. */
static bool kiosk_media_may_go_back(const struct kiosk_media *media)
{
	return media->screen == MEDIA_SCREEN_OPEN && media->is_open_with_errors && media->key &&
	       media->key->count > 1;
}

static enum kiosk_media_outcome kiosk_media_back_to_chooser(struct kiosk_media *media)
{
	media->screen = MEDIA_SCREEN_CHOOSER;
	media->is_open_with_errors = false;
	return KIOSK_MEDIA_CLOSE;
}

enum kiosk_media_outcome kiosk_media_handle_action(struct kiosk_media *media, enum action action,
                                                   struct session *opened)
{
	if (media && kiosk_media_may_go_back(media) &&
	    (action == ACTION_PREVIOUS || action == ACTION_CLEAR || action == ACTION_FIRST))
		return kiosk_media_back_to_chooser(media);
	if (!media || media->screen != MEDIA_SCREEN_CHOOSER || !media->key)
		return KIOSK_MEDIA_IGNORED;
	size_t last = media->key->count - 1;
	switch (action) {
	case ACTION_NEXT:
		media->selected += media->selected < last ? 1 : 0;
		return KIOSK_MEDIA_REDRAW;
	case ACTION_PREVIOUS:
		media->selected -= media->selected > 0 ? 1 : 0;
		return KIOSK_MEDIA_REDRAW;
	case ACTION_FIRST:
		media->selected = 0;
		return KIOSK_MEDIA_REDRAW;
	case ACTION_LAST:
		media->selected = last;
		return KIOSK_MEDIA_REDRAW;
	/* Keyboards have a key that says "this one" (Enter, Space); clickers
	 * do not, so F5 or Esc, the clicker's "present" button, chooses too. */
	case ACTION_CONFIRM:
	case ACTION_CLEAR:
		return kiosk_media_open(media, media->selected, opened);
	default:
		return KIOSK_MEDIA_IGNORED; /* blank and quit stay the kiosk's */
	}
}

static struct kiosk_chooser kiosk_media_chooser(const struct kiosk_media *media)
{
	return (struct kiosk_chooser){media->items, media->key->count, media->selected,
	                              media->problem, media->key->found};
}

enum kiosk_media_outcome kiosk_media_handle_tap(struct kiosk_media *media, float x, float y,
                                                int width, int height, struct session *opened)
{
	if (media && kiosk_media_may_go_back(media))
		return kiosk_media_back_to_chooser(media);
	if (!media || media->screen != MEDIA_SCREEN_CHOOSER || !media->key)
		return KIOSK_MEDIA_IGNORED;
	struct kiosk_chooser chooser = kiosk_media_chooser(media);
	int row = kiosk_chooser_row_at(width, height, &chooser, x, y);
	return row < 0 ? KIOSK_MEDIA_REDRAW : kiosk_media_open(media, (size_t)row, opened);
}

bool kiosk_media_draw(struct kiosk_media *media, struct draw_context *context)
{
	if (!media)
		return false;
	switch (media->screen) {
	case MEDIA_SCREEN_IDLE:
	case MEDIA_SCREEN_EMPTY:
		draw_idle_screen(context, media->lang, media->screen == MEDIA_SCREEN_EMPTY,
		                 media->problem);
		return true;
	case MEDIA_SCREEN_CHOOSER: {
		struct kiosk_chooser chooser = kiosk_media_chooser(media);
		draw_chooser_screen(context, media->lang, &chooser);
		return true;
	}
	default:
		return false;
	}
}

void kiosk_media_report(struct kiosk_media *media, bool is_blank, const struct session *session,
                        size_t phase)
{
	if (!media || !media->is_reporting)
		return;
	char report[sizeof media->last_report];
	if (is_blank) {
		snprintf(report, sizeof report, "screen blank");
	} else if (media->screen == MEDIA_SCREEN_IDLE) {
		snprintf(report, sizeof report, "screen idle");
	} else if (media->screen == MEDIA_SCREEN_EMPTY) {
		snprintf(report, sizeof report, "screen empty%s%s",
		         media->problem != KIOSK_KEY_FINE ? " problem=" : "",
		         media->problem != KIOSK_KEY_FINE ? kiosk_key_problem_to_str(media->problem)
		                                          : "");
	} else if (media->screen == MEDIA_SCREEN_CHOOSER) {
		size_t bad = 0;
		for (size_t k = 0; k < media->key->count; k++)
			bad += media->key->entries[k].error_count ? 1 : 0;
		char problem[64] = "";
		if (media->problem != KIOSK_KEY_FINE)
			snprintf(problem, sizeof problem, " problem=%s found=%zu",
			         kiosk_key_problem_to_str(media->problem), media->key->found);
		snprintf(report, sizeof report, "screen chooser files=%zu selected=%zu bad=%zu%s",
		         media->key->count, media->selected + 1, bad, problem);
	} else if (session->situation) {
		snprintf(report, sizeof report, "screen situation phase=%zu", phase);
	} else if (session->file_error) {
		snprintf(report, sizeof report, "screen file-error problem=%s",
		         file_problem_to_str(file_problem_of(session->file_error)));
	} else {
		snprintf(report, sizeof report, "screen errors count=%zu",
		         session->diags.error_count);
	}
	if (strcmp(report, media->last_report) != 0) {
		snprintf(media->last_report, sizeof media->last_report, "%s", report);
		printf("%s\n", report);
		fflush(stdout);
	}
}
