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

/* What the kiosk's user may not open is someone's private file or folder
 * (ext4's lost+found is root's), not a key that failed to read. */
static bool media_is_private(int error)
{
	return error == EACCES || error == EPERM;
}

/* Whether a .txt file of the key is a situation, from its first
 * MEDIA_TEXT_PREFIX bytes: 1 yes, 0 no (a link, a private file or not a
 * regular file is no), -1 when it could not be read, so nobody can tell. */

static int media_text_is_situation(int dir_fd, const char *name)
{
	int fd = openat(dir_fd, name, MEDIA_OPEN_FILE);
	if (fd < 0)
		return errno == ELOOP || media_is_private(errno) ? 0 : -1;
	char head[MEDIA_TEXT_PREFIX];
	struct stat status;
	size_t used = 0;
	int verdict = -1;
	if (fstat(fd, &status) != 0)
		verdict = -1;
	else if (!S_ISREG(status.st_mode))
		verdict = 0;
	else if (media_read_up_to(fd, head, sizeof head, &used) == 0)
		verdict = media_text_starts_with_situation(head, used) ? 1 : 0;
	close(fd);
	explicit_bzero(head, used);
	return verdict;
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

static int media_compare_entries(const void *a, const void *b)
{
	const struct media_entry *left = a, *right = b;
	int by_folder = strcmp(left->folder, right->folder);
	return by_folder ? by_folder : strcmp(left->name, right->name);
}

/* The offered entry that sorts last: the one a candidate before it displaces. */
static size_t media_last_offered(const struct media_key *key)
{
	size_t last = 0;
	for (size_t k = 1; k < key->count; k++)
		if (media_compare_entries(&key->entries[k], &key->entries[last]) > 0)
			last = k;
	return last;
}

/*
 * Counts a candidate file and, without reading it, gives it a place in the
 * offer when one is left, or the place of the offered file that sorts last
 * when it sorts before that one: past the cap, the offer is the first
 * MEDIA_MAX_FILES by (folder, name), whatever order the directories list
 * them in.
 */
static void media_consider(struct media_key *key, int dir_fd, const char *folder, const char *name,
                           bool is_text)
{
	if (is_text) {
		int verdict = media_text_is_situation(dir_fd, name);
		if (verdict < 0)
			key->is_listing_incomplete = true;
		if (verdict <= 0)
			return; /* an ordinary text file: not ours, and not read further */
	}
	struct media_entry candidate = {0};
	snprintf(candidate.folder, sizeof candidate.folder, "%s", folder);
	snprintf(candidate.name, sizeof candidate.name, "%s", name);
	key->found++;
	size_t slot = key->count;
	if (key->count == MEDIA_MAX_FILES) {
		key->is_file_capped = true;
		slot = media_last_offered(key);
		if (media_compare_entries(&candidate, &key->entries[slot]) >= 0)
			return;
	} else {
		key->count++;
	}
	key->entries[slot] = candidate;
}

/* Reads and parses one offered file for the chooser (dir_fd < 0: its
 * folder could not be opened, for the reason dir_error). */
static void media_entry_read(struct media_key *key, struct media_entry *entry, int dir_fd,
                             int dir_error)
{
	char *bytes = NULL;
	size_t length = 0;
	int reason = dir_fd < 0 ? dir_error : media_read_file(dir_fd, entry->name, &bytes, &length);
	struct diag_list diags;
	diag_list_init(&diags, entry->name);
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

/* Reads the offered files, sorted by folder, opening each folder once. */
static void media_read_offered(struct media_key *key, int root_fd)
{
	const char *folder = "";
	int folder_fd = -1, folder_error = 0;
	for (size_t k = 0; k < key->count; k++) {
		struct media_entry *entry = &key->entries[k];
		if (strcmp(entry->folder, folder) != 0) {
			if (folder_fd >= 0)
				close(folder_fd);
			folder = entry->folder;
			folder_fd = openat(root_fd, folder, MEDIA_OPEN_DIR);
			folder_error = folder_fd < 0 ? errno : 0;
		}
		media_entry_read(key, entry, folder[0] ? folder_fd : root_fd, folder_error);
	}
	if (folder_fd >= 0)
		close(folder_fd);
}

/* A listing of dir_fd's directory; closedir closes its own copy of the
 * descriptor, dir_fd stays the caller's. NULL when it cannot be listed. */
static DIR *media_open_listing(int dir_fd)
{
	int list_fd = dup(dir_fd);
	DIR *dir = list_fd >= 0 ? fdopendir(list_fd) : NULL;
	if (!dir && list_fd >= 0)
		close(list_fd);
	return dir;
}

/* The next entry but "." and ".."; NULL at the end, or on a read error
 * (a key pulled out, a bad sector), which marks the listing incomplete. */
static struct dirent *media_next_entry(struct media_key *key, DIR *dir)
{
	for (;;) {
		errno = 0;
		struct dirent *item = readdir(dir);
		if (!item) {
			if (errno) {
				key->skipped_unreadable++;
				key->is_listing_incomplete = true;
			}
			return NULL;
		}
		if (strcmp(item->d_name, ".") != 0 && strcmp(item->d_name, "..") != 0)
			return item;
	}
}

/* Lists the candidate files of one directory, the root ("") or a folder,
 * until the entry cap; returns how many entries it examined. Folders are
 * the root's second pass (media_scan_folders). */
static size_t media_list_files(struct media_key *key, DIR *dir, int dir_fd, const char *folder)
{
	size_t examined = 0;
	struct dirent *item;
	while ((item = media_next_entry(key, dir))) {
		if (key->examined == MEDIA_MAX_ENTRIES) {
			key->is_entry_capped = true;
			break;
		}
		key->examined++;
		examined++;
		if (item->d_name[0] == '.')
			continue; /* hidden files, macOS "._x.situation" companions */
		bool is_situation = media_name_is_situation(item->d_name);
		bool is_text = !is_situation && media_name_is_text(item->d_name);
		if (!is_situation && !is_text)
			continue;
		struct stat status;
		if (fstatat(dir_fd, item->d_name, &status, AT_SYMLINK_NOFOLLOW) != 0) {
			key->is_listing_incomplete = true;
			if (is_situation)
				key->skipped_unreadable++;
			continue;
		}
		if (S_ISLNK(status.st_mode))
			key->skipped_links++;
		else if (S_ISREG(status.st_mode))
			media_consider(key, dir_fd, folder, item->d_name, is_text);
		else if (is_situation && (folder[0] || !S_ISDIR(status.st_mode)))
			key->skipped_special++;
	}
	return examined;
}

/* The root's second pass: the folders among the `listed` entries its first
 * pass examined, one level down, no further, while the cap leaves entries
 * to examine. Links were counted by the first pass when they bear a
 * situation's name, and are counted here otherwise. */
static void media_scan_folders(struct media_key *key, DIR *root_dir, int root_fd, size_t listed)
{
	rewinddir(root_dir);
	struct dirent *item;
	for (size_t seen = 0; seen < listed && !key->is_entry_capped; seen++) {
		if (!(item = media_next_entry(key, root_dir)))
			break;
		if (item->d_name[0] == '.' ||
		    (item->d_type != DT_DIR && item->d_type != DT_UNKNOWN &&
		     item->d_type != DT_LNK))
			continue;
		struct stat status;
		if (fstatat(root_fd, item->d_name, &status, AT_SYMLINK_NOFOLLOW) != 0) {
			key->is_listing_incomplete = true;
			continue;
		}
		if (S_ISLNK(status.st_mode) && !media_name_is_situation(item->d_name) &&
		    !media_name_is_text(item->d_name))
			key->skipped_links++;
		if (!S_ISDIR(status.st_mode))
			continue;
		int sub_fd = openat(root_fd, item->d_name, MEDIA_OPEN_DIR);
		bool is_private = sub_fd < 0 && media_is_private(errno);
		DIR *sub = sub_fd >= 0 ? media_open_listing(sub_fd) : NULL;
		if (sub) {
			media_list_files(key, sub, sub_fd, item->d_name);
			closedir(sub);
		} else if (!is_private) {
			key->skipped_unreadable++;
			key->is_listing_incomplete = true;
		}
		if (sub_fd >= 0)
			close(sub_fd);
	}
}

struct media_key *media_key_scan(const char *mount_point)
{
	struct media_key *key = calloc(1, sizeof *key);
	if (!key)
		return NULL;
	snprintf(key->mount_point, sizeof key->mount_point, "%s", mount_point);
	int root_fd = open(mount_point, MEDIA_OPEN_DIR);
	DIR *root_dir = root_fd >= 0 ? media_open_listing(root_fd) : NULL;
	if (!root_dir) {
		if (root_fd >= 0)
			close(root_fd);
		key->is_unreadable = true;
		return key;
	}
	/* The root's files first, then its folders: files saved at the root
	 * are always examined, however big a folder listed before them. */
	size_t listed = media_list_files(key, root_dir, root_fd, "");
	media_scan_folders(key, root_dir, root_fd, listed);
	closedir(root_dir);
	qsort(key->entries, key->count, sizeof *key->entries, media_compare_entries);
	media_read_offered(key, root_fd);
	close(root_fd);
	return key;
}

struct media_key *media_key_unopened(void)
{
	struct media_key *key = calloc(1, sizeof *key);
	if (key)
		key->is_unopened = true;
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
		session->file_error = ENOENT;
		return false;
	}
	if (entry->read_error) {
		media_add_read_error(&session->diags, entry->read_error);
		session->file_error = entry->read_error;
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
	session->file_error = reason;
	if (reason)
		media_add_read_error(&session->diags, reason);
	else
		session->situation = situation_parse(bytes, length, &session->diags);
	media_wipe_free(bytes, length);
	diag_list_sort(&session->diags);
	return session->situation != NULL;
}
