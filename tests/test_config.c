/*
 * test_config: /etc/concerto/kiosk.conf — tables of good files (and what
 * they set) and bad files (and the exact file:line:col message), the size
 * cap, a missing file, and the documented default deploy/kiosk.conf, which
 * must parse without a single diagnostic and equal the built-in defaults.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "config.h"

static bool parse(const char *text, struct kiosk_config *config, struct diag_list *diags)
{
	return config_parse(text, strlen(text), "kiosk.conf", config, diags);
}

static void test_good_files(void)
{
	static const struct {
		const char *text;
		int rotation;
		bool is_mirrored_x;
		enum situation_lang lang;
		bool has_theme;
		enum situation_theme theme;
		size_t media_root_count;
		const char *first_media_root;
	} cases[] = {
	    {"", 0, false, LANG_FR, false, THEME_LIGHT, 2, "/media"},
	    {"# only a comment\n\n   \t\n", 0, false, LANG_FR, false, THEME_LIGHT, 2, "/media"},
	    {"rotation = 90\n", 90, false, LANG_FR, false, THEME_LIGHT, 2, "/media"},
	    {"rotation=270", 270, false, LANG_FR, false, THEME_LIGHT, 2, "/media"},
	    {"  rotation\t=\t180   # upside down\r\n", 180, false, LANG_FR, false, THEME_LIGHT, 2,
	     "/media"},
	    {"\xEF\xBB\xBFlang = en\n", 0, false, LANG_EN, false, THEME_LIGHT, 2, "/media"},
	    {"theme = dark\nmirror_x = yes\n", 0, true, LANG_FR, true, THEME_DARK, 2, "/media"},
	    {"theme = light\nmirror_x = off\n", 0, false, LANG_FR, true, THEME_LIGHT, 2, "/media"},
	    {"theme = auto\n", 0, false, LANG_FR, false, THEME_LIGHT, 2, "/media"},
	    {"media_root = /srv/cles\nmedia_root = /mnt/usb\n", 0, false, LANG_FR, false,
	     THEME_LIGHT, 2, "/srv/cles"},
	    {"media_root = /mnt/a#b\n", 0, false, LANG_FR, false, THEME_LIGHT, 1, "/mnt/a#b"},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		struct kiosk_config config;
		struct diag_list diags;
		bool is_ok = parse(cases[k].text, &config, &diags);
		if (!is_ok || diags.count != 0)
			fprintf(stderr, "good case %zu: %s\n", k,
			        diags.count ? diags.items[0].message : "?");
		CHECK(is_ok);
		CHECK_INT_EQ(diags.count, 0);
		CHECK_INT_EQ(config.rotation, cases[k].rotation);
		CHECK_INT_EQ(config.is_mirrored_x, cases[k].is_mirrored_x);
		CHECK_INT_EQ(config.lang, cases[k].lang);
		CHECK_INT_EQ(config.has_theme, cases[k].has_theme);
		CHECK_INT_EQ(config.theme, cases[k].theme);
		CHECK_INT_EQ(config.media_root_count, cases[k].media_root_count);
		CHECK_STR_EQ(config.media_roots[0], cases[k].first_media_root);
		diag_list_free(&diags);
	}
}

static void test_calibration(void)
{
	struct kiosk_config config;
	struct diag_list diags;
	CHECK(parse("calibration = 1.02 0 -0.01  0 -1 1\ninput_dir = /run/fake-input\n", &config,
	            &diags));
	CHECK(config.calibration.matrix[0] > 1.019f && config.calibration.matrix[0] < 1.021f);
	CHECK(config.calibration.matrix[2] < -0.009f && config.calibration.matrix[2] > -0.011f);
	CHECK(config.calibration.matrix[4] == -1.0f && config.calibration.matrix[5] == 1.0f);
	CHECK_STR_EQ(config.input_dir, "/run/fake-input");
	diag_list_free(&diags);

	/* a bad line keeps the default and leaves the good lines applied */
	CHECK(!parse("rotation = 90\ncalibration = 1 0 0 0 1\n", &config, &diags));
	CHECK_INT_EQ(config.rotation, 90);
	CHECK(config.calibration.matrix[0] == 1.0f && config.calibration.matrix[4] == 1.0f);
	diag_list_free(&diags);
}

static void test_bad_files(void)
{
	static const struct {
		const char *text;
		const char *message; /* the first diagnostic, formatted */
	} cases[] = {
	    {"rotaton = 90\n", "kiosk.conf:1:1: error: unknown key \"rotaton\"; did you mean "
	                       "\"rotation\"?"},
	    {"\n  Theme = dark\n", "kiosk.conf:2:3: error: unknown key \"Theme\"; did you mean "
	                           "\"theme\"?"},
	    {"media_roots = /x\n", "kiosk.conf:1:1: error: unknown key \"media_roots\"; did you "
	                           "mean \"media_root\"?"},
	    {"colour = blue\n", "kiosk.conf:1:1: error: unknown key \"colour\"; known keys: "
	                        "rotation, mirror_x, mirror_y, calibration, media_root, "
	                        "input_dir, lang, theme"},
	    {"rotation = 45\n", "kiosk.conf:1:12: error: rotation: \"45\" is not one of 0, 90, "
	                        "180, 270"},
	    {"rotation 90\n", "kiosk.conf:1:1: error: expected \"key = value\""},
	    {"= 90\n", "kiosk.conf:1:1: error: a key is missing before \"=\""},
	    {"lang =\n", "kiosk.conf:1:6: error: lang needs a value after \"=\""},
	    {"lang = de\n", "kiosk.conf:1:8: error: lang: \"de\" is not one of fr, en"},
	    {"théme = x\nlang = ru\n", "kiosk.conf:1:1: error: unknown key \"théme\"; did you "
	                               "mean \"theme\"?"},
	    {"# é\nlang = é\n", "kiosk.conf:2:8: error: lang: \"é\" is not one of fr, en"},
	    {"theme = black\n", "kiosk.conf:1:9: error: theme: \"black\" is not one of auto, "
	                        "light, dark"},
	    {"mirror_y = maybe\n", "kiosk.conf:1:12: error: mirror_y: \"maybe\" is not one of "
	                           "yes, no, true, false, on, off, 1, 0"},
	    {"calibration = 1 0 0 0 1\n", "kiosk.conf:1:15: error: calibration takes 6 numbers "
	                                  "\"a b c d e f\" (got 5); the identity is \"1 0 0 0 1 "
	                                  "0\""},
	    {"calibration = 1 0 0 0 1 0 0\n", "kiosk.conf:1:27: error: calibration takes 6 "
	                                      "numbers, not more"},
	    {"calibration = 1 0 x 0 1 0\n", "kiosk.conf:1:19: error: calibration: \"x\" is not "
	                                    "a number"},
	    {"calibration = 1 0 1e9 0 1 0\n", "kiosk.conf:1:19: error: calibration: 1e9 is out "
	                                      "of range (-16 to 16)"},
	    {"calibration = 1 0 nan 0 1 0\n", "kiosk.conf:1:19: error: calibration: nan is out "
	                                      "of range (-16 to 16)"},
	    {"media_root = media\n", "kiosk.conf:1:14: error: media_root: \"media\" is not an "
	                             "absolute path (start with /)"},
	    {"input_dir = dev/input\n", "kiosk.conf:1:13: error: input_dir: \"dev/input\" is not "
	                                "an absolute path (start with /)"},
	    {"lang = fr\x01\n", "kiosk.conf:1:10: error: control character (byte 0x01) in the "
	                        "line"},
	    {"rotation = 90\nrotation = 180\n", "kiosk.conf:2:1: warning: rotation is set more "
	                                        "than once; the last value wins"},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		struct kiosk_config config;
		struct diag_list diags;
		parse(cases[k].text, &config, &diags);
		/* A bad line is skipped: the defaults stay (two media roots). */
		CHECK_INT_EQ(config.media_root_count, 2);
		char line[DIAG_MAX_MESSAGE + 64];
		CHECK(diags.count >= 1);
		if (diags.count >= 1)
			CHECK_STR_EQ(diag_format(&diags, &diags.items[0], line, sizeof line),
			             cases[k].message);
		diag_list_free(&diags);
	}
}

/* A bad media_root is skipped; the first good one replaces the defaults. */
static void test_media_root_after_a_bad_one(void)
{
	struct kiosk_config config;
	struct diag_list diags;
	CHECK(!parse("media_root = media\nmedia_root = /srv/cles\n", &config, &diags));
	CHECK_INT_EQ(config.media_root_count, 1);
	CHECK_STR_EQ(config.media_roots[0], "/srv/cles");
	diag_list_free(&diags);
}

static void test_caps(void)
{
	struct kiosk_config config;
	struct diag_list diags;

	/* a line past CONFIG_MAX_LINE is refused, the next one still counts */
	size_t long_size = CONFIG_MAX_LINE + 64;
	char *text = malloc(long_size + 32);
	memset(text, 'a', long_size);
	strcpy(text + long_size, "\nrotation = 90\n");
	CHECK(!parse(text, &config, &diags));
	CHECK_INT_EQ(diags.count, 1);
	CHECK_INT_EQ(diags.items[0].line, 1);
	CHECK_INT_EQ(config.rotation, 90);
	diag_list_free(&diags);
	free(text);

	/* a NUL byte in a line */
	static const char with_nul[] = "lang = en\0x\nrotation = 90\n";
	CHECK(!config_parse(with_nul, sizeof with_nul - 1, "kiosk.conf", &config, &diags));
	CHECK_INT_EQ(diags.items[0].line, 1);
	CHECK_INT_EQ(config.rotation, 90);
	CHECK_INT_EQ(config.lang, LANG_FR);
	diag_list_free(&diags);

	/* more than CONFIG_MAX_MEDIA_ROOTS roots */
	char roots[1024] = "";
	for (int k = 0; k <= CONFIG_MAX_MEDIA_ROOTS; k++)
		snprintf(roots + strlen(roots), sizeof roots - strlen(roots), "media_root = /m%d\n",
		         k);
	CHECK(!parse(roots, &config, &diags));
	CHECK_INT_EQ(config.media_root_count, CONFIG_MAX_MEDIA_ROOTS);
	CHECK_INT_EQ(diags.items[0].line, CONFIG_MAX_MEDIA_ROOTS + 1);
	diag_list_free(&diags);

	/* a path that does not fit */
	char path_line[CONFIG_MAX_PATH + 32] = "input_dir = /";
	memset(path_line + strlen(path_line), 'p', CONFIG_MAX_PATH);
	path_line[sizeof path_line - 1] = '\0';
	CHECK(!parse(path_line, &config, &diags));
	CHECK_STR_EQ(config.input_dir, "/dev/input");
	diag_list_free(&diags);

	/* a whole file past CONFIG_MAX_BYTES is ignored: defaults */
	size_t big = CONFIG_MAX_BYTES + 1;
	text = malloc(big);
	memset(text, '\n', big);
	memcpy(text, "rotation = 90", 13);
	CHECK(!config_parse(text, big, "kiosk.conf", &config, &diags));
	CHECK_INT_EQ(config.rotation, 0);
	CHECK_INT_EQ(diags.error_count, 1);
	diag_list_free(&diags);
	free(text);
}

static void test_files(void)
{
	struct kiosk_config config;
	struct diag_list diags;

	/* missing: the defaults, silently */
	CHECK(config_load("/nonexistent/concerto/kiosk.conf", &config, &diags));
	CHECK_INT_EQ(diags.count, 0);
	CHECK_STR_EQ(config.media_roots[0], "/media");
	diag_list_free(&diags);

	/* a directory is not a configuration file */
	CHECK(!config_load("/", &config, &diags));
	CHECK_INT_EQ(diags.error_count, 1);
	diag_list_free(&diags);

	/* /dev/zero would never end without the cap (and is not regular) */
	CHECK(!config_load("/dev/zero", &config, &diags));
	diag_list_free(&diags);

	/* the documented default file: no diagnostic, same as the defaults but
	 * for the key folder of the Pi's udev rule (test_media_scan checks it
	 * against the rule) */
	CHECK(config_load(CONCERTO_SOURCE_DIR "/deploy/kiosk.conf", &config, &diags));
	CHECK_INT_EQ(diags.count, 0);
	CHECK_INT_EQ(config.media_root_count, 1);
	CHECK_STR_EQ(config.media_roots[0], "/media/concerto");
	struct kiosk_config defaults;
	config_defaults(&defaults);
	memcpy(defaults.media_roots, config.media_roots, sizeof defaults.media_roots);
	defaults.media_root_count = config.media_root_count;
	CHECK(memcmp(&config, &defaults, sizeof config) == 0);
	diag_list_free(&diags);
}

int main(void)
{
	test_good_files();
	test_calibration();
	test_bad_files();
	test_media_root_after_a_bad_one();
	test_caps();
	test_files();
	return check_report("test_config");
}
