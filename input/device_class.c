/*
 * device_class: classification by capability; see device_class.h.
 */
#include "device_class.h"

enum device_class device_classify(const struct device_caps *caps)
{
	if (caps->has_mt_position && caps->has_mt_slot)
		return DEVICE_CLASS_MULTITOUCH;
	if (caps->has_abs_position && caps->has_btn_touch)
		return DEVICE_CLASS_SINGLE_TOUCH;
	if (caps->has_clicker_key)
		return DEVICE_CLASS_CLICKER;
	if (caps->has_rel_position)
		return DEVICE_CLASS_POINTER;
	return DEVICE_CLASS_NONE;
}

bool device_class_is_grabbed(enum device_class class)
{
	return class == DEVICE_CLASS_MULTITOUCH || class == DEVICE_CLASS_SINGLE_TOUCH ||
	       class == DEVICE_CLASS_CLICKER;
}

bool device_class_is_touch(enum device_class class)
{
	return class == DEVICE_CLASS_MULTITOUCH || class == DEVICE_CLASS_SINGLE_TOUCH;
}

const char *device_class_to_str(enum device_class class)
{
	static const char *const names[] = {"none", "multitouch", "single-touch", "clicker",
	                                    "pointer"};
	return (unsigned)class < sizeof names / sizeof *names ? names[class] : "?";
}
