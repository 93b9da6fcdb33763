/*
 * kiosk: the main loop. It blocks in SDL_WaitEvent, turns SDL's keyboard
 * (sdl_keymap.c), mouse and finger events into actions, applies them to
 * the phase position and the spotlights, and redraws only when something
 * changed. All state lives in struct kiosk; nothing is written to disk.
 */
#include "kiosk.h"

#include <stdio.h>
#include <stdlib.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "actions.h"
#include "config_command.h"
#include "draw.h"
#include "file_screen.h"
#include "frame_cache.h"
#include "kiosk_animation.h"
#include "kiosk_input.h"
#include "kiosk_media.h"
#include "kiosk_settle.h"
#include "layout.h"
#include "newcomer.h"
#include "phases.h"
#include "scene.h"
#include "sdl_keymap.h"
#include "session.h"
#include "view.h"
#include "watchdog.h"

enum { KIOSK_MAX_SPOTLIGHTS = 64 };

const char *action_name(enum action action)
{
	static const char *const names[] = {
	    [ACTION_NONE] = "none",          [ACTION_NEXT] = "next",   [ACTION_CONFIRM] = "confirm",
	    [ACTION_PREVIOUS] = "previous",  [ACTION_FIRST] = "first", [ACTION_LAST] = "last",
	    [ACTION_BLANK_TOGGLE] = "blank", [ACTION_CLEAR] = "clear", [ACTION_QUIT] = "quit"};
	return (unsigned)action < sizeof names / sizeof *names ? names[action] : "?";
}

struct kiosk {
	SDL_Window *window;
	SDL_Renderer *renderer;
	struct text_cache *text;
	struct session session;
	struct layout *layout;
	struct kiosk_media *media;   /* the USB key: idle, chooser */
	struct kiosk_config config;  /* /etc/concerto/kiosk.conf */
	struct watchdog watchdog;    /* systemd: READY=1, WATCHDOG=1 */
	struct kiosk_input *input;   /* touch surfaces and clickers (input/) */
	struct view view;            /* pinch and pan of the diagram */
	struct layout *shown_layout; /* the layout through the view, when zoomed */
	struct phase_position position;
	int spotlights[KIOSK_MAX_SPOTLIGHTS];
	size_t spotlight_count;
	bool is_blank;
	bool needs_redraw;
	struct kiosk_animation animation; /* the round's newcomer fading in */
	struct frame_cache frames;        /* the last diagram frame, as a texture */
	struct kiosk_settle settle;       /* a pinch moving: moved copies of it */
	int width;
	int height;
};

static void kiosk_relayout(struct kiosk *kiosk)
{
	/* A big situation's layout may outlast WatchdogSec=; kiosk_draw
	 * restores it once the next frame is on screen. */
	if (kiosk->session.situation)
		watchdog_extend(&kiosk->watchdog);
	SDL_GetRendererOutputSize(kiosk->renderer, &kiosk->width, &kiosk->height);
	layout_free(kiosk->layout);
	struct layout_measure measure = draw_layout_measure(kiosk->text);
	kiosk->layout =
	    kiosk->session.situation
	        ? layout_compute(kiosk->session.situation, kiosk->width, kiosk->height, &measure)
	        : NULL;
	kiosk->view = view_identity();
	frame_cache_invalidate(&kiosk->frames);
	view_layout_free(kiosk->shown_layout);
	kiosk->shown_layout = NULL;
	kiosk_input_set_screen(kiosk->input, kiosk->width, kiosk->height);
	kiosk_input_report_layout(kiosk->input, kiosk->layout);
	kiosk->needs_redraw = true;
}

/* The key came, went or was chosen from: swap the whole session (all or
 * nothing), wiping the old one with its label textures and glyph caches. */
static void kiosk_apply_media(struct kiosk *kiosk, enum kiosk_media_outcome outcome,
                              struct session *opened)
{
	if (outcome == KIOSK_MEDIA_OPEN || outcome == KIOSK_MEDIA_CLOSE) {
		session_free(&kiosk->session);
		/* The last frame shows the family too. */
		frame_cache_clear(&kiosk->frames);
		kiosk->session = outcome == KIOSK_MEDIA_OPEN ? *opened : (struct session){0};
		text_cache_free(kiosk->text);
		kiosk->text = text_cache_new(kiosk->renderer);
		kiosk->position = phase_first(kiosk->session.situation);
		kiosk->spotlight_count = 0;
		kiosk->is_blank = false;
		kiosk_relayout(kiosk);
	}
	if (outcome != KIOSK_MEDIA_IGNORED)
		kiosk->needs_redraw = true;
}

/* Returns false when the kiosk should stop. */
static bool kiosk_handle_action(struct kiosk *kiosk, enum action action)
{
	struct session opened;
	enum kiosk_media_outcome outcome =
	    kiosk->is_blank ? KIOSK_MEDIA_IGNORED
	                    : kiosk_media_handle_action(kiosk->media, action, &opened);
	if (outcome != KIOSK_MEDIA_IGNORED) {
		kiosk_apply_media(kiosk, outcome, &opened);
		return true;
	}
	const struct situation *situation = kiosk->session.situation;
	struct phase_position before = kiosk->position;
	switch (action) {
	case ACTION_NONE:
		return true;
	case ACTION_QUIT:
		return false;
	case ACTION_BLANK_TOGGLE:
		kiosk->is_blank = !kiosk->is_blank;
		break;
	case ACTION_CLEAR:
		/* The presenter's way back to the plain picture from the clicker:
		 * no blank, no highlights, no zoom. */
		kiosk->is_blank = false;
		kiosk->spotlight_count = 0;
		kiosk->view = view_identity();
		break;
	case ACTION_NEXT:
	case ACTION_CONFIRM:
	case ACTION_PREVIOUS:
	case ACTION_FIRST:
	case ACTION_LAST:
		if (!situation || kiosk->is_blank)
			return true;
		/* Past the chooser, Enter and Space are what they always were. */
		if (action == ACTION_NEXT || action == ACTION_CONFIRM)
			phase_next(situation, &kiosk->position);
		else if (action == ACTION_PREVIOUS)
			phase_previous(situation, &kiosk->position);
		else if (action == ACTION_FIRST)
			kiosk->position = phase_first(situation);
		else
			kiosk->position = phase_last(situation);
		if (newcomer_is_reveal(situation, before, kiosk->position))
			kiosk_animation_start(&kiosk->animation);
		else
			kiosk_animation_stop(&kiosk->animation);
		/* Highlights kept from the last step would grey out whoever
		 * comes next. A new phase is a new picture, shown whole; within
		 * the round the zoom stays, as a large genogram zoomed to be
		 * read stays so from one person to the next (F5 undoes it). */
		if (kiosk->position.phase != before.phase || kiosk->position.step != before.step)
			kiosk->spotlight_count = 0;
		if (kiosk->position.phase != before.phase)
			kiosk->view = view_identity();
		break;
	}
	kiosk_input_note_activity(kiosk->input, kiosk->spotlight_count);
	kiosk->needs_redraw = true;
	return true;
}

/* A tap on a node toggles its spotlight; a tap on empty space clears them. */
static void kiosk_handle_tap(struct kiosk *kiosk, float x, float y, float radius)
{
	struct session opened;
	enum kiosk_media_outcome outcome =
	    kiosk->is_blank
	        ? KIOSK_MEDIA_IGNORED
	        : kiosk_media_handle_tap(kiosk->media, x, y, kiosk->width, kiosk->height, &opened);
	if (outcome != KIOSK_MEDIA_IGNORED) {
		kiosk_apply_media(kiosk, outcome, &opened);
		return;
	}
	const struct situation *situation = kiosk->session.situation;
	if (!situation || !kiosk->layout || kiosk->is_blank)
		return;
	struct scene *scene = scene_build(situation, kiosk->position, NULL, 0);
	if (!scene)
		return;
	int node = scene->has_diagram ? view_hit_test(kiosk->layout, scene->is_node_visible,
	                                              kiosk->view, x, y, radius)
	                              : -1;
	scene_free(scene);
	if (node < 0) {
		kiosk->spotlight_count = 0;
	} else {
		size_t k = 0;
		while (k < kiosk->spotlight_count && kiosk->spotlights[k] != node)
			k++;
		if (k < kiosk->spotlight_count)
			kiosk->spotlights[k] = kiosk->spotlights[--kiosk->spotlight_count];
		else if (kiosk->spotlight_count < KIOSK_MAX_SPOTLIGHTS)
			kiosk->spotlights[kiosk->spotlight_count++] = node;
	}
	kiosk_input_note_activity(kiosk->input, kiosk->spotlight_count);
	kiosk->needs_redraw = true;
}

/* Messages of the input thread: clicker actions, taps, pinches; and the
 * spotlights' idle fade. */
static bool kiosk_handle_input(struct kiosk *kiosk, const struct input_message *message)
{
	switch (message->kind) {
	case INPUT_MESSAGE_ACTION:
		return kiosk_handle_action(kiosk, message->action);
	case INPUT_MESSAGE_TAP:
		kiosk_handle_tap(kiosk, message->x, message->y, message->radius);
		return true;
	case INPUT_MESSAGE_DOUBLE_TAP:
		kiosk->view = view_identity();
		break;
	case INPUT_MESSAGE_VIEW:
		if (kiosk->is_blank)
			return true;
		kiosk->view = view_pinch(kiosk->view, message, kiosk->width, kiosk->height);
		kiosk_settle_moved(&kiosk->settle);
		kiosk_input_note_activity(kiosk->input, kiosk->spotlight_count);
		break;
	case INPUT_MESSAGE_FADE:
		kiosk->spotlight_count = 0;
		break;
	case INPUT_MESSAGE_DEVICES:
	case INPUT_MESSAGE_POINTER: /* kiosk_input's: the cursor */
	case INPUT_MESSAGE_POINTER_IDLE:
		return true;
	}
	kiosk->needs_redraw = true;
	return true;
}

static void kiosk_draw(struct kiosk *kiosk)
{
	const struct situation *situation = kiosk->session.situation;
	enum situation_theme theme = situation ? situation->theme : THEME_LIGHT;
	if (kiosk->config.has_theme)
		theme = kiosk->config.theme;
	struct draw_context context = {
	    kiosk->renderer,  kiosk->text,   palette_for_theme(theme),
	    kiosk->width,     kiosk->height, kiosk_animation_frame(&kiosk->animation),
	    NEWCOMER_PASS_ALL};
	if (kiosk->is_blank) {
		SDL_SetRenderDrawColor(kiosk->renderer, 0, 0, 0, 255);
		SDL_RenderClear(kiosk->renderer);
	} else if (kiosk_media_draw(kiosk->media, &context)) {
		/* idle, empty key or chooser */
	} else if (!situation && kiosk->session.file_error) {
		draw_file_screen(&context, &kiosk->session.diags, kiosk->session.file_error,
		                 kiosk->config.lang);
	} else if (!situation) {
		draw_error_screen(&context, &kiosk->session.diags, kiosk->config.lang);
	} else if (kiosk->layout) {
		/* A frame already drawn at this state is one copy of a texture. */
		struct frame_state state = {
		    situation,
		    kiosk->layout,
		    view_layout_through(&kiosk->shown_layout, kiosk->layout, kiosk->view),
		    kiosk->position,
		    kiosk->spotlights,
		    kiosk->spotlight_count,
		    kiosk->view.scale,
		    kiosk->view.dx,
		    kiosk->view.dy};
		if (!kiosk->settle.is_moving ||
		    !frame_cache_draw_moved(&kiosk->frames, &context, &state)) {
			/* At the format's limits a full frame outlasts WatchdogSec=
			 * on a Pi too: restored once presented. Copies need no more
			 * time. */
			if (!frame_cache_holds(&kiosk->frames, &context, &state))
				watchdog_extend(&kiosk->watchdog);
			frame_cache_draw(&kiosk->frames, &context, &state);
		}
	}
	SDL_RenderPresent(kiosk->renderer);
	watchdog_restore(&kiosk->watchdog);
	kiosk_media_report(kiosk->media, kiosk->is_blank, &kiosk->session,
	                   kiosk->position.phase + 1);
	kiosk_input_report_state(kiosk->input, situation, kiosk->position, kiosk->spotlights,
	                         kiosk->spotlight_count, kiosk->is_blank, kiosk->view.scale);
	kiosk->needs_redraw = false;
}

static bool kiosk_handle_event(struct kiosk *kiosk, const SDL_Event *event)
{
	if (watchdog_handle_event(&kiosk->watchdog, event))
		return true;
	if (kiosk_animation_is_frame(&kiosk->animation, event)) {
		kiosk->needs_redraw |= kiosk->animation.start_ms != 0;
		return true;
	}
	if (kiosk_settle_is_event(&kiosk->settle, event)) {
		/* The fingers rest: the view in full, text at its size. */
		kiosk->needs_redraw |= !kiosk->settle.is_moving;
		return true;
	}
	switch (event->type) {
	case SDL_QUIT:
		return false;
	case SDL_KEYDOWN:
		/* A desktop window's keys go the way the device's evdev keys go:
		 * the same actions, the chooser included. */
		return kiosk_handle_action(kiosk, sdl_keymap_action(&event->key));
	case SDL_MOUSEBUTTONDOWN:
		/* Where the input thread reads mice, their clicks come from it. */
		if (event->button.which != SDL_TOUCH_MOUSEID &&
		    !kiosk_input_owns_mouse(kiosk->input)) {
			kiosk_input_note_sdl_mouse(kiosk->input);
			kiosk_handle_tap(kiosk, (float)event->button.x, (float)event->button.y, 0);
		}
		return true;
	case SDL_MOUSEMOTION:
		if (event->motion.which != SDL_TOUCH_MOUSEID)
			kiosk_input_note_sdl_mouse(kiosk->input);
		return true;
	case SDL_FINGERDOWN:
		kiosk_handle_tap(kiosk, event->tfinger.x * (float)kiosk->width,
		                 event->tfinger.y * (float)kiosk->height, 0);
		return true;
	case SDL_RENDER_TARGETS_RESET:
	case SDL_RENDER_DEVICE_RESET:
		/* The driver lost what the texture held (Direct3D does that). */
		frame_cache_invalidate(&kiosk->frames);
		kiosk->needs_redraw = true;
		return true;
	case SDL_WINDOWEVENT:
		if (event->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
			kiosk_relayout(kiosk);
		else if (event->window.event == SDL_WINDOWEVENT_EXPOSED)
			kiosk->needs_redraw = true;
		return true;
	default: {
		struct input_message message;
		if (kiosk_input_decode(kiosk->input, event, &message))
			return kiosk_handle_input(kiosk, &message);
		struct session opened;
		kiosk_apply_media(kiosk, kiosk_media_handle_event(kiosk->media, event, &opened),
		                  &opened);
		return true;
	}
	}
}

static bool kiosk_open_display(struct kiosk *kiosk, const struct cli_options *options)
{
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
		fprintf(stderr, "concerto: cannot start the display: %s\n", SDL_GetError());
		return false;
	}
	Uint32 flags = options->is_windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP;
	/* A window of a given size measures what a screen of that size costs
	 * (BENCHMARKS.md) without one. */
	bool has_size = options->is_windowed && options->has_size;
	kiosk->window =
	    SDL_CreateWindow("concerto", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
	                     has_size ? options->width : 1280, has_size ? options->height : 720,
	                     flags | SDL_WINDOW_ALLOW_HIGHDPI);
	if (!kiosk->window) {
		fprintf(stderr, "concerto: cannot open a window: %s\n", SDL_GetError());
		return false;
	}
	kiosk->renderer = SDL_CreateRenderer(kiosk->window, -1,
	                                     SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
	if (!kiosk->renderer)
		kiosk->renderer = SDL_CreateRenderer(kiosk->window, -1, SDL_RENDERER_SOFTWARE);
	if (!kiosk->renderer) {
		fprintf(stderr, "concerto: cannot draw in the window: %s\n", SDL_GetError());
		return false;
	}
	kiosk->frames.renderer = kiosk->renderer;
	if (!options->is_windowed)
		SDL_ShowCursor(SDL_DISABLE);
	if (TTF_Init() != 0 || !(kiosk->text = text_cache_new(kiosk->renderer))) {
		fprintf(stderr, "concerto: cannot open the built-in fonts\n");
		return false;
	}
	return true;
}

static void kiosk_close(struct kiosk *kiosk)
{
	kiosk_input_stop(kiosk->input); /* the input thread pushes no more events */
	view_layout_free(kiosk->shown_layout);
	watchdog_stop(&kiosk->watchdog);
	kiosk_animation_free(&kiosk->animation);
	kiosk_settle_free(&kiosk->settle);
	kiosk_media_free(kiosk->media);
	frame_cache_clear(&kiosk->frames);
	text_cache_free(kiosk->text);
	layout_free(kiosk->layout);
	session_free(&kiosk->session);
	if (TTF_WasInit())
		TTF_Quit();
	if (kiosk->renderer)
		SDL_DestroyRenderer(kiosk->renderer);
	if (kiosk->window)
		SDL_DestroyWindow(kiosk->window);
	SDL_Quit();
}

int kiosk_run(const struct cli_options *options)
{
	struct kiosk kiosk = {0};
	config_load_reporting(options->config_path, &kiosk.config, stderr);
	const char *path = options->file_count ? options->files[0] : NULL;
	/* Without FILE or --demo the kiosk waits for a USB key. */
	bool is_watching = !path && !options->is_demo;
	if (!is_watching && !session_load(&kiosk.session, path))
		fprintf(stderr, "concerto: %s: %zu error(s), showing them on screen\n",
		        kiosk.session.diags.file_name, kiosk.session.diags.error_count);
	int status = 0;
	if (!kiosk_open_display(&kiosk, options)) {
		status = 2;
	} else {
		kiosk.media = kiosk_media_new(options, &kiosk.config, is_watching);
		kiosk.position = phase_first(kiosk.session.situation);
		kiosk_relayout(&kiosk);
		kiosk.input = kiosk_input_start(&kiosk.config, options, kiosk.width, kiosk.height);
		kiosk_input_report_layout(kiosk.input, kiosk.layout);
		watchdog_start(&kiosk.watchdog);
		bool is_running = true;
		while (is_running) {
			if (kiosk.needs_redraw) {
				kiosk_draw(&kiosk);
				watchdog_ready(&kiosk.watchdog);
			}
			SDL_Event event;
			if (!kiosk_input_wait(kiosk.input, &event))
				break;
			is_running = kiosk_handle_event(&kiosk, &event);
			/* Drain what is queued so one frame answers them all. */
			while (is_running && SDL_PollEvent(&event))
				is_running = kiosk_handle_event(&kiosk, &event);
		}
	}
	kiosk_close(&kiosk);
	return status;
}
