/*
 * media_scan: the situation files a key offers; see media_scan.h.
 */
#define _GNU_SOURCE
#include "media_scan.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keywords.h"

/* How every directory and file of a key is opened: read-only, never through
 * a link, never blocking on a FIFO, never becoming our terminal. */
enum {
	MEDIA_OPEN_DIR = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK,
	MEDIA_OPEN_FILE = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY,
};

/* How much of a .txt file is read to see whether it is a situation: its
 * first statement must come within this many bytes (comments, blank lines
 * and a BOM before it included). Reading whole text files to look at their
 * first word cost up to 1 MiB each on a slow key, for files not ours. */
enum { MEDIA_TEXT_PREFIX = 16 * 1024 };

/* The part after the last dot, folded (case, accents), equals `extension`. */
static bool media_name_has_extension(const char *name, const char *extension)
{
	const char *dot = strrchr(name, '.');
	if (!dot || dot == name)
		return false;
	char folded[KEYWORD_FOLD_MAX];
	return keyword_fold(dot + 1, strlen(dot + 1), folded, sizeof folded) &&
	       strcmp(folded, extension) == 0;
}

bool media_name_is_situation(const char *name)
{
	return media_name_has_extension(name, "situation");
}

bool media_name_is_text(const char *name)
{
	return media_name_has_extension(name, "txt");
}

/* FORMAT.md: a .txt file is a situation file when its first statement is
 * `situation`. Skips a BOM, blank lines and comments. */
static bool media_text_starts_with_situation(const char *bytes, size_t length)
{
	size_t k = 0;
	if (length >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		k = 3;
	while (k < length) {
		while (k < length && strchr(" \t\r\n", bytes[k]))
			k++;
		if (k < length && bytes[k] == '#') {
			while (k < length && bytes[k] != '\n' && bytes[k] != '\r')
				k++;
			continue;
		}
		size_t start = k;
		while (k < length && !strchr(" \t\r\n#", bytes[k]))
			k++;
		return k > start && keyword_lookup(&keyword_statements, bytes + start, k - start) ==
		                        STATEMENT_SITUATION;
	}
	return false;
}

/* Reads until `capacity` bytes or the end of the file, whichever comes
 * first; 0, or the read's errno. */
static int media_read_up_to(int fd, char *buffer, size_t capacity, size_t *used)
{
	*used = 0;
	while (*used < capacity) {
		ssize_t got = read(fd, buffer + *used, capacity - *used);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return errno;
		if (got == 0)
			break;
		*used += (size_t)got;
	}
	return 0;
}

/*
 * Reads a regular file of the key into a new buffer. Returns 0 with the
 * bytes, or an errno-like reason: EFBIG past the cap, EINVAL for anything
 * but a regular file, ELOOP for a link, or the open/read error.
 */
static int media_read_file(int dir_fd, const char *name, char **bytes, size_t *length)
{
	*bytes = NULL;
	*length = 0;
	int fd = openat(dir_fd, name, MEDIA_OPEN_FILE);
	if (fd < 0)
		return errno;
	struct stat status;
	int reason = 0;
	if (fstat(fd, &status) != 0)
		reason = errno;
	else if (!S_ISREG(status.st_mode))
		reason = EINVAL;
	else if (status.st_size > SITUATION_MAX_FILE_BYTES)
		reason = EFBIG;
	/* One byte past the size tells a file that grew (or a filesystem that
	 * lies about sizes); the buffer never passes the cap plus one. */
	size_t capacity = reason ? 0 : (size_t)status.st_size + 1;
	char *buffer = reason ? NULL : malloc(capacity);
	if (!reason && !buffer)
		reason = ENOMEM;
	size_t used = 0;
	if (!reason)
		reason = media_read_up_to(fd, buffer, capacity, &used);
	if (!reason && used == capacity)
		reason = used > SITUATION_MAX_FILE_BYTES ? EFBIG : EAGAIN;
	close(fd);
	if (reason) {
		if (buffer) {
			explicit_bzero(buffer, used);
			free(buffer);
		}
		return reason;
	}
	*bytes = buffer;
	*length = used;
	return 0;
}

/* Reads at most `size` bytes from the start of a regular file; returns how
 * many, or -1 when it cannot be opened or is not a regular file. */
static ssize_t media_read_prefix(int dir_fd, const char *name, char *buffer, size_t size)
{
	int fd = openat(dir_fd, name, MEDIA_OPEN_FILE);
	if (fd < 0)
		return -1;
	struct stat status;
	size_t used = 0;
	bool is_read = fstat(fd, &status) == 0 && S_ISREG(status.st_mode) &&
	               media_read_up_to(fd, buffer, size, &used) == 0;
	close(fd);
	return is_read ? (ssize_t)used : -1;
}

static void media_wipe_free(char *bytes, size_t length)
{
	if (bytes) {
		explicit_bzero(bytes, length);
		free(bytes);
	}
}

/* The reason a file could not be read, as a diagnostic a presenter can act on. */
static void media_add_read_error(struct diag_list *diags, int reason)
{
	if (reason == EFBIG)
		diag_add(diags, DIAG_ERROR, 1, 1,
		         "file too large: more than the limit of 1 MiB (%d bytes) per file; it was "
		         "not read",
		         SITUATION_MAX_FILE_BYTES);
	else if (reason == EINVAL)
		diag_add(diags, DIAG_ERROR, 1, 1, "not a regular file: it was not read");
	else if (reason == EAGAIN)
		diag_add(diags, DIAG_ERROR, 1, 1,
		         "the file changed while it was read; plug the key in again");
	else if (reason == ELOOP)
		diag_add(diags, DIAG_ERROR, 1, 1, "a link: links are never followed on a key");
	else
		diag_add(diags, DIAG_ERROR, 1, 1, "cannot read the file: %s", strerror(reason));
}

/* Parses a candidate for the chooser: title and date, or its error count. */
static void media_entry_fill(struct media_entry *entry, struct situation *situation,
                             const struct diag_list *diags)
{
	if (situation) {
		entry->title = strdup(situation->title ? situation->title : "");
		entry->date = situation->date;
	}
	entry->error_count = situation ? 0 : (diags->error_count ? diags->error_count : 1);
}

static void media_offer(struct media_key *key, int dir_fd, const char *folder, const char *name,
                        bool is_text)
{
	if (is_text) {
		char head[MEDIA_TEXT_PREFIX];
		ssize_t got = media_read_prefix(dir_fd, name, head, sizeof head);
		bool is_ours = got > 0 && media_text_starts_with_situation(head, (size_t)got);
		explicit_bzero(head, sizeof head);
		if (!is_ours)
			return; /* an ordinary text file: not ours, and not read further */
	}
	char *bytes = NULL;
	size_t length = 0;
	int reason = media_read_file(dir_fd, name, &bytes, &length);
	if (is_text && (reason || !media_text_starts_with_situation(bytes, length))) {
		media_wipe_free(bytes, length); /* an ordinary text file: not ours */
		return;
	}
	if (reason == EINVAL || reason == ELOOP) {
		key->skipped_special++;
		return;
	}
	if (key->count == MEDIA_MAX_FILES) {
		key->is_file_capped = true;
		media_wipe_free(bytes, length);
		return;
	}
	struct media_entry *entry = &key->entries[key->count++];
	snprintf(entry->folder, sizeof entry->folder, "%s", folder);
	snprintf(entry->name, sizeof entry->name, "%s", name);
	struct diag_list diags;
	diag_list_init(&diags, name);
	struct situation *situation = NULL;
	if (reason) {
		if (reason != EFBIG)
			key->skipped_unreadable++;
		entry->read_error = reason;
		media_add_read_error(&diags, reason);
	} else {
		situation = situation_parse(bytes, length, &diags);
	}
	media_entry_fill(entry, situation, &diags);
	situation_free(situation);
	diag_list_free(&diags);
	media_wipe_free(bytes, length);
}

static int media_compare_entries(const void *a, const void *b)
{
	const struct media_entry *left = a, *right = b;
	int by_folder = strcmp(left->folder, right->folder);
	return by_folder ? by_folder : strcmp(left->name, right->name);
}

/* Looks at one directory; `folder` is "" for the root, whose folders are
 * looked at too (one level down, no further). */
static void media_scan_dir(struct media_key *key, int dir_fd, const char *folder)
{
	int list_fd = dup(dir_fd); /* closedir closes it; dir_fd stays ours */
	DIR *dir = list_fd >= 0 ? fdopendir(list_fd) : NULL;
	if (!dir) {
		if (list_fd >= 0)
			close(list_fd);
		key->skipped_unreadable++;
		return;
	}
	struct dirent *item;
	while ((item = readdir(dir))) {
		if (strcmp(item->d_name, ".") == 0 || strcmp(item->d_name, "..") == 0)
			continue;
		if (key->examined == MEDIA_MAX_ENTRIES) {
			key->is_entry_capped = true;
			break;
		}
		key->examined++;
		if (item->d_name[0] == '.')
			continue; /* hidden files, macOS "._x.situation" companions */
		bool is_situation = media_name_is_situation(item->d_name);
		bool is_text = !is_situation && media_name_is_text(item->d_name);
		bool may_be_folder =
		    !folder[0] && (item->d_type == DT_DIR || item->d_type == DT_UNKNOWN ||
		                   item->d_type == DT_LNK);
		if (!is_situation && !is_text && !may_be_folder)
			continue;
		struct stat status;
		if (fstatat(dir_fd, item->d_name, &status, AT_SYMLINK_NOFOLLOW) != 0) {
			if (is_situation)
				key->skipped_unreadable++;
			continue;
		}
		if (S_ISLNK(status.st_mode)) {
			key->skipped_links++;
		} else if (S_ISDIR(status.st_mode) && !folder[0]) {
			int sub_fd = openat(dir_fd, item->d_name, MEDIA_OPEN_DIR);
			if (sub_fd >= 0) {
				media_scan_dir(key, sub_fd, item->d_name);
				close(sub_fd);
			} else {
				key->skipped_unreadable++;
			}
		} else if (S_ISREG(status.st_mode) && (is_situation || is_text)) {
			media_offer(key, dir_fd, folder, item->d_name, is_text);
		} else if (is_situation) {
			key->skipped_special++;
		}
	}
	closedir(dir);
}

struct media_key *media_key_scan(const char *mount_point)
{
	struct media_key *key = calloc(1, sizeof *key);
	if (!key)
		return NULL;
	snprintf(key->mount_point, sizeof key->mount_point, "%s", mount_point);
	int root_fd = open(mount_point, MEDIA_OPEN_DIR);
	if (root_fd < 0) {
		key->is_unreadable = true;
		return key;
	}
	media_scan_dir(key, root_fd, "");
	close(root_fd);
	qsort(key->entries, key->count, sizeof *key->entries, media_compare_entries);
	return key;
}

void media_key_free(struct media_key *key)
{
	if (!key)
		return;
	for (size_t k = 0; k < key->count; k++) {
		char *title = key->entries[k].title;
		if (title) {
			explicit_bzero(title, strlen(title));
			free(title);
		}
	}
	explicit_bzero(key, sizeof *key);
	free(key);
}

void media_entry_display_name(const struct media_entry *entry, char *buffer, size_t size)
{
	if (size == 0)
		return;
	snprintf(buffer, size, "%s%s%s", entry->folder, entry->folder[0] ? "/" : "", entry->name);
	for (unsigned char *c = (unsigned char *)buffer; *c; c++)
		if (*c < 0x20 || *c == 0x7F)
			*c = '?';
}

bool media_key_load(const struct media_key *key, size_t index, struct session *session)
{
	char shown[2 * MEDIA_MAX_NAME + 1];
	const struct media_entry *entry = index < key->count ? &key->entries[index] : NULL;
	if (entry)
		media_entry_display_name(entry, shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "?");
	*session = (struct session){0};
	diag_list_init(&session->diags, shown);
	if (!entry) {
		diag_add(&session->diags, DIAG_ERROR, 1, 1, "no such file on the key");
		return false;
	}
	if (entry->read_error) {
		media_add_read_error(&session->diags, entry->read_error);
		return false;
	}
	int root_fd = open(key->mount_point, MEDIA_OPEN_DIR);
	int dir_fd = root_fd;
	if (root_fd >= 0 && entry->folder[0])
		dir_fd = openat(root_fd, entry->folder, MEDIA_OPEN_DIR);
	char *bytes = NULL;
	size_t length = 0;
	int reason = dir_fd < 0 ? errno : media_read_file(dir_fd, entry->name, &bytes, &length);
	if (dir_fd >= 0 && dir_fd != root_fd)
		close(dir_fd);
	if (root_fd >= 0)
		close(root_fd);
	if (reason)
		media_add_read_error(&session->diags, reason);
	else
		session->situation = situation_parse(bytes, length, &session->diags);
	media_wipe_free(bytes, length);
	diag_list_sort(&session->diags);
	return session->situation != NULL;
}
