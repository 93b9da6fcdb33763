/*
 * situation: the in-memory model of one situation file (see shared FORMAT.md).
 *
 * A situation owns all its memory in one arena: situation_free() releases
 * everything in one call and wipes every byte that held a name first.
 * Nodes, unions, links... refer to each other by index into the arrays below.
 * The model is plain data: no SDL, no I/O. It is built by situation_parse()
 * (situation_parse.c) and read by layout, scene and draw.
 */
#ifndef CONCERTO_SITUATION_H
#define CONCERTO_SITUATION_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

/* Limits of FORMAT.md, version 1. */
enum {
	SITUATION_MAX_FILE_BYTES = 1024 * 1024,
	SITUATION_MAX_LINE_BYTES = 4096,
	SITUATION_MAX_NODES = 2000,
	SITUATION_MAX_LINKS = 10000,
	SITUATION_MAX_PHASES = 64,
	/* Not in FORMAT.md, ours: keeps one label from filling the screen. */
	SITUATION_MAX_LABEL_CHARS = 200,
	/* Not in FORMAT.md, ours: unions, child statements, households and
	 * fields, each; keeps the duplicate checks fast on hostile files. */
	SITUATION_MAX_RELATIONS = 10000,
};

enum node_kind { NODE_PERSON, NODE_PRO, NODE_INSTITUTION };
enum sex { SEX_X, SEX_F, SEX_M };
enum circle { CIRCLE_FAMILY, CIRCLE_FRIEND, CIRCLE_NEIGHBOUR, CIRCLE_OTHER };
enum sector {
	SECTOR_AID,
	SECTOR_CARE,
	SECTOR_EDUCATION,
	SECTOR_CONTROL,
	SECTOR_CULTURE,
	SECTOR_OTHER,
	SECTOR_COUNT
};
enum union_status { UNION_TOGETHER, UNION_MARRIED, UNION_SEPARATED, UNION_DIVORCED, UNION_WIDOWED };
enum filiation_kind { FILIATION_BIRTH, FILIATION_ADOPTED, FILIATION_FOSTER };
enum link_kind {
	LINK_WORK,
	LINK_CLOSE,
	LINK_SUPPORT,
	LINK_CONFLICT,
	LINK_DISTANT,
	LINK_CUTOFF,
	LINK_MANDATE,
	LINK_KIND_COUNT
};
enum phase_type { PHASE_TITLE, PHASE_ROUND, PHASE_NETWORK, PHASE_FIELDS, PHASE_TEXT };
enum situation_lang { LANG_FR, LANG_EN };
enum situation_theme { THEME_LIGHT, THEME_DARK };

/* A date from the file; month and day are 0 when only the year was given.
 * year == 0 means "not given". */
struct situation_date {
	int year;
	int month;
	int day;
};

struct node {
	enum node_kind kind;
	const char *id;
	const char *name;
	const char *role; /* NULL when not given */
	int line;         /* where it was declared, for diagnostics */
	int col;          /* column of the declaring statement's keyword */
	/* persons */
	enum sex sex;
	enum circle circle;
	struct situation_date born;
	struct situation_date died;
	bool is_deceased; /* died= or the deceased flag */
	bool is_index;
	bool is_absent; /* persons and professionals */
	int household;  /* index into households, -1 when none */
	/* professionals: institution index into nodes or -1; sector resolved
	 * (own sector= or the institution's). Institutions: sector. */
	int institution;
	enum sector sector;
};

struct couple { /* the `union` statement (union is a C keyword) */
	int a;
	int b;
	enum union_status status;
	int since; /* 0 when not given */
	int until;
};

struct filiation {
	int child;
	int parent_a;
	int parent_b; /* -1 with one parent */
	int couple;   /* index into couples when both parents have a union, else -1 */
	enum filiation_kind kind;
	int line; /* of the child statement, for diagnostics */
	int col;
};

struct household {
	const char *label; /* NULL when not given */
	int *members;
	size_t member_count;
	int line; /* of the household statement, for diagnostics */
};

struct link {
	int a;
	int b;
	const char *label; /* NULL when not given */
	enum link_kind kind;
	bool has_arrow; /* from a to b */
};

struct field {
	const char *label; /* NULL for a computed field */
	int *members;
	size_t member_count;
	bool is_computed;
};

struct phase {
	const char *title;
	enum phase_type type;
	const char *text;   /* text= or NULL */
	int *order;         /* round: node indices in reveal order */
	size_t order_count; /* round: always filled (default order when no order=) */
};

struct situation {
	struct arena arena;
	const char *title;
	const char *place; /* NULL when not given */
	const char *next;  /* NULL when not given */
	struct situation_date date;
	enum situation_lang lang;
	enum situation_theme theme;

	struct node *nodes;
	size_t node_count;
	struct couple *couples;
	size_t couple_count;
	struct filiation *filiations;
	size_t filiation_count;
	struct household *households;
	size_t household_count;
	struct link *links;
	size_t link_count;
	/* Named fields first, then the computed overlap fields (FORMAT.md,
	 * "Overlap fields"); a named field with the same members replaces the
	 * computed one. */
	struct field *fields;
	size_t field_count;
	/* Always at least one: the default phases when the file has none. */
	struct phase *phases;
	size_t phase_count;
};

/*
 * Parses one file's bytes (any encoding FORMAT.md allows). Diagnostics go to
 * `diags` (initialised by the caller with the file name). Returns the model
 * when the file has no error, NULL otherwise (or when out of memory, which is
 * reported as an error too). Never prints, never exits, never reads past len.
 */
struct situation *situation_parse(const char *bytes, size_t len, struct diag_list *diags);

/* Reads a file (refusing more than SITUATION_MAX_FILE_BYTES) then parses it.
 * I/O problems become diagnostics at line 1, column 1. */
struct situation *situation_load_file(const char *path, struct diag_list *diags);

void situation_free(struct situation *situation);

/* Lookup by id; -1 when none. */
int situation_find_node(const struct situation *situation, const char *id);
/* Age in whole years at the situation's date, -1 when unknown. */
int situation_age(const struct situation *situation, const struct node *node);

/* English names of enumerated values, for tests and logs. */
const char *sector_name(enum sector sector);
const char *link_kind_name(enum link_kind kind);
const char *phase_type_name(enum phase_type type);

#endif
