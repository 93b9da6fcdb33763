/*
 * test_cli: the command line accepts what the README documents and refuses
 * the rest with a message; numbers go through checked conversion.
 */
#include "check.h"
#include "cli.h"

static bool parse(struct cli_options *options, int argc, char **argv)
{
	char error[256];
	return cli_parse(argc, argv, options, error, sizeof error);
}

static void test_checked_integers(void)
{
	static const struct {
		const char *text;
		bool is_valid;
		int value;
	} cases[] = {
	    {"1", true, 1},   {"64", true, 64}, {"0", false, 0},  {"65", false, 0},
	    {"", false, 0},   {"3x", false, 0}, {"-1", false, 0}, {"99999999999999999", false, 0},
	    {" 2", true, 2}, /* strtol skips leading spaces; harmless */
	    {"2 ", false, 0},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		int value = 0;
		bool is_valid = cli_parse_int(cases[k].text, 1, 64, &value);
		CHECK_INT_EQ(is_valid, cases[k].is_valid);
		if (is_valid)
			CHECK_INT_EQ(value, cases[k].value);
	}
}

static void test_render_options(void)
{
	struct cli_options options;
	char *argv[] = {"concerto", "--render",  "f.situation", "--out",   "x.bmp",
	                "--size",   "1080x1920", "--phase",     "3",       "--step",
	                "2",        "--touch",   "lea,noah",    "--theme", "dark"};
	CHECK(parse(&options, 15, argv));
	CHECK_INT_EQ(options.mode, CLI_RENDER);
	CHECK_STR_EQ(options.files[0], "f.situation");
	CHECK_STR_EQ(options.out, "x.bmp");
	CHECK_INT_EQ(options.width, 1080);
	CHECK_INT_EQ(options.height, 1920);
	CHECK_INT_EQ(options.phase, 3);
	CHECK_INT_EQ(options.step, 2);
	CHECK_STR_EQ(options.touch, "lea,noah");
	CHECK(options.has_theme && options.theme == THEME_DARK);

	char *defaults[] = {"concerto", "--render", "--demo", "--out", "y.bmp"};
	CHECK(parse(&options, 5, defaults));
	CHECK(options.is_demo);
	CHECK_INT_EQ(options.width, 1920);
	CHECK_INT_EQ(options.height, 1080);
	CHECK_INT_EQ(options.phase, 1);
}

static void test_layout_stats_options(void)
{
	struct cli_options options;
	char *argv[] = {"concerto", "--layout-stats", "f.situation",
	                "--size",   "1080x1920",      "--positions"};
	CHECK(parse(&options, 6, argv));
	CHECK_INT_EQ(options.mode, CLI_LAYOUT_STATS);
	CHECK(options.is_printing_positions);
	CHECK_INT_EQ(options.width, 1080);
	char *plain[] = {"concerto", "--layout-stats", "--demo"};
	CHECK(parse(&options, 3, plain));
	CHECK(!options.is_printing_positions);
}

static void test_window_size(void)
{
	struct cli_options options;
	char *argv[] = {"concerto", "--windowed", "--size", "1920x1080", "--demo"};
	CHECK(parse(&options, 5, argv));
	CHECK_INT_EQ(options.mode, CLI_KIOSK);
	CHECK(options.is_windowed && options.has_size);
	CHECK_INT_EQ(options.width, 1920);
	char *plain[] = {"concerto", "--windowed", "--demo"};
	CHECK(parse(&options, 3, plain));
	CHECK(!options.has_size);
}

static void test_refusals(void)
{
	struct cli_options options;
	char *no_out[] = {"concerto", "--render", "f.situation"};
	CHECK(!parse(&options, 3, no_out));
	char *bad_size[] = {"concerto", "--render", "f", "--out", "x", "--size", "19x10"};
	CHECK(!parse(&options, 7, bad_size));
	char *bad_size2[] = {"concerto", "--render", "f", "--out", "x", "--size", "1920"};
	CHECK(!parse(&options, 7, bad_size2));
	char *bad_theme[] = {"concerto", "--render", "f", "--out", "x", "--theme", "blue"};
	CHECK(!parse(&options, 7, bad_theme));
	char *missing_value[] = {"concerto", "--render", "f", "--out"};
	CHECK(!parse(&options, 4, missing_value));
	char *no_file[] = {"concerto", "--check"};
	CHECK(!parse(&options, 2, no_file));
	char *unknown[] = {"concerto", "--frobnicate"};
	CHECK(!parse(&options, 2, unknown));
	char *two[] = {"concerto", "a.situation", "b.situation"};
	CHECK(!parse(&options, 3, two));
}

static void test_kiosk_and_check(void)
{
	struct cli_options options;
	char *kiosk[] = {"concerto", "--windowed", "--demo"};
	CHECK(parse(&options, 3, kiosk));
	CHECK_INT_EQ(options.mode, CLI_KIOSK);
	CHECK(options.is_windowed && options.is_demo);
	char *check[] = {"concerto", "--check", "a", "b", "c"};
	CHECK(parse(&options, 5, check));
	CHECK_INT_EQ(options.mode, CLI_CHECK);
	CHECK_INT_EQ(options.file_count, 3);
	char *help[] = {"concerto", "--help"};
	CHECK(parse(&options, 2, help) && options.mode == CLI_HELP);
	char *version[] = {"concerto", "--version"};
	CHECK(parse(&options, 2, version) && options.mode == CLI_VERSION);
}

int main(void)
{
	test_checked_integers();
	test_render_options();
	test_layout_stats_options();
	test_window_size();
	test_refusals();
	test_kiosk_and_check();
	return check_report("test_cli");
}
