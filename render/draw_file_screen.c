/*
 * draw_file_screen: the screen of a file that could not be used as a whole;
 * see file_screen.h. Its words live in the tables here, French and English,
 * picked by the kiosk's language.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "file_screen.h"

/* Title and hint of each kind of problem: what to do with the key or the
 * file, since nothing inside the file is at fault. */
static const struct {
	const char *name;
	const char *title[2];
	const char *hint[2];
} file_problems[FILE_PROBLEM_COUNT] = {
    [FILE_PROBLEM_UNREADABLE] =
        {"unreadable",
         {"Ce fichier n'a pas pu être lu", "This file could not be read"},
         {"Retirez la clé, puis rebranchez-la. Si cela recommence, copiez le fichier sur une "
          "autre clé depuis un ordinateur.",
          "Take the key out and plug it in again. If it happens again, copy the file onto "
          "another key from a computer."}},
    [FILE_PROBLEM_TOO_LARGE] =
        {"too-large",
         {"Ce fichier est trop gros pour être une situation",
          "This file is too large to be a situation"},
         {"Une situation est un simple texte de moins de 1 Mo. Sur un ordinateur, vérifiez que "
          "c'est le bon fichier, enregistrez-le en texte brut (.situation) ou raccourcissez-le.",
          "A situation is plain text of less than 1 MiB. On a computer, check that it is the "
          "right file, save it as plain text (.situation) or make it shorter."}},
    [FILE_PROBLEM_NOT_PLAIN] =
        {"not-plain",
         {"Ce fichier ne peut pas être ouvert", "This file cannot be opened"},
         {"Sur un ordinateur, enregistrez la situation elle-même sur la clé (pas un raccourci), "
          "sous un nom qui finit par .situation.",
          "On a computer, save the situation itself onto the key (not a shortcut), with a name "
          "ending in .situation."}},
    [FILE_PROBLEM_MISSING] =
        {"missing",
         {"Ce fichier est introuvable", "This file cannot be found"},
         {"Retirez la clé, puis rebranchez-la. Si cela recommence, vérifiez sur un ordinateur "
          "que le fichier est bien sur la clé.",
          "Take the key out and plug it in again. If it happens again, check on a computer "
          "that the file is on the key."}},
};

/* The reasons a presenter may meet, in words; any other errno gets a
 * general sentence in French, the diagnostic's own message in English. */
static const struct {
	int file_error;
	enum file_problem problem;
	const char *reason[2];
} file_reasons[] = {
    {EIO,
     FILE_PROBLEM_UNREADABLE,
     {"erreur de lecture sur la clé (elle est peut-être usée ou abîmée)",
      "read error on the key (it may be worn or damaged)"}},
    {ENOTCONN,
     FILE_PROBLEM_UNREADABLE,
     {"la clé a été retirée ou déconnectée pendant la lecture",
      "the key was pulled out or disconnected while it was read"}},
    {ENODEV,
     FILE_PROBLEM_UNREADABLE,
     {"la clé a été retirée ou déconnectée pendant la lecture",
      "the key was pulled out or disconnected while it was read"}},
    {ENXIO,
     FILE_PROBLEM_UNREADABLE,
     {"la clé a été retirée ou déconnectée pendant la lecture",
      "the key was pulled out or disconnected while it was read"}},
    {ESTALE,
     FILE_PROBLEM_UNREADABLE,
     {"la clé a été retirée ou déconnectée pendant la lecture",
      "the key was pulled out or disconnected while it was read"}},
    {EAGAIN,
     FILE_PROBLEM_UNREADABLE,
     {"le fichier a changé pendant sa lecture", "the file changed while it was read"}},
    {EACCES,
     FILE_PROBLEM_UNREADABLE,
     {"la lecture de ce fichier est refusée", "reading this file is not allowed"}},
    {EPERM,
     FILE_PROBLEM_UNREADABLE,
     {"la lecture de ce fichier est refusée", "reading this file is not allowed"}},
    {ENOMEM,
     FILE_PROBLEM_UNREADABLE,
     {"pas assez de mémoire pour le lire", "not enough memory to read it"}},
    {EFBIG,
     FILE_PROBLEM_TOO_LARGE,
     {"il dépasse la limite de 1 Mo par fichier ; il n'a pas été lu",
      "it is over the limit of 1 MiB per file; it was not read"}},
    {ELOOP,
     FILE_PROBLEM_NOT_PLAIN,
     {"c'est un lien (un raccourci) ; les liens ne sont jamais suivis sur une clé",
      "it is a link (a shortcut); links are never followed on a key"}},
    {EINVAL,
     FILE_PROBLEM_NOT_PLAIN,
     {"ce n'est pas un fichier ordinaire ; il n'a pas été lu",
      "it is not an ordinary file; it was not read"}},
    {EISDIR,
     FILE_PROBLEM_NOT_PLAIN,
     {"c'est un dossier, pas un fichier", "it is a folder, not a file"}},
    {ENOENT,
     FILE_PROBLEM_MISSING,
     {"il n'est pas (ou plus) à cet endroit", "it is not (or no longer) there"}},
};

enum { FILE_REASON_COUNT = sizeof file_reasons / sizeof *file_reasons };

static int file_reason_index(int file_error)
{
	for (int k = 0; k < FILE_REASON_COUNT; k++)
		if (file_reasons[k].file_error == file_error)
			return k;
	return -1;
}

enum file_problem file_problem_of(int file_error)
{
	int k = file_reason_index(file_error);
	return k < 0 ? FILE_PROBLEM_UNREADABLE : file_reasons[k].problem;
}

const char *file_problem_to_str(enum file_problem problem)
{
	return file_problems[(unsigned)problem < FILE_PROBLEM_COUNT ? problem
	                                                            : FILE_PROBLEM_UNREADABLE]
	    .name;
}

void file_problem_words(enum situation_lang lang, int file_error, const char **title,
                        const char **hint, const char **reason)
{
	int in = lang == LANG_EN ? 1 : 0;
	enum file_problem problem = file_problem_of(file_error);
	int k = file_reason_index(file_error);
	*title = file_problems[problem].title[in];
	*hint = file_problems[problem].hint[in];
	*reason = k >= 0 ? file_reasons[k].reason[in]
	          : in   ? NULL
	                 : "le système n'a pas pu le lire (une autre clé ou un autre "
	                   "ordinateur peuvent aider)";
}

void draw_file_screen(struct draw_context *context, const struct diag_list *diags, int file_error,
                      enum situation_lang lang)
{
	const struct palette *palette = context->palette;
	draw_clear(context);
	const char *title, *hint, *reason;
	file_problem_words(lang, file_error, &title, &hint, &reason);
	/* In English, without a sentence of its own, the reason is the
	 * diagnostic's. */
	for (size_t k = 0; !reason && k < diags->count; k++)
		if (diags->items[k].severity == DIAG_ERROR)
			reason = diags->items[k].message;
	/* The name the presenter sees on the key, not the mount path. */
	const char *slash = diags->file_name ? strrchr(diags->file_name, '/') : NULL;
	const char *file = slash ? slash + 1 : diags->file_name ? diags->file_name : "";
	char line[DIAG_MAX_MESSAGE + 512];
	snprintf(line, sizeof line, lang == LANG_EN ? "%s: %s." : "%s : %s.", file,
	         reason ? reason : "?");
	/* The error screen's places and sizes, the hint a little larger: it is
	 * the message here, and it may take two lines. */
	int unit = context->width < context->height ? context->width : context->height;
	int margin = unit / 18;
	float width = (float)(context->width - 2 * margin);
	float foot = (float)(context->height - margin), y = (float)margin;
	struct text_style title_style = {unit / 20, TEXT_BOLD, palette->error};
	struct text_style hint_style = {unit / 28, TEXT_REGULAR, palette->ink};
	struct text_style line_style = {unit / 30, TEXT_REGULAR, palette->ink};
	y += (float)draw_wrapped_text(context, title, title_style,
	                              (SDL_FRect){(float)margin, y, width, foot - y}, 0);
	y += (float)unit / 40;
	if (foot - y > 0)
		y += (float)draw_wrapped_text(context, hint, hint_style,
		                              (SDL_FRect){(float)margin, y, width, foot - y}, 0);
	y += (float)unit / 14;
	if (foot - y > 0)
		draw_wrapped_text(context, line, line_style,
		                  (SDL_FRect){(float)margin, y, width, foot - y}, 0);
}
