/*
 * file_screen: what the kiosk shows when a file cannot be used as a whole —
 * it could not be read (a worn key, a key pulled out), it is over the size
 * limit, it is a link or not a plain file, it is gone — instead of the list
 * of a file's errors, whose advice ("fix these lines") does not apply: there
 * are no lines to fix. A title and what to do for each kind of problem, and
 * the file's name with the reason in a sentence, in the kiosk's language,
 * French first.
 *
 * The diagnostic itself (English, "file:line:col: error: ...") is left as
 * it is: --check and the journal print it; the screen tells the same in
 * words for whoever stands in front of it. The reason comes as an errno
 * value (session.file_error); one without a sentence of its own is shown
 * by the diagnostic's message.
 */
#ifndef CONCERTO_FILE_SCREEN_H
#define CONCERTO_FILE_SCREEN_H

#include "diag.h"
#include "draw.h"
#include "situation.h"

enum file_problem {
	FILE_PROBLEM_UNREADABLE, /* a read or open error, or any reason not below */
	FILE_PROBLEM_TOO_LARGE,  /* EFBIG: over SITUATION_MAX_FILE_BYTES */
	FILE_PROBLEM_NOT_PLAIN,  /* ELOOP, EINVAL: a link, a folder, a device */
	FILE_PROBLEM_MISSING,    /* ENOENT: not (or no longer) there */
	FILE_PROBLEM_COUNT
};

enum file_problem file_problem_of(int file_error);

/* "unreadable", "too-large", "not-plain", "missing": for --report-screens. */
const char *file_problem_to_str(enum file_problem problem);

/* The screen's title and hint for file_error, and the reason as a sentence
 * ("erreur de lecture sur la clé ..."). An errno without a sentence of its
 * own gets a general one in French, and NULL in English, where the
 * diagnostic's own words say it more precisely. */
void file_problem_words(enum situation_lang lang, int file_error, const char **title,
                        const char **hint, const char **reason);

/* The screen for a file that could not be used as a whole: file_error is
 * the session's (non-zero), diags name the file and hold its diagnostic. */
void draw_file_screen(struct draw_context *context, const struct diag_list *diags, int file_error,
                      enum situation_lang lang);

#endif
