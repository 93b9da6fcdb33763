/*
 * media_scan: what a USB key offers — the situation files at its root and one
 * folder down, each with its title and date (or its error count) for the
 * chooser — and the loading of the one the presenter picks.
 *
 * Guarantees, whatever the key holds: nothing on it is written, executed or
 * read as anything but a situation file; no symbolic link is followed (every
 * open is relative to the key's own directories with O_NOFOLLOW); only
 * regular files are read, opened with O_NONBLOCK so a FIFO cannot block;
 * no file over SITUATION_MAX_FILE_BYTES is read (it is offered with an error
 * saying so); at most MEDIA_MAX_ENTRIES directory entries are examined and
 * MEDIA_MAX_FILES files offered. No descriptor stays open between calls, so
 * the key can always be unmounted. Plain C, no SDL; never prints.
 *
 * The root's own entries are examined before any folder's, so a folder of
 * thousands of photos cannot hide a situation saved at the root. Past
 * MEDIA_MAX_FILES, the files offered are the first by folder and name
 * (the root's first), whatever the directory order: the same key always
 * offers the same files. Only those are read whole; a file that cannot be
 * offered is never read (a .txt file's first 16 KiB are, to tell whether it
 * is a situation at all).
 */
#ifndef CONCERTO_MEDIA_SCAN_H
#define CONCERTO_MEDIA_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"
#include "situation.h"

enum {
	MEDIA_MAX_FILES = 50,      /* offered in the chooser */
	MEDIA_MAX_ENTRIES = 10000, /* directory entries examined, the root's first */
	MEDIA_MAX_NAME = 256,      /* NAME_MAX + 1 */
	MEDIA_MAX_PATH = 1024,     /* a mount point */
};

struct media_entry {
	char folder[MEDIA_MAX_NAME]; /* "" at the key's root */
	char name[MEDIA_MAX_NAME];
	char *title; /* heap copy, wiped when freed; NULL when it has errors */
	struct situation_date date;
	size_t error_count;
	/* errno of the scan's read, 0 when it read: opening the file then
	 * reports it without touching the key again, since a worn key's bad
	 * sectors can block a read for longer than the watchdog allows. */
	int read_error;
};

struct media_key {
	char mount_point[MEDIA_MAX_PATH];
	struct media_entry entries[MEDIA_MAX_FILES];
	size_t count;
	size_t found;              /* situation files found, offered or not */
	size_t examined;           /* directory entries looked at */
	bool is_entry_capped;      /* stopped at MEDIA_MAX_ENTRIES */
	bool is_file_capped;       /* more than MEDIA_MAX_FILES situation files */
	size_t skipped_links;      /* symbolic links, never followed */
	size_t skipped_special;    /* FIFOs, devices, sockets with a situation name */
	size_t skipped_unreadable; /* could not be opened or read */
	bool is_unreadable;        /* the key's root itself could not be opened */
	/* A folder could not be opened or listed to its end, or an entry
	 * that may be a situation could not be looked at: a file may be
	 * missing from the offer (files offered with a read error are not
	 * missing: they say so when opened). */
	bool is_listing_incomplete;
	/* Not mounted at all: a USB disk is in that nothing could mount
	 * (encrypted, or a filesystem the kiosk cannot read; usb_disks.h).
	 * Nothing else is set. */
	bool is_unopened;
};

/* Scans the key mounted at mount_point. NULL only when out of memory. */
struct media_key *media_key_scan(const char *mount_point);
/* The key of a USB disk that is in but was not mounted (is_unopened).
 * NULL only when out of memory. */
struct media_key *media_key_unopened(void);
/* Wipes the titles, then frees. NULL is allowed. */
void media_key_free(struct media_key *key);

/*
 * Reads and parses entry `index` into a fresh session (its diagnostics are
 * named after "folder/name"). True when the situation parsed; otherwise the
 * session holds the diagnostics (a vanished or unreadable file is one, and
 * its reason is in session->file_error).
 */
bool media_key_load(const struct media_key *key, size_t index, struct session *session);

/* "folder/name" with control characters and invalid bytes as '?', for the
 * journal and the screen. */
void media_entry_display_name(const struct media_entry *entry, char *buffer, size_t size);

/* Whether a file name is a candidate: *.situation, or *.txt (whose first
 * statement must then be `situation`). Case and accents do not matter. */
bool media_name_is_situation(const char *name);
bool media_name_is_text(const char *name);

#endif
