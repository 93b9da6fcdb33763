/*
 * actions: what the presenter and the family can ask of the kiosk, whatever
 * the device (clicker, keyboard, touch, mouse). Devices map to actions;
 * only the kiosk's state machine acts on them.
 */
#ifndef CONCERTO_ACTIONS_H
#define CONCERTO_ACTIONS_H

enum action {
	ACTION_NONE,
	ACTION_NEXT,
	ACTION_CONFIRM, /* Enter, Space: opens the chooser's file; elsewhere as NEXT */
	ACTION_PREVIOUS,
	ACTION_FIRST,
	ACTION_LAST,
	ACTION_BLANK_TOGGLE,
	ACTION_CLEAR, /* leave the blank screen, drop spotlights; never resets */
	ACTION_QUIT,  /* window closed, SIGTERM; no key maps to it in release builds */
};

const char *action_name(enum action action);

#endif
