/*
 * calibrate: the calibration screen's loop; see calibrate.h. It owns a
 * window, a text cache and the input bridge (kiosk_input) and sleeps like
 * the kiosk: one SDL loop, a frame only when something changed.
 */
#include "calibrate.h"

#include <stdio.h>
#include <string.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "calibrate_screen.h"
#include "calibration.h"
#include "config_command.h"
#include "draw.h"
#include "kiosk_input.h"

enum calibrate_status { CALIBRATE_RUNNING = -1, CALIBRATE_OK = 0, CALIBRATE_CANCELLED = 1 };

struct calibrate {
	SDL_Window *window;
	SDL_Renderer *renderer;
	struct text_cache *text;
	struct kiosk_config config;
	struct kiosk_input *input;
	struct calibration calibration;
	enum calibrate_notice notice;
	bool is_done;
	bool needs_redraw;
	char line[CALIBRATION_LINE_MAX];
	int width;
	int height;
};

/* Keys that cancel: what a clicker's "start/stop slideshow" button sends. */
static const SDL_Keycode calibrate_cancel_keys[] = {SDLK_ESCAPE, SDLK_F5};

static bool calibrate_is_cancel_key(SDL_Keycode key)
{
	for (size_t k = 0; k < sizeof calibrate_cancel_keys / sizeof *calibrate_cancel_keys; k++)
		if (calibrate_cancel_keys[k] == key)
			return true;
	return false;
}

static void calibrate_announce(const struct calibrate *calibrate)
{
	float x, y;
	calibration_target(&calibrate->calibration, calibrate->calibration.index, &x, &y);
	fprintf(stderr, "concerto: calibration: target %d of %d at %.0f,%.0f on %dx%d\n",
	        calibrate->calibration.index + 1, CALIBRATION_POINTS, (double)x, (double)y,
	        calibrate->width, calibrate->height);
}

/* (Re)starts from the first target on the renderer's current size. */
static void calibrate_restart(struct calibrate *calibrate)
{
	SDL_GetRendererOutputSize(calibrate->renderer, &calibrate->width, &calibrate->height);
	calibration_init(&calibrate->calibration, calibrate->width, calibrate->height);
	kiosk_input_set_screen(calibrate->input, calibrate->width, calibrate->height);
	calibrate->is_done = false;
	calibrate->needs_redraw = true;
	calibrate_announce(calibrate);
}

static void calibrate_finish(struct calibrate *calibrate)
{
	calibration_format(calibrate->calibration.matrix, calibrate->line, sizeof calibrate->line);
	const struct kiosk_config *config = &calibrate->config;
	printf("# concerto --calibrate on %dx%d, with rotation = %d, mirror_x = %s, mirror_y = %s\n"
	       "%s\n",
	       calibrate->width, calibrate->height, config->rotation,
	       config->is_mirrored_x ? "yes" : "no", config->is_mirrored_y ? "yes" : "no",
	       calibrate->line);
	fflush(stdout);
	fprintf(stderr, "concerto: calibration: done; put the calibration line in %s\n",
	        CLI_DEFAULT_CONFIG);
	calibrate->is_done = true;
}

/* A touch or click at uncalibrated screen pixels. */
static enum calibrate_status calibrate_touch(struct calibrate *calibrate, float x, float y)
{
	if (calibrate->is_done)
		return CALIBRATE_OK;
	calibrate->needs_redraw = true;
	int index = calibrate->calibration.index;
	enum calibration_outcome outcome = calibration_feed(&calibrate->calibration, x, y);
	calibrate->notice = CALIBRATE_NOTICE_NONE;
	switch (outcome) {
	case CALIBRATION_NEXT:
		calibrate_announce(calibrate);
		break;
	case CALIBRATION_DONE:
		calibrate_finish(calibrate);
		break;
	case CALIBRATION_TOO_FAR:
		calibrate->notice = CALIBRATE_NOTICE_TOO_FAR;
		fprintf(stderr,
		        "concerto: calibration: touch too far from target %d, "
		        "starting again\n",
		        index + 1);
		calibrate_announce(calibrate);
		break;
	case CALIBRATION_DEGENERATE:
		calibrate->notice = CALIBRATE_NOTICE_DEGENERATE;
		fprintf(stderr, "concerto: calibration: the four touches do not agree, "
		                "starting again\n");
		calibrate_announce(calibrate);
		break;
	}
	return CALIBRATE_RUNNING;
}

static enum calibrate_status calibrate_handle_input(struct calibrate *calibrate,
                                                    const struct input_message *message)
{
	switch (message->kind) {
	case INPUT_MESSAGE_ACTION:
		if (message->action == ACTION_CLEAR)
			return calibrate->is_done ? CALIBRATE_OK : CALIBRATE_CANCELLED;
		return calibrate->is_done && message->action != ACTION_NONE ? CALIBRATE_OK
		                                                            : CALIBRATE_RUNNING;
	case INPUT_MESSAGE_TAP: /* where a finger lifted, held or slid too (kiosk_input) */
		/* A mouse's click says nothing of where the touch frame is off. */
		if (message->is_from_pointer)
			return CALIBRATE_RUNNING;
		return calibrate_touch(calibrate, message->x, message->y);
	case INPUT_MESSAGE_DOUBLE_TAP: /* its TAP came first */
	case INPUT_MESSAGE_VIEW:
	case INPUT_MESSAGE_DEVICES:
	case INPUT_MESSAGE_FADE:
	case INPUT_MESSAGE_POINTER:
	case INPUT_MESSAGE_POINTER_IDLE:
		break;
	}
	return CALIBRATE_RUNNING;
}

static enum calibrate_status calibrate_handle_event(struct calibrate *calibrate,
                                                    const SDL_Event *event)
{
	switch (event->type) {
	case SDL_QUIT:
		return calibrate->is_done ? CALIBRATE_OK : CALIBRATE_CANCELLED;
	case SDL_KEYDOWN:
		if (calibrate_is_cancel_key(event->key.keysym.sym))
			return calibrate->is_done ? CALIBRATE_OK : CALIBRATE_CANCELLED;
		return calibrate->is_done ? CALIBRATE_OK : CALIBRATE_RUNNING;
	case SDL_MOUSEBUTTONDOWN:
		/* Where the input thread reads mice, a mouse is no touch here. */
		if (event->button.which == SDL_TOUCH_MOUSEID ||
		    kiosk_input_owns_mouse(calibrate->input))
			return CALIBRATE_RUNNING;
		return calibrate_touch(calibrate, (float)event->button.x, (float)event->button.y);
	case SDL_FINGERDOWN:
		return calibrate_touch(calibrate, event->tfinger.x * (float)calibrate->width,
		                       event->tfinger.y * (float)calibrate->height);
	case SDL_WINDOWEVENT:
		if (event->window.event == SDL_WINDOWEVENT_SIZE_CHANGED && !calibrate->is_done)
			calibrate_restart(calibrate); /* the targets moved */
		else if (event->window.event == SDL_WINDOWEVENT_EXPOSED)
			calibrate->needs_redraw = true;
		return CALIBRATE_RUNNING;
	default: {
		struct input_message message;
		if (kiosk_input_decode(calibrate->input, event, &message))
			return calibrate_handle_input(calibrate, &message);
		return CALIBRATE_RUNNING;
	}
	}
}

static void calibrate_draw(struct calibrate *calibrate)
{
	enum situation_theme theme =
	    calibrate->config.has_theme ? calibrate->config.theme : THEME_LIGHT;
	struct draw_context context = {calibrate->renderer,      calibrate->text,
	                               palette_for_theme(theme), calibrate->width,
	                               calibrate->height,        0,
	                               NEWCOMER_PASS_ALL};
	struct calibrate_screen screen = {.is_done = calibrate->is_done,
	                                  .target = calibrate->calibration.index,
	                                  .target_count = CALIBRATION_POINTS,
	                                  .notice = calibrate->notice,
	                                  .result_line = calibrate->line};
	calibration_target(&calibrate->calibration, screen.target, &screen.x, &screen.y);
	draw_calibrate_screen(&context, calibrate->config.lang, &screen);
	SDL_RenderPresent(calibrate->renderer);
	calibrate->needs_redraw = false;
}

static bool calibrate_open_display(struct calibrate *calibrate, const struct cli_options *options)
{
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
		fprintf(stderr, "concerto: cannot start the display: %s\n", SDL_GetError());
		return false;
	}
	Uint32 flags = options->is_windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP;
	calibrate->window =
	    SDL_CreateWindow("concerto calibration", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
	                     1280, 720, flags | SDL_WINDOW_ALLOW_HIGHDPI);
	if (!calibrate->window) {
		fprintf(stderr, "concerto: cannot open a window: %s\n", SDL_GetError());
		return false;
	}
	calibrate->renderer = SDL_CreateRenderer(calibrate->window, -1, SDL_RENDERER_ACCELERATED);
	if (!calibrate->renderer)
		calibrate->renderer =
		    SDL_CreateRenderer(calibrate->window, -1, SDL_RENDERER_SOFTWARE);
	if (!calibrate->renderer) {
		fprintf(stderr, "concerto: cannot draw in the window: %s\n", SDL_GetError());
		return false;
	}
	if (!options->is_windowed) /* a touch table, not a desktop: no pointer */
		SDL_ShowCursor(SDL_DISABLE);
	if (TTF_Init() != 0 || !(calibrate->text = text_cache_new(calibrate->renderer))) {
		fprintf(stderr, "concerto: cannot open the built-in fonts\n");
		return false;
	}
	return true;
}

static void calibrate_close(struct calibrate *calibrate)
{
	kiosk_input_stop(calibrate->input);
	text_cache_free(calibrate->text);
	if (TTF_WasInit())
		TTF_Quit();
	if (calibrate->renderer)
		SDL_DestroyRenderer(calibrate->renderer);
	if (calibrate->window)
		SDL_DestroyWindow(calibrate->window);
	SDL_Quit();
}

int calibrate_run(const struct cli_options *options)
{
	struct calibrate calibrate = {0};
	config_load_reporting(options->config_path, &calibrate.config, stderr);
	if (!calibrate_open_display(&calibrate, options)) {
		calibrate_close(&calibrate);
		return 2;
	}
	SDL_GetRendererOutputSize(calibrate.renderer, &calibrate.width, &calibrate.height);
	/* Rotation and mirroring as configured, the calibration left out: the
	 * touches must be raw for the new matrix to replace the old one. */
	struct kiosk_config raw = calibrate.config;
	const float identity[6] = {1, 0, 0, 0, 1, 0};
	memcpy(raw.calibration.matrix, identity, sizeof identity);
	calibrate.input = kiosk_input_start(&raw, options, calibrate.width, calibrate.height);
	calibrate_restart(&calibrate);
	enum calibrate_status status = CALIBRATE_RUNNING;
	while (status == CALIBRATE_RUNNING) {
		if (calibrate.needs_redraw)
			calibrate_draw(&calibrate);
		SDL_Event event;
		if (!kiosk_input_wait(calibrate.input, &event)) {
			status = CALIBRATE_CANCELLED;
			break;
		}
		status = calibrate_handle_event(&calibrate, &event);
		while (status == CALIBRATE_RUNNING && SDL_PollEvent(&event))
			status = calibrate_handle_event(&calibrate, &event);
	}
	if (status == CALIBRATE_CANCELLED && !calibrate.is_done)
		fprintf(stderr, "concerto: calibration cancelled, nothing to change\n");
	calibrate_close(&calibrate);
	return calibrate.is_done ? 0 : 1;
}
