/*
 * usb_disks: whether a USB storage device is plugged in that nothing has
 * mounted, from sysfs and mountinfo.
 *
 * The udev rule mounts only what it can: a key encrypted with BitLocker or
 * VeraCrypt, a Mac's APFS or HFS+ key, or a blank one, never reaches
 * mountinfo, and without this the kiosk would go on asking for a key that
 * is in. A disk counts as on the USB bus when its sysfs device path has a
 * "usbN" component; as in use when it or one of its partitions is mounted
 * (its major:minor in mountinfo), used as swap (in /proc/swaps) or held by
 * another device (device-mapper, RAID). A reader with no card in (size 0),
 * or a CD-ROM drive, is no disk. Plain C, no SDL; sysfs is read, never
 * written, and at most USB_DISKS_MAX_ENTRIES entries of a folder are looked
 * at.
 */
#ifndef CONCERTO_USB_DISKS_H
#define CONCERTO_USB_DISKS_H

#include <stdbool.h>
#include <stddef.h>

enum { USB_DISKS_MAX_ENTRIES = 256, USB_DISKS_MAX_NAME = 64 };

/*
 * True when a disk under `sys_dir`/block (sys_dir is "/sys" on a real
 * machine) is on the USB bus, has a medium, and neither it nor any of its
 * partitions is mounted in `mountinfo` (the text of /proc/self/mountinfo),
 * used as swap in `swaps` (the text of /proc/swaps; NULL: none) or held. Its
 * kernel name ("sdb") goes to `name` when not NULL.
 */
bool usb_disks_find_unopened(const char *sys_dir, const char *mountinfo, const char *swaps,
                             char *name, size_t size);

/* Pure part, for tests: whether /proc/swaps' text lists "/dev/`name`". */
bool usb_disks_is_swap(const char *swaps, const char *name);

/* Pure part, for tests: whether a line of `mountinfo` mounts the device
 * major:minor `dev` ("8:17"), or has "/dev/`name`" for its source (a FUSE
 * mount, ntfs-3g say, shows a major:minor of its own). */
bool usb_disks_is_mounted(const char *mountinfo, const char *dev, const char *name);

#endif
