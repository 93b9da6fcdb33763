/*
 * usb_disks: USB disks that nothing mounted; see usb_disks.h.
 */
#define _GNU_SOURCE
#include "usb_disks.h"

#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mountinfo.h"

/* Reads a small sysfs attribute, without its trailing newline; false when
 * it cannot be read or is empty. */
static bool usb_read_attribute(const char *dir, const char *attribute, char *out, size_t size)
{
	char path[PATH_MAX];
	if (snprintf(path, sizeof path, "%s/%s", dir, attribute) >= (int)sizeof path)
		return false;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	ssize_t got = read(fd, out, size - 1);
	close(fd);
	if (got <= 0)
		return false;
	out[got] = '\0';
	out[strcspn(out, "\n")] = '\0';
	return out[0] != '\0';
}

/* A device path with a "usbN" component: the disk hangs off a USB bus. */
static bool usb_path_is_usb(const char *path)
{
	for (const char *at = strstr(path, "/usb"); at; at = strstr(at + 1, "/usb")) {
		const char *digits = at + 4;
		if (!isdigit((unsigned char)*digits))
			continue;
		while (isdigit((unsigned char)*digits))
			digits++;
		if (*digits == '/' || *digits == '\0')
			return true;
	}
	return false;
}

bool usb_disks_is_mounted(const char *mountinfo, const char *dev, const char *name)
{
	char source[USB_DISKS_MAX_NAME + 8] = "";
	if (name)
		snprintf(source, sizeof source, "/dev/%s", name);
	struct mountinfo_entry entry;
	bool is_read;
	for (const char *line = mountinfo; line && *line;) {
		line = mountinfo_next(line, &entry, &is_read);
		if (is_read &&
		    (strcmp(entry.dev, dev) == 0 || (name && strcmp(entry.source, source) == 0)))
			return true;
	}
	return false;
}

bool usb_disks_is_swap(const char *swaps, const char *name)
{
	char device[USB_DISKS_MAX_NAME + 8];
	int length = snprintf(device, sizeof device, "/dev/%s", name);
	if (length < 0 || (size_t)length >= sizeof device)
		return false;
	/* "Filename Type Size Used Priority", one line a swap area. */
	for (const char *line = swaps; line && *line;) {
		if (strncmp(line, device, (size_t)length) == 0 &&
		    (line[length] == ' ' || line[length] == '\t'))
			return true;
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	return false;
}

/* Whether another device sits on this one (a device-mapper target, say):
 * what is mounted is then that device, not this one. */
static bool usb_is_held(const char *dir)
{
	char path[PATH_MAX];
	if (snprintf(path, sizeof path, "%s/holders", dir) >= (int)sizeof path)
		return false;
	DIR *holders = opendir(path);
	if (!holders)
		return false;
	bool is_held = false;
	for (struct dirent *entry; !is_held && (entry = readdir(holders));)
		is_held = entry->d_name[0] != '.';
	closedir(holders);
	return is_held;
}

/* What tells a disk or partition in use. */
struct usb_uses {
	const char *mountinfo;
	const char *swaps; /* may be NULL */
};

/* A disk or partition under `dir` named `name`: mounted, swap or held. */
static bool usb_is_in_use(const char *dir, const char *name, const struct usb_uses *uses)
{
	char dev[32];
	if (usb_is_held(dir) || (uses->swaps && usb_disks_is_swap(uses->swaps, name)))
		return true;
	return usb_read_attribute(dir, "dev", dev, sizeof dev) &&
	       usb_disks_is_mounted(uses->mountinfo, dev, name);
}

/* The disk at `dir` or one of its partitions (subfolders with a
 * "partition" attribute) is in use. */
static bool usb_disk_is_in_use(const char *dir, const struct usb_uses *uses)
{
	const char *name = strrchr(dir, '/') + 1;
	if (usb_is_in_use(dir, name, uses))
		return true;
	DIR *disk = opendir(dir);
	if (!disk)
		return true; /* gone meanwhile: nothing to tell */
	bool is_in_use = false;
	size_t examined = 0;
	for (struct dirent *entry;
	     !is_in_use && examined < USB_DISKS_MAX_ENTRIES && (entry = readdir(disk));
	     examined++) {
		char part[PATH_MAX], flag[32];
		if (entry->d_name[0] == '.' ||
		    snprintf(part, sizeof part, "%s/%s", dir, entry->d_name) >= (int)sizeof part)
			continue;
		if (usb_read_attribute(part, "partition", flag, sizeof flag))
			is_in_use = usb_is_in_use(part, entry->d_name, uses);
	}
	closedir(disk);
	return is_in_use;
}

bool usb_disks_find_unopened(const char *sys_dir, const char *mountinfo, const char *swaps,
                             char *name, size_t size)
{
	const struct usb_uses uses = {mountinfo, swaps};
	char block_dir[PATH_MAX];
	if (snprintf(block_dir, sizeof block_dir, "%s/block", sys_dir) >= (int)sizeof block_dir)
		return false;
	DIR *block = opendir(block_dir);
	if (!block)
		return false;
	bool is_found = false;
	size_t examined = 0;
	for (struct dirent *entry;
	     !is_found && examined < USB_DISKS_MAX_ENTRIES && (entry = readdir(block));
	     examined++) {
		char dir[PATH_MAX], device[PATH_MAX], sectors[32];
		if (entry->d_name[0] == '.' || strlen(entry->d_name) >= USB_DISKS_MAX_NAME ||
		    snprintf(dir, sizeof dir, "%s/%s", block_dir, entry->d_name) >= (int)sizeof dir)
			continue;
		/* /sys/block/sdb links to the device's place in the tree. */
		if (!realpath(dir, device) || !usb_path_is_usb(device))
			continue;
		if (!usb_read_attribute(dir, "size", sectors, sizeof sectors) ||
		    strtoull(sectors, NULL, 10) == 0)
			continue;
		/* A CD-ROM drive (SCSI type 5), such as the driver disc a touch
		 * frame or a modem pretends to be: the udev rule leaves it alone,
		 * and it is no key. */
		char scsi_type[8];
		if (usb_read_attribute(dir, "device/type", scsi_type, sizeof scsi_type) &&
		    strcmp(scsi_type, "5") == 0)
			continue;
		if (!usb_disk_is_in_use(dir, &uses)) {
			is_found = true;
			if (name)
				snprintf(name, size, "%s", entry->d_name);
		}
	}
	closedir(block);
	return is_found;
}
