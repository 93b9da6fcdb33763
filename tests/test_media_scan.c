/*
 * test_media_scan: what a key offers, on a real directory tree in a temp
 * folder — root and one folder down, .txt files that are situations and
 * those that are not, links never followed, FIFOs never opened, files over
 * the cap never read, the entry and file caps (the root's files counted
 * before any folder's; past the file cap, the first files by name offered
 * and the others never opened), folders that cannot be read — the reason a
 * file could not be used as a whole, kept for the screen (session
 * file_error) apart from errors in its lines — and the mountinfo reading of
 * the watcher.
 *
 * Linked with -Wl,--wrap=openat: every file and folder the scan opens goes
 * through __wrap_openat below, which notes the files and can make a folder
 * or a file fail to open as on a worn key.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "config.h"
#include "diag.h"
#include "media_scan.h"
#include "media_watch.h"

static char root[256];

/* --- what the scan opens: files noted, one folder name made to fail --- */

enum { OPENED_MAX = 256 };
static char opened[OPENED_MAX][64]; /* names of the files opened, in order */
static size_t opened_count;
static const char *failing_folder; /* opening a folder of this name fails */
static int failing_errno = EIO;    /* with this */
static const char *failing_file;   /* opening a file of this name fails with EIO */

int __real_openat(int dir_fd, const char *path, int flags, ...);
int __wrap_openat(int dir_fd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
		va_list arguments;
		va_start(arguments, flags);
		mode = va_arg(arguments, mode_t);
		va_end(arguments);
	}
	if ((flags & O_DIRECTORY) && failing_folder && strcmp(path, failing_folder) == 0) {
		errno = failing_errno;
		return -1;
	}
	if (!(flags & O_DIRECTORY) && failing_file && strcmp(path, failing_file) == 0) {
		errno = EIO;
		return -1;
	}
	if (!(flags & O_DIRECTORY) && opened_count < OPENED_MAX)
		snprintf(opened[opened_count++], sizeof opened[0], "%s", path);
	return __real_openat(dir_fd, path, flags, mode);
}

static bool was_opened(const char *name)
{
	for (size_t k = 0; k < opened_count; k++)
		if (strcmp(opened[k], name) == 0)
			return true;
	return false;
}

/* A fresh directory beside the shared root, for a tree of its own. */
static void make_tree(char *dir, size_t size, const char *suffix)
{
	snprintf(dir, size, "%s-%s", root, suffix);
	CHECK(mkdir(dir, 0700) == 0);
}

static void put_in(const char *dir, const char *relative, const char *text)
{
	char path[600];
	snprintf(path, sizeof path, "%s/%s", dir, relative);
	FILE *file = fopen(path, "wb");
	CHECK(file != NULL);
	if (!file)
		return;
	fputs(text, file);
	fclose(file);
}

static void remove_tree(const char *dir)
{
	char command[400];
	snprintf(command, sizeof command, "rm -rf '%s'", dir);
	CHECK(system(command) == 0);
}

/* Whether `first` comes before `second` in the directory's own order (what
 * readdir gives, which is neither creation nor name order on most
 * filesystems). */
static bool listed_before(const char *dir_path, const char *first, const char *second)
{
	DIR *dir = opendir(dir_path);
	if (!dir)
		return false;
	int seen_first = 0;
	bool is_before = false;
	struct dirent *item;
	while ((item = readdir(dir))) {
		if (strcmp(item->d_name, first) == 0)
			seen_first = 1;
		if (strcmp(item->d_name, second) == 0) {
			is_before = seen_first;
			break;
		}
	}
	closedir(dir);
	return is_before;
}

static void put(const char *relative, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, relative);
	FILE *file = fopen(path, "wb");
	if (!file) {
		perror(path);
		return;
	}
	fputs(text, file);
	fclose(file);
}

static void sub(const char *relative)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, relative);
	mkdir(path, 0700);
}

static const char good[] = "situation \"Famille Martin\" date=2026-03-14\n"
                           "personne lea \"Léa\" sexe=f index\n";

static void test_root_and_one_folder_down(void)
{
	put("a.situation", good);
	put("B.SITUATION", "situation \"Deux\"\n");
	put("notes.txt", "courses: pain, lait\n");
	put("plan.txt", "\xEF\xBB\xBF# plan\n\nSituation \"Trois\"\n");
	put("image.png", "not a situation");
	put("bad.situation", "situation \"Quatre\"\npersonne x \"X\" sexe=q\n");
	sub("dossier");
	put("dossier/c.situation", "situation \"Cinq\"\n");
	sub("dossier/profond");
	put("dossier/profond/d.situation", "situation \"Trop profond\"\n");
	put(".cache.situation", "situation \"Caché\"\n");

	struct media_key *key = media_key_scan(root);
	CHECK(key != NULL);
	if (!key)
		return;
	CHECK_INT_EQ(key->count, 5);
	const char *expected[][2] = {{"", "B.SITUATION"},
	                             {"", "a.situation"},
	                             {"", "bad.situation"},
	                             {"", "plan.txt"},
	                             {"dossier", "c.situation"}};
	for (size_t k = 0; k < 5 && k < key->count; k++) {
		CHECK_STR_EQ(key->entries[k].folder, expected[k][0]);
		CHECK_STR_EQ(key->entries[k].name, expected[k][1]);
	}
	CHECK_STR_EQ(key->entries[1].title, "Famille Martin");
	CHECK_INT_EQ(key->entries[1].date.year, 2026);
	CHECK_INT_EQ(key->entries[1].date.month, 3);
	CHECK(key->entries[2].title == NULL);
	CHECK(key->entries[2].error_count >= 1);
	CHECK_STR_EQ(key->entries[3].title, "Trois");

	struct session session;
	CHECK(media_key_load(key, 4, &session));
	CHECK(session.situation && strcmp(session.situation->title, "Cinq") == 0);
	CHECK_STR_EQ(session.diags.file_name, "dossier/c.situation");
	session_free(&session);
	CHECK(!media_key_load(key, 2, &session));
	CHECK(session.diags.error_count >= 1);
	session_free(&session);
	media_key_free(key);
}

/* .txt files are looked at by their start only: a big text file that is not
 * a situation is never read whole, and one whose first statement comes
 * after a long preamble of comments (within the first 16 KiB) still is one. */
static void test_text_files(void)
{
	char dir[300], path[400];
	snprintf(dir, sizeof dir, "%s-texts", root);
	CHECK(mkdir(dir, 0700) == 0);
	enum { BIG = 1000 * 1000, FILES = 40 };
	char *text = malloc(BIG);
	CHECK(text != NULL);
	if (!text)
		return;
	memset(text, 'x', BIG);
	for (int k = 0; k < FILES; k++) {
		snprintf(path, sizeof path, "%s/notes-%02d.txt", dir, k);
		FILE *file = fopen(path, "wb");
		CHECK(file && fwrite(text, 1, BIG, file) == BIG);
		if (file)
			fclose(file);
	}
	/* 12 KiB of comment lines of 64 bytes, then the statement. */
	size_t preamble = 12 * 1024;
	memset(text, '#', preamble);
	for (size_t k = 63; k < preamble; k += 64)
		text[k] = '\n';
	static const char statement[] = "situation \"Longue\"\n";
	memcpy(text + preamble, statement, sizeof statement - 1);
	snprintf(path, sizeof path, "%s/longue.txt", dir);
	FILE *file = fopen(path, "wb");
	CHECK(file && fwrite(text, 1, preamble + sizeof statement - 1, file) ==
	                  preamble + sizeof statement - 1);
	if (file)
		fclose(file);
	free(text);

	struct timespec start, end;
	clock_gettime(CLOCK_MONOTONIC, &start);
	struct media_key *key = media_key_scan(dir);
	clock_gettime(CLOCK_MONOTONIC, &end);
	printf("scan of %d text files of 1 MB (page cache warm): %.1f ms\n", FILES,
	       (double)(end.tv_sec - start.tv_sec) * 1e3 +
	           (double)(end.tv_nsec - start.tv_nsec) / 1e6);
	CHECK(key && key->count == 1);
	if (key && key->count == 1)
		CHECK_STR_EQ(key->entries[0].title, "Longue");
	media_key_free(key);
	char command[400];
	snprintf(command, sizeof command, "rm -rf '%s'", dir);
	CHECK(system(command) == 0);
}

static void test_hostile_entries(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/etc", root);
	CHECK(symlink("/etc", path) == 0);
	snprintf(path, sizeof path, "%s/passwd.situation", root);
	CHECK(symlink("/etc/passwd", path) == 0);
	snprintf(path, sizeof path, "%s/y.situation", root);
	CHECK(mkfifo(path, 0600) == 0);
	/* Sparse, past the cap: must be refused without reading it. */
	snprintf(path, sizeof path, "%s/x.situation", root);
	int fd = open(path, O_WRONLY | O_CREAT, 0600);
	CHECK(fd >= 0 && ftruncate(fd, 2LL * 1024 * 1024 * 1024) == 0);
	close(fd);
	put("e\nvil\x1b[2J.situation", "situation \"Nom bizarre\"\n");

	struct timespec start, end;
	clock_gettime(CLOCK_MONOTONIC, &start);
	struct media_key *key = media_key_scan(root);
	clock_gettime(CLOCK_MONOTONIC, &end);
	double ms =
	    (double)(end.tv_sec - start.tv_sec) * 1e3 + (double)(end.tv_nsec - start.tv_nsec) / 1e6;
	printf("scan of the hostile tree: %.1f ms\n", ms);
	CHECK(ms < 2000);
	CHECK(key != NULL);
	if (!key)
		return;
	CHECK_INT_EQ(key->skipped_links, 2);
	CHECK_INT_EQ(key->skipped_special, 1);
	size_t big = key->count, odd = key->count;
	for (size_t k = 0; k < key->count; k++) {
		if (strcmp(key->entries[k].name, "x.situation") == 0)
			big = k;
		if (strchr(key->entries[k].name, '\n'))
			odd = k;
	}
	CHECK(big < key->count && key->entries[big].error_count == 1);
	CHECK(odd < key->count && key->entries[odd].title != NULL);
	if (big < key->count) {
		struct session session;
		CHECK(!media_key_load(key, big, &session));
		CHECK(session.diags.count == 1 &&
		      strstr(session.diags.items[0].message, "too large") != NULL);
		session_free(&session);
		/* Opening reports what the scan met without reading the key
		 * again (a bad sector would block the main loop): the file,
		 * made readable since, still gives the scan's error. */
		put("x.situation", good);
		CHECK(!media_key_load(key, big, &session));
		CHECK(session.diags.count == 1 &&
		      strstr(session.diags.items[0].message, "too large") != NULL);
		session_free(&session);
	}
	if (odd < key->count) {
		char shown[600];
		media_entry_display_name(&key->entries[odd], shown, sizeof shown);
		CHECK_STR_EQ(shown, "e?vil?[2J.situation");
	}
	media_key_free(key);
}

static void test_caps(void)
{
	sub("many");
	for (int k = 0; k < MEDIA_MAX_ENTRIES + 100; k++) {
		char name[64];
		snprintf(name, sizeof name, "many/f%05d.situation", k);
		put(name, "situation \"N\"\n");
	}
	struct media_key *key = media_key_scan(root);
	CHECK(key && key->is_entry_capped && key->is_file_capped);
	CHECK(key && key->count == MEDIA_MAX_FILES);
	CHECK(key && key->examined == MEDIA_MAX_ENTRIES);
	media_key_free(key);
}

/* A photo dump of more entries than the cap, listed before the situation
 * saved at the root: the root's files are examined first, so the situation
 * is offered; the folder takes what the cap leaves, and no more. */
static void test_root_files_before_a_big_folder(void)
{
	char dir[300], path[600];
	make_tree(dir, sizeof dir, "photos");
	snprintf(path, sizeof path, "%s/photos", dir);
	CHECK(mkdir(path, 0700) == 0);
	for (int k = 0; k <= MEDIA_MAX_ENTRIES; k++) {
		snprintf(path, sizeof path, "%s/photos/IMG_%05d.JPG", dir, k);
		int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		CHECK(fd >= 0);
		if (fd >= 0)
			close(fd);
	}
	/* A name the root lists after the folder, whatever the filesystem's
	 * order: the situation the scan used to miss. */
	char name[64] = "";
	for (int attempt = 0; attempt < 200 && !name[0]; attempt++) {
		char candidate[64];
		snprintf(candidate, sizeof candidate, "famille-%d.situation", attempt);
		put_in(dir, candidate, good);
		if (listed_before(dir, "photos", candidate))
			snprintf(name, sizeof name, "%s", candidate);
		else {
			snprintf(path, sizeof path, "%s/%s", dir, candidate);
			unlink(path);
		}
	}
	CHECK(name[0] != '\0');

	struct media_key *key = media_key_scan(dir);
	CHECK(key != NULL);
	if (key) {
		CHECK_INT_EQ(key->count, 1);
		if (key->count == 1) {
			CHECK_STR_EQ(key->entries[0].folder, "");
			CHECK_STR_EQ(key->entries[0].name, name);
			CHECK_STR_EQ(key->entries[0].title, "Famille Martin");
		}
		CHECK(key->is_entry_capped);
		CHECK_INT_EQ(key->examined, MEDIA_MAX_ENTRIES);
	}
	media_key_free(key);
	remove_tree(dir);
}

/* 63 situation files, 40 at the root and 23 in a folder, made in an order
 * that is not their names' (and listed by the directory in yet another):
 * the offer is the root's 40 and the folder's
 * first 10 by name, the count of all 63 is kept for the screen, and none of
 * the 13 left out is even opened (each would be read whole, up to 1 MiB,
 * for nothing). */
static void test_file_cap_offers_the_first_by_name(void)
{
	enum { AT_ROOT = 40, IN_FOLDER = 23 };
	char dir[300], relative[64];
	make_tree(dir, sizeof dir, "many-files");
	char folder[400];
	snprintf(folder, sizeof folder, "%s/dossier", dir);
	CHECK(mkdir(folder, 0700) == 0);
	for (int k = IN_FOLDER - 1; k >= 0; k--) {
		snprintf(relative, sizeof relative, "dossier/d%02d.situation", (k * 7) % IN_FOLDER);
		put_in(dir, relative, "situation \"Dans le dossier\"\n");
	}
	for (int k = 0; k < AT_ROOT; k++) {
		snprintf(relative, sizeof relative, "r%02d.situation", (k * 17) % AT_ROOT);
		put_in(dir, relative, "situation \"A la racine\"\n");
	}
	opened_count = 0;
	struct media_key *key = media_key_scan(dir);
	CHECK(key != NULL);
	if (!key)
		return;
	CHECK_INT_EQ(key->count, MEDIA_MAX_FILES);
	CHECK_INT_EQ(key->found, AT_ROOT + IN_FOLDER);
	CHECK(key->is_file_capped);
	for (size_t k = 0; k < key->count; k++) {
		char expected[64];
		bool is_root = k < AT_ROOT;
		snprintf(expected, sizeof expected, "%c%02zu.situation", is_root ? 'r' : 'd',
		         is_root ? k : k - AT_ROOT);
		CHECK_STR_EQ(key->entries[k].folder, is_root ? "" : "dossier");
		CHECK_STR_EQ(key->entries[k].name, expected);
		CHECK(key->entries[k].title != NULL);
	}
	for (int k = MEDIA_MAX_FILES - AT_ROOT; k < IN_FOLDER; k++) {
		snprintf(relative, sizeof relative, "d%02d.situation", k);
		if (was_opened(relative))
			fprintf(stderr, "  %s opened though it is not offered\n", relative);
		CHECK(!was_opened(relative));
	}
	media_key_free(key);
	remove_tree(dir);
}

/* What the empty-key screen tells apart: a key that cannot be opened at
 * all, and one where a folder could not be read (a worn key), against a
 * key read whole that simply has no situation. */
static void test_unreadable_keys(void)
{
	struct media_key *key = media_key_scan("/nonexistent/concerto-key");
	CHECK(key && key->is_unreadable && key->count == 0);
	media_key_free(key);

	char dir[300];
	make_tree(dir, sizeof dir, "worn");
	put_in(dir, "notes.txt", "rien\n");
	key = media_key_scan(dir);
	CHECK(key && !key->is_unreadable && !key->is_listing_incomplete && key->count == 0);
	media_key_free(key);

	char folder[400];
	snprintf(folder, sizeof folder, "%s/abime", dir);
	CHECK(mkdir(folder, 0700) == 0);
	put_in(dir, "abime/famille.situation", good);
	failing_folder = "abime";
	key = media_key_scan(dir);
	failing_folder = NULL;
	CHECK(key && !key->is_unreadable && key->is_listing_incomplete && key->count == 0);
	CHECK(key && key->skipped_unreadable == 1);
	media_key_free(key);

	/* A folder the kiosk's user may not open (ext4's lost+found, root's
	 * alone) is not a failed read: the key is not said to be partly
	 * unreadable. The test runs as root, so the wrapper says EACCES. */
	failing_folder = "abime";
	failing_errno = EACCES;
	key = media_key_scan(dir);
	failing_folder = NULL;
	failing_errno = EIO;
	CHECK(key && !key->is_unreadable && !key->is_listing_incomplete && key->count == 0);
	CHECK(key && key->skipped_unreadable == 0);
	media_key_free(key);
	remove_tree(dir);
}

/* A key's file that cannot be used as a whole keeps its reason for the
 * screen (session file_error), besides its diagnostic at 1:1; a file whose
 * lines have errors, or one that opens, has none. */
static void test_file_errors(void)
{
	char dir[300], path[400];
	make_tree(dir, sizeof dir, "file-errors");
	put_in(dir, "abime.situation", good);
	put_in(dir, "bon.situation", good);
	put_in(dir, "erreurs.situation", "situation \"Quatre\"\npersonne x \"X\" sexe=q\n");
	snprintf(path, sizeof path, "%s/gros.situation", dir);
	int fd = open(path, O_WRONLY | O_CREAT, 0600);
	CHECK(fd >= 0 && ftruncate(fd, 2 * 1024 * 1024) == 0);
	if (fd >= 0)
		close(fd);
	failing_file = "abime.situation";
	struct media_key *key = media_key_scan(dir);
	failing_file = NULL;
	CHECK(key && key->count == 4);
	if (key && key->count == 4) {
		static const char *const names[] = {"abime.situation", "bon.situation",
		                                    "erreurs.situation", "gros.situation"};
		static const int expected[] = {EIO, 0, 0, EFBIG};
		for (size_t k = 0; k < 4; k++) {
			CHECK_STR_EQ(key->entries[k].name, names[k]);
			struct session session;
			bool is_ok = media_key_load(key, k, &session);
			CHECK(is_ok == (k == 1));
			CHECK_INT_EQ(session.file_error, expected[k]);
			CHECK(k == 1 || session.diags.error_count >= 1);
			session_free(&session);
			CHECK_INT_EQ(session.file_error, 0);
		}
		struct session session;
		CHECK(!media_key_load(key, 4, &session));
		CHECK_INT_EQ(session.file_error, ENOENT);
		session_free(&session);
	}
	media_key_free(key);

	remove_tree(dir);
}

static void test_names(void)
{
	CHECK(media_name_is_situation("a.situation"));
	CHECK(media_name_is_situation("a.Situation"));
	CHECK(media_name_is_situation("a.SITUATÏON"));
	CHECK(!media_name_is_situation(".situation"));
	CHECK(!media_name_is_situation("a.situation.bak"));
	CHECK(media_name_is_text("A.TXT"));
	CHECK(!media_name_is_text("a.txt~"));
}

static void test_mountinfo(void)
{
	const char *roots[] = {"/media", "/run/media"};
	const char *text = "22 1 0:21 / / rw - ext4 /dev/sda1 rw\n"
	                   "23 22 0:22 / /media rw - tmpfs tmpfs rw\n"
	                   "24 22 0:23 / /mediateque rw - tmpfs tmpfs rw\n"
	                   "25 22 0:24 / /run/media/kiosk/CL\\040E rw - vfat /dev/sdb1 ro\n"
	                   "26 22 0:25 / /media/other rw - vfat /dev/sdc1 ro\n";
	char path[MEDIA_MAX_PATH];
	long id = 0;
	CHECK(media_mountinfo_find(text, roots, 2, -1, path, sizeof path, &id));
	CHECK_STR_EQ(path, "/run/media/kiosk/CL E");
	CHECK_INT_EQ(id, 25);
	CHECK(media_mountinfo_find(text, roots, 2, 25, path, sizeof path, &id));
	CHECK_STR_EQ(path, "/media/other");
	CHECK(!media_mountinfo_find(text, roots, 1, 26, path, sizeof path, &id));
	CHECK(!media_mountinfo_find("", roots, 2, -1, path, sizeof path, &id));
	CHECK(!media_mountinfo_find("garbage\n\n1 2\n", roots, 2, -1, path, sizeof path, &id));
}

/* The line of overlayroot's mounts, as on a Pi after setup-pi.sh: the SD
 * card's root, the RAM layer, the boot partition below the first; then a key
 * at `key`. */
static void overlayroot_mountinfo(const char *key, char *text, size_t size)
{
	snprintf(text, size,
	         "20 1 0:19 / / rw - overlay overlayroot rw,lowerdir=/media/root-ro,"
	         "upperdir=/media/root-rw/overlay,workdir=/media/root-rw/overlay-workdir\n"
	         "21 20 179:2 / /media/root-ro ro - ext4 /dev/mmcblk0p2 ro\n"
	         "22 20 0:20 / /media/root-rw rw - tmpfs tmpfs-root rw\n"
	         "23 21 179:1 / /media/root-ro/boot/firmware ro - vfat /dev/mmcblk0p1 ro\n"
	         "40 20 8:1 / %s ro - vfat /dev/sda1 ro\n",
	         key);
}

static void test_overlayroot(void)
{
	const char *defaults[] = {"/media", "/run/media"};
	char text[1024];
	char path[MEDIA_MAX_PATH];
	long id = 0;
	/* Before the key: nothing, whatever the roots. */
	overlayroot_mountinfo("/elsewhere", text, sizeof text);
	CHECK(!media_mountinfo_find(text, defaults, 2, -1, path, sizeof path, &id));
	overlayroot_mountinfo("/media/usb-sda1", text, sizeof text);
	CHECK(media_mountinfo_find(text, defaults, 2, -1, path, sizeof path, &id));
	CHECK_STR_EQ(path, "/media/usb-sda1");
	CHECK_INT_EQ(id, 40);
	/* Not a prefix match: a key whose label starts like a layer is a key. */
	overlayroot_mountinfo("/media/root-rocket", text, sizeof text);
	CHECK(media_mountinfo_find(text, defaults, 2, -1, path, sizeof path, &id));
	CHECK_STR_EQ(path, "/media/root-rocket");
}

/* A Pi booted from a USB disk: the udev rule mounts its partitions under
 * /media/concerto too, as it does every filesystem on USB. They are mounted
 * elsewhere already (the root, /boot/firmware; overlayroot's lower layer),
 * so they are the system's, not keys: the real key, mounted later, is. */
static void test_usb_booted(void)
{
	const char *roots[] = {"/media/concerto"};
	const char *defaults[] = {"/media", "/run/media"};
	const char *text = "20 1 0:19 / / rw - overlay overlayroot rw,lowerdir=/media/root-ro\n"
	                   "21 20 8:2 / /media/root-ro ro - ext4 /dev/sda2 ro\n"
	                   "22 20 0:20 / /media/root-rw rw - tmpfs tmpfs-root rw\n"
	                   "23 20 8:1 / /boot/firmware ro - vfat /dev/sda1 ro\n"
	                   "40 20 8:1 / /media/concerto/usb-sda1 ro - vfat /dev/sda1 ro\n"
	                   "41 20 8:2 / /media/concerto/usb-sda2 ro - ext4 /dev/sda2 ro\n";
	char path[MEDIA_MAX_PATH];
	long id = 0;
	CHECK(!media_mountinfo_find(text, roots, 1, -1, path, sizeof path, &id));
	CHECK(!media_mountinfo_find(text, defaults, 2, -1, path, sizeof path, &id));
	char with_key[1024];
	snprintf(with_key, sizeof with_key,
	         "%s42 20 8:17 / /media/concerto/usb-sdb1 ro - vfat /dev/sdb1 ro\n", text);
	CHECK(media_mountinfo_find(with_key, roots, 1, -1, path, sizeof path, &id));
	CHECK_STR_EQ(path, "/media/concerto/usb-sdb1");
	CHECK_INT_EQ(id, 42);
	CHECK(media_mountinfo_find(with_key, defaults, 2, -1, path, sizeof path, &id));
	CHECK_STR_EQ(path, "/media/concerto/usb-sdb1");
	/* A key a desktop's automounter also mounted (/media/pi/KEY, outside
	 * the kiosk's folder) is still a key. */
	snprintf(with_key, sizeof with_key,
	         "%s42 20 8:17 / /media/concerto/usb-sdb1 ro - vfat /dev/sdb1 ro\n"
	         "43 20 8:17 / /media/pi/CLE rw - vfat /dev/sdb1 rw\n",
	         text);
	CHECK(media_mountinfo_find(with_key, roots, 1, -1, path, sizeof path, &id));
	CHECK_INT_EQ(id, 42);
	/* A key mounted in a folder of the kiosk's own, outside /media (as
	 * the tests do), is a key. */
	const char *elsewhere[] = {"/tmp/kiosk-test/media"};
	CHECK(media_mountinfo_find("50 1 0:40 / /tmp/kiosk-test/media/key rw - tmpfs tmpfs rw\n",
	                           elsewhere, 1, -1, path, sizeof path, &id));
	CHECK_INT_EQ(id, 50);
	/* A key mounted twice below the roots is still a key. */
	snprintf(with_key, sizeof with_key,
	         "%s42 20 8:17 / /media/concerto/usb-sdb1 ro - vfat /dev/sdb1 ro\n"
	         "43 20 8:17 / /media/concerto/again ro - vfat /dev/sdb1 ro\n",
	         text);
	CHECK(media_mountinfo_find(with_key, roots, 1, -1, path, sizeof path, &id));
	CHECK_INT_EQ(id, 42);
}

/* The Pi as installed: the kiosk.conf of the package finds the key where the
 * package's udev rule mounts it, and nothing else of /media. */
static void test_deployed_key_folder(void)
{
	FILE *file = fopen(CONCERTO_SOURCE_DIR "/deploy/90-concerto-usb.rules", "r");
	CHECK(file != NULL);
	if (!file)
		return;
	char rules[8192];
	size_t got = fread(rules, 1, sizeof rules - 1, file);
	fclose(file);
	rules[got] = '\0';
	/* Whatever the filesystem, a key is mounted read-only, without device
	 * files, set-uid programs or execution. */
	size_t option_sets = 0;
	const char *assignment = "CONCERTO_MOUNT_OPTIONS}=\"";
	for (const char *at = strstr(rules, assignment); at;
	     at = strstr(at + 1, assignment), option_sets++)
		CHECK(strncmp(at + strlen(assignment), "ro,nosuid,nodev,noexec,", 23) == 0);
	CHECK(option_sets >= 1);
	/* The add rule: systemd-mount ... $devnode MOUNT-POINT" */
	const char *at = strstr(rules, "$devnode ");
	CHECK(at != NULL);
	if (!at)
		return;
	at += strlen("$devnode ");
	size_t length = strcspn(at, "\"");
	char mount_point[256];
	snprintf(mount_point, sizeof mount_point, "%.*s", (int)length, at);
	/* Only where the unit is enabled: the link its WantedBy= makes. */
	CHECK(strstr(rules,
	             "TEST!=\"/etc/systemd/system/multi-user.target.wants/concerto.service\"") !=
	      NULL);
	FILE *unit = fopen(CONCERTO_SOURCE_DIR "/deploy/concerto.service", "r");
	char unit_text[8192] = "";
	if (unit) {
		unit_text[fread(unit_text, 1, sizeof unit_text - 1, unit)] = '\0';
		fclose(unit);
	}
	CHECK(strstr(unit_text, "\nWantedBy=multi-user.target\n") != NULL);
	/* The remove rule unmounts the same folder. */
	char unmount[300];
	snprintf(unmount, sizeof unmount, "systemd-umount %s\"", mount_point);
	CHECK(strstr(rules, unmount) != NULL);
	char *kernel_name = strstr(mount_point, "%k");
	CHECK(kernel_name != NULL);
	if (!kernel_name)
		return;
	/* "%k" becomes "sda1", which is two bytes longer. */
	memmove(kernel_name + 4, kernel_name + 2, strlen(kernel_name + 2) + 1);
	memcpy(kernel_name, "sda1", 4);

	struct kiosk_config config;
	struct diag_list diags; /* initialised by config_load */
	CHECK(config_load(CONCERTO_SOURCE_DIR "/deploy/kiosk.conf", &config, &diags));
	diag_list_free(&diags);
	const char *roots[CONFIG_MAX_MEDIA_ROOTS];
	for (size_t r = 0; r < config.media_root_count; r++)
		roots[r] = config.media_roots[r];

	char text[1024];
	char path[MEDIA_MAX_PATH];
	long id = 0;
	overlayroot_mountinfo(mount_point, text, sizeof text);
	CHECK(
	    media_mountinfo_find(text, roots, config.media_root_count, -1, path, sizeof path, &id));
	CHECK_STR_EQ(path, mount_point);
	/* Another system's mount anywhere else in /media is no key. */
	CHECK(!media_mountinfo_find("30 1 8:17 / /media/pi/BACKUP ro - vfat /dev/sdb1 ro\n", roots,
	                            config.media_root_count, -1, path, sizeof path, &id));
}

int main(void)
{
	snprintf(root, sizeof root, "/tmp/test_media_scan.XXXXXX");
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		return 1;
	}
	test_names();
	test_mountinfo();
	test_overlayroot();
	test_usb_booted();
	test_deployed_key_folder();
	test_root_and_one_folder_down();
	test_hostile_entries();
	test_text_files();
	test_caps();
	test_root_files_before_a_big_folder();
	test_file_cap_offers_the_first_by_name();
	test_unreadable_keys();
	test_file_errors();
	char command[300];
	snprintf(command, sizeof command, "rm -rf '%s'", root);
	if (system(command) != 0)
		fprintf(stderr, "could not remove %s\n", root);
	return check_report("test_media_scan");
}
