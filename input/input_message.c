/*
 * input_message: names of the message kinds, for logs and test output.
 */
#include "input_message.h"

const char *input_message_kind_to_str(enum input_message_kind kind)
{
	static const char *const names[] = {"action",  "tap",  "double-tap", "view",
	                                    "devices", "fade", "pointer",    "pointer-idle"};
	return (unsigned)kind < sizeof names / sizeof *names ? names[kind] : "?";
}
