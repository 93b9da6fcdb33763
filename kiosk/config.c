/*
 * config: reads /etc/concerto/kiosk.conf, a `key = value` file with `#`
 * comments, into struct kiosk_config (see config.h and the documented
 * deploy/kiosk.conf).
 *
 * Guarantees: never reads more than CONFIG_MAX_BYTES, never keeps a line
 * longer than CONFIG_MAX_LINE; every problem is a diagnostic with line and
 * column (characters, as an editor counts them); a bad line is skipped and
 * the rest still applies, so a typo never leaves the projector black; an
 * unknown key names the nearest known one. The file holds no names from a
 * situation, so echoing its values in messages is fine.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { CONFIG_MAX_KEY = 32, CONFIG_CALIBRATION_LIMIT = 16 };

/* Where the current line's pieces are, for messages. */
struct config_line {
	struct diag_list *diags;
	const char *text; /* the whole line, for columns */
	int number;
	const char *value; /* NUL-terminated, trimmed */
};

struct config_state {
	struct kiosk_config *config;
	bool has_media_root; /* the first media_root replaces the defaults */
	unsigned seen;       /* bit per key, to warn about repeats */
};

/* 1-based column of `at` in `line->text`, counting UTF-8 characters. */
static int config_column(const struct config_line *line, const char *at)
{
	int column = 1;
	for (const char *p = line->text; p < at; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			column++;
	return column;
}

#define config_error(line, at, ...)                                                                \
	diag_add((line)->diags, DIAG_ERROR, (line)->number, config_column((line), (at)),           \
	         __VA_ARGS__)

static bool config_is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Named values, so each key's accepted words are one table. */
struct config_word {
	const char *word;
	int value;
};

static const struct config_word config_booleans[] = {
    {"yes", 1}, {"no", 0}, {"true", 1}, {"false", 0}, {"on", 1}, {"off", 0}, {"1", 1}, {"0", 0},
};
static const struct config_word config_rotations[] = {
    {"0", 0}, {"90", 90}, {"180", 180}, {"270", 270}};
static const struct config_word config_langs[] = {{"fr", LANG_FR}, {"en", LANG_EN}};
/* -1: no override, the situation's own `theme` decides. */
static const struct config_word config_themes[] = {
    {"auto", -1}, {"light", THEME_LIGHT}, {"dark", THEME_DARK}};

#define CONFIG_WORDS(table) table, sizeof table / sizeof *table

static bool config_word(const struct config_line *line, const char *key,
                        const struct config_word *words, size_t count, int *value)
{
	for (size_t k = 0; k < count; k++) {
		if (strcmp(line->value, words[k].word) == 0) {
			*value = words[k].value;
			return true;
		}
	}
	char accepted[128] = "";
	for (size_t k = 0; k < count; k++) {
		size_t used = strlen(accepted);
		snprintf(accepted + used, sizeof accepted - used, "%s%s", k ? ", " : "",
		         words[k].word);
	}
	config_error(line, line->value, "%s: \"%s\" is not one of %s", key, line->value, accepted);
	return false;
}

static bool config_path(const struct config_line *line, const char *key, char *out)
{
	if (line->value[0] != '/') {
		config_error(line, line->value, "%s: \"%s\" is not an absolute path (start with /)",
		             key, line->value);
		return false;
	}
	size_t length = strlen(line->value);
	if (length >= CONFIG_MAX_PATH) {
		config_error(line, line->value, "%s: path longer than %d bytes", key,
		             CONFIG_MAX_PATH - 1);
		return false;
	}
	memcpy(out, line->value, length + 1);
	return true;
}

static bool config_set_rotation(struct config_state *state, const struct config_line *line)
{
	return config_word(line, "rotation", CONFIG_WORDS(config_rotations),
	                   &state->config->rotation);
}

static bool config_set_bool(const struct config_line *line, const char *key, bool *out)
{
	int value = 0;
	if (!config_word(line, key, CONFIG_WORDS(config_booleans), &value))
		return false;
	*out = value != 0;
	return true;
}

static bool config_set_mirror_x(struct config_state *state, const struct config_line *line)
{
	return config_set_bool(line, "mirror_x", &state->config->is_mirrored_x);
}

static bool config_set_mirror_y(struct config_state *state, const struct config_line *line)
{
	return config_set_bool(line, "mirror_y", &state->config->is_mirrored_y);
}

/* Six numbers "a b c d e f", libinput's calibration matrix layout. */
static bool config_set_calibration(struct config_state *state, const struct config_line *line)
{
	float matrix[6];
	const char *p = line->value;
	size_t count = 0;
	while (*p) {
		while (config_is_space(*p))
			p++;
		if (!*p)
			break;
		char *end = NULL;
		errno = 0;
		float number = strtof(p, &end);
		if (end == p || (*end && !config_is_space(*end))) {
			config_error(line, p, "calibration: \"%.*s\" is not a number",
			             (int)strcspn(p, " \t"), p);
			return false;
		}
		if (errno == ERANGE || !isfinite(number) ||
		    number > (float)CONFIG_CALIBRATION_LIMIT ||
		    number < -(float)CONFIG_CALIBRATION_LIMIT) {
			config_error(line, p, "calibration: %.*s is out of range (-%d to %d)",
			             (int)(end - p), p, CONFIG_CALIBRATION_LIMIT,
			             CONFIG_CALIBRATION_LIMIT);
			return false;
		}
		if (count == 6) {
			config_error(line, p, "calibration takes 6 numbers, not more");
			return false;
		}
		matrix[count++] = number;
		p = end;
	}
	if (count != 6) {
		config_error(line, line->value,
		             "calibration takes 6 numbers \"a b c d e f\" (got %zu); "
		             "the identity is \"1 0 0 0 1 0\"",
		             count);
		return false;
	}
	memcpy(state->config->calibration.matrix, matrix, sizeof matrix);
	return true;
}

static bool config_add_media_root(struct config_state *state, const struct config_line *line)
{
	struct kiosk_config *config = state->config;
	char root[CONFIG_MAX_PATH];
	if (!config_path(line, "media_root", root))
		return false;
	/* The first valid line replaces the defaults; a bad one is skipped
	 * like any other, so a typo never leaves the kiosk watching nothing. */
	if (!state->has_media_root) {
		config->media_root_count = 0;
		state->has_media_root = true;
	}
	if (config->media_root_count == CONFIG_MAX_MEDIA_ROOTS) {
		config_error(line, line->text, "at most %d media_root lines",
		             CONFIG_MAX_MEDIA_ROOTS);
		return false;
	}
	memcpy(config->media_roots[config->media_root_count++], root, strlen(root) + 1);
	return true;
}

static bool config_set_input_dir(struct config_state *state, const struct config_line *line)
{
	return config_path(line, "input_dir", state->config->input_dir);
}

static bool config_set_lang(struct config_state *state, const struct config_line *line)
{
	int value = 0;
	if (!config_word(line, "lang", CONFIG_WORDS(config_langs), &value))
		return false;
	state->config->lang = (enum situation_lang)value;
	return true;
}

static bool config_set_theme(struct config_state *state, const struct config_line *line)
{
	int value = 0;
	if (!config_word(line, "theme", CONFIG_WORDS(config_themes), &value))
		return false;
	state->config->has_theme = value >= 0;
	if (value >= 0)
		state->config->theme = (enum situation_theme)value;
	return true;
}

static const struct config_key {
	const char *name;
	bool (*set)(struct config_state *state, const struct config_line *line);
	bool is_repeatable;
} config_keys[] = {
    {"rotation", config_set_rotation, false},
    {"mirror_x", config_set_mirror_x, false},
    {"mirror_y", config_set_mirror_y, false},
    {"calibration", config_set_calibration, false},
    {"media_root", config_add_media_root, true},
    {"input_dir", config_set_input_dir, false},
    {"lang", config_set_lang, false},
    {"theme", config_set_theme, false},
};
enum { CONFIG_KEY_COUNT = sizeof config_keys / sizeof *config_keys };

/* Levenshtein distance of two short ASCII words (longer input is cut). */
static size_t config_distance(const char *a, const char *b)
{
	size_t row[CONFIG_MAX_KEY + 1];
	size_t a_length = strnlen(a, CONFIG_MAX_KEY), b_length = strnlen(b, CONFIG_MAX_KEY);
	for (size_t j = 0; j <= b_length; j++)
		row[j] = j;
	for (size_t i = 1; i <= a_length; i++) {
		size_t diagonal = row[0];
		row[0] = i;
		for (size_t j = 1; j <= b_length; j++) {
			size_t above = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = diagonal + cost;
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diagonal = above;
		}
	}
	return row[b_length];
}

static void config_unknown_key(const struct config_line *line, const char *key)
{
	const char *nearest = NULL;
	size_t best = (size_t)-1;
	for (size_t k = 0; k < CONFIG_KEY_COUNT; k++) {
		size_t distance = config_distance(key, config_keys[k].name);
		if (distance < best) {
			best = distance;
			nearest = config_keys[k].name;
		}
	}
	size_t length = strlen(key);
	if (nearest && best <= (length > 6 ? 3 : 2))
		config_error(line, line->text + strspn(line->text, " \t"),
		             "unknown key \"%.*s\"; did you mean \"%s\"?", CONFIG_MAX_KEY, key,
		             nearest);
	else
		config_error(line, line->text + strspn(line->text, " \t"),
		             "unknown key \"%.*s\"; known keys: rotation, mirror_x, mirror_y, "
		             "calibration, media_root, input_dir, lang, theme",
		             CONFIG_MAX_KEY, key);
}

/* Control characters (but tab) in a value are a mistake, and would reach the
 * journal verbatim. */
static const char *config_find_control(const char *text)
{
	for (const char *p = text; *p; p++)
		if ((unsigned char)*p < 0x20 && *p != '\t')
			return p;
	return NULL;
}

/* One line, NUL-terminated, without its line ending. */
static void config_parse_line(struct config_state *state, struct config_line *line, char *text)
{
	line->text = text;
	char *p = text + strspn(text, " \t");
	if (*p == '\0' || *p == '#')
		return;
	const char *control = config_find_control(p);
	if (control) {
		config_error(line, control, "control character (byte 0x%02x) in the line",
		             (unsigned char)*control);
		return;
	}
	char *equals = strchr(p, '=');
	if (!equals) {
		config_error(line, p, "expected \"key = value\"");
		return;
	}
	char *key_end = equals;
	while (key_end > p && config_is_space(key_end[-1]))
		key_end--;
	if (key_end == p) {
		config_error(line, p, "a key is missing before \"=\"");
		return;
	}
	char key[CONFIG_MAX_KEY + 1];
	size_t key_length = (size_t)(key_end - p);
	if (key_length > CONFIG_MAX_KEY)
		key_length = CONFIG_MAX_KEY;
	memcpy(key, p, key_length);
	key[key_length] = '\0';

	/* A comment may follow a value after a blank: "rotation = 90  # ...". */
	char *value = equals + 1 + strspn(equals + 1, " \t");
	char *end = value;
	while (*end && !(*end == '#' && end > value && config_is_space(end[-1])))
		end++;
	while (end > value && config_is_space(end[-1]))
		end--;
	*end = '\0';
	line->value = value;

	size_t k = 0;
	while (k < CONFIG_KEY_COUNT && strcmp(config_keys[k].name, key) != 0)
		k++;
	if (k == CONFIG_KEY_COUNT || (size_t)(key_end - p) > CONFIG_MAX_KEY) {
		config_unknown_key(line, key);
		return;
	}
	if (*value == '\0') {
		config_error(line, equals, "%s needs a value after \"=\"", key);
		return;
	}
	if (!config_keys[k].is_repeatable && (state->seen & (1u << k)))
		diag_add(line->diags, DIAG_WARNING, line->number, config_column(line, p),
		         "%s is set more than once; the last value wins", key);
	if (config_keys[k].set(state, line))
		state->seen |= 1u << k;
}

bool config_parse(const char *text, size_t size, const char *name, struct kiosk_config *config,
                  struct diag_list *diags)
{
	config_defaults(config);
	diag_list_init(diags, name ? name : "kiosk.conf");
	if (size > CONFIG_MAX_BYTES) {
		diag_add(diags, DIAG_ERROR, 1, 1,
		         "file larger than %d bytes; ignored, running with the defaults",
		         CONFIG_MAX_BYTES);
		return false;
	}
	struct config_state state = {config, false, 0};
	struct config_line line = {diags, "", 0, ""};
	char buffer[CONFIG_MAX_LINE + 1];
	size_t at = 0;
	if (size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		at = 3;
	while (at < size) {
		line.number++;
		const char *newline = memchr(text + at, '\n', size - at);
		size_t length = newline ? (size_t)(newline - (text + at)) : size - at;
		const char *start = text + at;
		at += length + (newline ? 1 : 0);
		if (length > 0 && start[length - 1] == '\r')
			length--;
		if (length > CONFIG_MAX_LINE) {
			diag_add(diags, DIAG_ERROR, line.number, CONFIG_MAX_LINE + 1,
			         "line longer than %d bytes; ignored", CONFIG_MAX_LINE);
			continue;
		}
		if (memchr(start, '\0', length)) {
			diag_add(diags, DIAG_ERROR, line.number, 1,
			         "NUL byte in the line; is this a text file?");
			continue;
		}
		memcpy(buffer, start, length);
		buffer[length] = '\0';
		config_parse_line(&state, &line, buffer);
	}
	return !diag_list_has_errors(diags);
}

bool config_load(const char *path, struct kiosk_config *config, struct diag_list *diags)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		int error = errno;
		config_defaults(config);
		diag_list_init(diags, path);
		if (error == ENOENT)
			return true;
		diag_add(diags, DIAG_ERROR, 1, 1, "cannot open: %s; running with the defaults",
		         strerror(error));
		return false;
	}
	struct stat info;
	char *text = NULL;
	ssize_t size = -1;
	if (fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
	    (text = malloc(CONFIG_MAX_BYTES + 1))) {
		/* One byte past the cap tells a too-big file from a full one. */
		size_t used = 0;
		ssize_t got = 0;
		while (used <= CONFIG_MAX_BYTES &&
		       (got = read(fd, text + used, CONFIG_MAX_BYTES + 1 - used)) > 0)
			used += (size_t)got;
		size = got < 0 ? -1 : (ssize_t)used;
	}
	close(fd);
	bool is_ok = false;
	if (size < 0) {
		config_defaults(config);
		diag_list_init(diags, path);
		diag_add(diags, DIAG_ERROR, 1, 1,
		         "cannot read (not a regular file?); running with the defaults");
	} else {
		is_ok = config_parse(text, (size_t)size, path, config, diags);
	}
	free(text);
	return is_ok;
}
