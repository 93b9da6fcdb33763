/*
 * test_usb_disks: a USB disk that nothing mounted is found, from a sysfs tree
 * laid out as the kernel lays it out (/sys/block/sdb a link into the device
 * tree, partitions as subfolders with a "partition" attribute) in a
 * temporary folder, and mountinfo text: a disk whose partition or whole
 * disk is mounted, mounted through FUSE (the source names it), used as swap
 * or held by device-mapper is in use; one with no partition table is found; a disk off the USB bus,
 * or a card reader with no card, is no key; a mountinfo line's other fields never count as its
 * major:minor.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "usb_disks.h"

static char sys_dir[256];

static void write_attribute(const char *dir, const char *name, const char *value)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *file = fopen(path, "w");
	CHECK(file != NULL);
	if (file) {
		fprintf(file, "%s\n", value);
		fclose(file);
	}
}

static void make_dirs(const char *path)
{
	char partial[1024];
	snprintf(partial, sizeof partial, "%s", path);
	for (char *slash = partial + 1; (slash = strchr(slash, '/')); slash++) {
		*slash = '\0';
		mkdir(partial, 0755);
		*slash = '/';
	}
	mkdir(partial, 0755);
}

/* Every disk and partition has a holders folder, empty unless another
 * device sits on it. */
static void make_holders(const char *dir)
{
	char path[1100];
	snprintf(path, sizeof path, "%s/holders", dir);
	mkdir(path, 0755);
}

/* A disk `name` under `parent` (a device path below sys_dir/devices), with
 * `sectors`, major:minor `dev`, and one partition `name`1 of `part_dev`
 * when that is not NULL; /sys/block/`name` links to it, relative, as the
 * kernel's does. Returns the disk's folder in `out`. */
static void add_disk(const char *parent, const char *name, const char *sectors, const char *dev,
                     const char *part_dev, char *out, size_t size)
{
	snprintf(out, size, "%s/devices/%s/block/%s", sys_dir, parent, name);
	make_dirs(out);
	write_attribute(out, "size", sectors);
	write_attribute(out, "dev", dev);
	make_holders(out);
	if (part_dev) {
		char part[1024];
		snprintf(part, sizeof part, "%s/%s1", out, name);
		make_dirs(part);
		write_attribute(part, "partition", "1");
		write_attribute(part, "dev", part_dev);
		write_attribute(part, "size", "2048");
		make_holders(part);
	}
	char block[1024], target[1024];
	snprintf(block, sizeof block, "%s/block", sys_dir);
	mkdir(block, 0755);
	snprintf(block, sizeof block, "%s/block/%s", sys_dir, name);
	snprintf(target, sizeof target, "../devices/%s/block/%s", parent, name);
	CHECK(symlink(target, block) == 0);
}

static void remove_tree(void)
{
	char command[512];
	snprintf(command, sizeof command, "rm -rf '%s'", sys_dir);
	CHECK(system(command) == 0);
}

static const char *const usb_parent =
    "pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host3/target3:0:0/3:0:0:0";
static const char *const plain_mountinfo =
    "22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
    "23 22 0:21 / /proc rw,nosuid shared:12 - proc proc rw\n";

static void test_mountinfo_fields(void)
{
	const char *text = "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw\n"
	                   "37 35 8:17 / /media/concerto/usb-sdb1 ro shared:5 - vfat /dev/sdb1 ro\n"
	                   "38 35 0:77 / /media/x ro shared:6 - fuseblk /dev/sdc2 ro,user_id=0\n"
	                   "39 35 0:78 / /media/y ro shared:7 - fuseblk /dev/sdd1";
	CHECK(usb_disks_is_mounted(text, "8:17", NULL));
	CHECK(usb_disks_is_mounted(text, "98:0", NULL));
	/* A prefix of a major:minor is not it, nor is a mount id. */
	CHECK(!usb_disks_is_mounted(text, "8:1", NULL));
	CHECK(!usb_disks_is_mounted(text, "36", NULL));
	/* FUSE: the source field names the device, ending the line or not. */
	CHECK(usb_disks_is_mounted(text, "8:34", "sdc2"));
	CHECK(usb_disks_is_mounted(text, "8:49", "sdd1"));
	CHECK(!usb_disks_is_mounted(text, "8:33", "sdc"));
	CHECK(!usb_disks_is_mounted(text, "8:35", "sdc"));
	CHECK(!usb_disks_is_mounted(text, "8:18", "sdb"));
	CHECK(!usb_disks_is_mounted("", "8:17", "sdb1"));
}

static void test_find_unopened(void)
{
	char disk[1024], name[USB_DISKS_MAX_NAME] = "";
	/* Nothing but a virtio disk, mounted: nothing to tell. */
	add_disk("pci0000:00/0000:00:04.0/virtio1", "vda", "41943040", "254:0", "254:1", disk,
	         sizeof disk);
	CHECK(!usb_disks_find_unopened(sys_dir, plain_mountinfo, NULL, name, sizeof name));
	/* An unmounted disk off the USB bus is none of the kiosk's business. */
	add_disk("pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0", "sda", "976773168",
	         "8:0", "8:1", disk, sizeof disk);
	CHECK(!usb_disks_find_unopened(sys_dir, plain_mountinfo, NULL, name, sizeof name));
	/* A card reader on USB with no card in. */
	add_disk("pci0000:00/0000:00:14.0/usb1/1-4/1-4:1.0/host5/target5:0:0/5:0:0:0", "sdc", "0",
	         "8:32", NULL, disk, sizeof disk);
	CHECK(!usb_disks_find_unopened(sys_dir, plain_mountinfo, NULL, name, sizeof name));
	/* A CD-ROM drive on USB (SCSI type 5) with a disc in: the driver disc
	 * of a touch frame, which the udev rule does not mount either. */
	add_disk("pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/host6/target6:0:0/6:0:0:0", "sr0",
	         "1310720", "11:0", NULL, disk, sizeof disk);
	char device_dir[1100];
	snprintf(device_dir, sizeof device_dir, "%s/device", disk);
	CHECK(mkdir(device_dir, 0755) == 0);
	write_attribute(device_dir, "type", "5");
	CHECK(!usb_disks_find_unopened(sys_dir, plain_mountinfo, NULL, name, sizeof name));
	/* A USB key whose partition nothing mounted: found, by name. */
	add_disk(usb_parent, "sdb", "31277232", "8:16", "8:17", disk, sizeof disk);
	CHECK(usb_disks_find_unopened(sys_dir, plain_mountinfo, NULL, name, sizeof name));
	CHECK_STR_EQ(name, "sdb");
	CHECK(usb_disks_find_unopened(sys_dir, plain_mountinfo, NULL, NULL, 0));
	/* Mounted, by major:minor or through FUSE: in use. */
	char mounted[1024];
	snprintf(mounted, sizeof mounted,
	         "%s40 22 8:17 / /media/concerto/usb-sdb1 ro shared:9 - vfat /dev/sdb1 ro\n",
	         plain_mountinfo);
	CHECK(!usb_disks_find_unopened(sys_dir, mounted, NULL, name, sizeof name));
	snprintf(mounted, sizeof mounted,
	         "%s40 22 0:90 / /media/concerto/usb-sdb1 ro shared:9 - fuseblk /dev/sdb1 ro\n",
	         plain_mountinfo);
	CHECK(!usb_disks_find_unopened(sys_dir, mounted, NULL, name, sizeof name));
	/* Held by device-mapper (an opened LUKS volume): in use. */
	char holder[1100];
	snprintf(holder, sizeof holder, "%s/sdb1/holders/dm-0", disk);
	CHECK(mkdir(holder, 0755) == 0);
	CHECK(!usb_disks_find_unopened(sys_dir, plain_mountinfo, NULL, name, sizeof name));
	CHECK(rmdir(holder) == 0);
	CHECK(usb_disks_find_unopened(sys_dir, plain_mountinfo, NULL, name, sizeof name));
	/* Used as swap: in use, though never in mountinfo. */
	const char *swaps =
	    "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
	    "/dev/sdb1                               partition\t1048572\t\t0\t\t-2\n";
	CHECK(!usb_disks_find_unopened(sys_dir, plain_mountinfo, swaps, name, sizeof name));
	CHECK(usb_disks_is_swap(swaps, "sdb1"));
	CHECK(!usb_disks_is_swap(swaps, "sdb"));
	CHECK(!usb_disks_is_swap("/dev/sdb12 partition 1 0 -2\n", "sdb1"));
	CHECK(!usb_disks_is_swap("", "sdb1"));
	/* The whole disk mounted (a key with no partition table). */
	snprintf(mounted, sizeof mounted, "%s41 22 8:16 / /media/k ro - vfat /dev/sdb ro\n",
	         plain_mountinfo);
	CHECK(!usb_disks_find_unopened(sys_dir, mounted, NULL, name, sizeof name));
	/* A key with no partition table, nothing mounted: found (the first
	 * key unplugged: its link goes). */
	add_disk(usb_parent, "sdd", "7864320", "8:48", NULL, disk, sizeof disk);
	char link[1024];
	snprintf(link, sizeof link, "%s/block/sdb", sys_dir);
	CHECK(unlink(link) == 0);
	CHECK(usb_disks_find_unopened(sys_dir, plain_mountinfo, NULL, name, sizeof name));
	CHECK_STR_EQ(name, "sdd");
	/* No sysfs: nothing to tell, no crash. */
	CHECK(
	    !usb_disks_find_unopened("/nonexistent/sys", plain_mountinfo, NULL, name, sizeof name));
}

int main(void)
{
	snprintf(sys_dir, sizeof sys_dir, "/tmp/test-usb-disks-XXXXXX");
	if (!mkdtemp(sys_dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_mountinfo_fields();
	test_find_unopened();
	remove_tree();
	return check_report("test_usb_disks");
}
