/*
 * test_situation_parse: every statement, every diagnostic of FORMAT.md with
 * its exact line and column, the demo file, the limits and hostile input.
 */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "parse_helpers.h"
#include "situation.h"

#define HEAD                    "situation \"T\" date=2026-12-03\n"
#define ERR(line_col, message)  TEST_FILE_NAME ":" line_col ": error: " message
#define WARN(line_col, message) TEST_FILE_NAME ":" line_col ": warning: " message

static const struct node *node(const struct situation *situation, const char *id)
{
	int index = situation_find_node(situation, id);
	return index >= 0 ? &situation->nodes[index] : NULL;
}

static void test_demo(void)
{
	struct diag_list diags;
	diag_list_init(&diags, "demo.situation");
	struct situation *s =
	    situation_load_file(CONCERTO_SOURCE_DIR "/assets/demo.situation", &diags);
	CHECK(s != NULL);
	CHECK_INT_EQ(diags.count, 0);
	dump_diags(&diags);
	if (!s) {
		diag_list_free(&diags);
		return;
	}
	CHECK_STR_EQ(s->title, "Famille Demo");
	CHECK_STR_EQ(s->place, "Salle des Gravouses");
	CHECK_STR_EQ(s->next, "Jeudi 14 janvier, 14 h, même salle");
	CHECK_INT_EQ(s->date.year, 2026);
	CHECK_INT_EQ(s->date.month, 12);
	CHECK_INT_EQ(s->date.day, 3);
	CHECK_INT_EQ(s->lang, LANG_FR);
	CHECK_INT_EQ(s->node_count, 28);
	CHECK_INT_EQ(s->couple_count, 3);
	CHECK_INT_EQ(s->filiation_count, 5);
	CHECK_INT_EQ(s->household_count, 2);
	CHECK_INT_EQ(s->link_count, 18);
	CHECK_INT_EQ(s->field_count, 3);
	CHECK_INT_EQ(s->phase_count, 5);

	size_t persons = 0, pros = 0, institutions = 0;
	for (size_t i = 0; i < s->node_count; i++) {
		persons += s->nodes[i].kind == NODE_PERSON;
		pros += s->nodes[i].kind == NODE_PRO;
		institutions += s->nodes[i].kind == NODE_INSTITUTION;
	}
	CHECK_INT_EQ(persons, 10);
	CHECK_INT_EQ(pros, 9);
	CHECK_INT_EQ(institutions, 9);

	const struct node *lea = node(s, "lea");
	CHECK(lea && lea->sex == SEX_F && lea->born.year == 2009);
	CHECK_STR_EQ(lea ? lea->name : NULL, "Léa");
	CHECK_STR_EQ(lea ? lea->role : NULL, "en 3e, aime dessiner");
	CHECK_INT_EQ(situation_age(s, lea), 17);
	CHECK(node(s, "sandrine")->is_index);
	CHECK(node(s, "karim")->is_absent && node(s, "karim")->sex == SEX_M);
	CHECK(node(s, "marcel")->is_deceased);
	CHECK_INT_EQ(node(s, "marcel")->died.year, 2019);
	CHECK_INT_EQ(situation_age(s, node(s, "marcel")), 74); /* age at death */
	CHECK_INT_EQ(situation_age(s, node(s, "rosa")), -1);   /* no birth year */
	CHECK_INT_EQ(node(s, "rosa")->circle, CIRCLE_NEIGHBOUR);
	CHECK_INT_EQ(node(s, "jeanne")->circle, CIRCLE_FAMILY);
	CHECK_INT_EQ(node(s, "ines")->sex, SEX_F);
	CHECK_INT_EQ(node(s, "rosa")->household, -1);
	CHECK_INT_EQ(node(s, "lea")->household, 0);
	CHECK_INT_EQ(node(s, "noah")->household, 1);

	CHECK_INT_EQ(s->couples[0].status, UNION_MARRIED);
	CHECK_INT_EQ(s->couples[0].since, 1970);
	CHECK_INT_EQ(s->couples[1].status, UNION_DIVORCED);
	CHECK_INT_EQ(s->couples[1].since, 2006);
	CHECK_INT_EQ(s->couples[1].until, 2016);
	CHECK_INT_EQ(s->couples[2].status, UNION_TOGETHER);
	CHECK_INT_EQ(s->filiations[0].couple, 0);
	CHECK_INT_EQ(s->filiations[1].parent_b, -1);
	CHECK_INT_EQ(s->filiations[1].couple, -1);
	CHECK_INT_EQ(s->filiations[2].couple, 1);
	CHECK_INT_EQ(s->filiations[4].couple, 2);
	CHECK_INT_EQ(s->filiations[4].kind, FILIATION_BIRTH);
	CHECK_STR_EQ(s->households[0].label, "Appartement, rue Pasteur");
	CHECK_INT_EQ(s->households[0].member_count, 4);
	CHECK(s->households[1].label == NULL);
	CHECK_INT_EQ(s->households[1].member_count, 2);

	const struct node *sophie = node(s, "sophie");
	CHECK(sophie && sophie->kind == NODE_PRO && sophie->sector == SECTOR_AID);
	CHECK_STR_EQ(s->nodes[sophie->institution].id, "sds");
	CHECK_STR_EQ(sophie->role, "assistante sociale");
	CHECK(node(s, "lefevre")->is_absent);
	CHECK_INT_EQ(node(s, "benali")->sector, SECTOR_CARE);
	CHECK_INT_EQ(node(s, "club")->sector, SECTOR_CULTURE);
	CHECK_INT_EQ(node(s, "tpe")->sector, SECTOR_CONTROL);

	CHECK(s->links[0].has_arrow);
	CHECK_STR_EQ(s->links[0].label, "demande d'aide");
	CHECK_INT_EQ(s->links[0].kind, LINK_WORK);
	CHECK_INT_EQ(s->links[7].kind, LINK_MANDATE);
	CHECK(s->links[7].has_arrow);
	CHECK(s->links[8].label == NULL);
	CHECK_INT_EQ(s->links[10].kind, LINK_DISTANT);
	CHECK_INT_EQ(s->links[11].kind, LINK_SUPPORT);
	CHECK_INT_EQ(s->links[15].kind, LINK_CLOSE); /* rosa–ines: two persons */
	CHECK_INT_EQ(s->links[16].kind, LINK_CONFLICT);

	CHECK_STR_EQ(s->fields[0].label, "Scolarité de Léa");
	CHECK(!s->fields[0].is_computed);
	CHECK_INT_EQ(s->fields[0].member_count, 4);
	/* lea's computed field (diallo, benali, marc) is replaced by the named one */
	CHECK(s->fields[1].is_computed && s->fields[1].label == NULL);
	CHECK_INT_EQ(s->fields[1].member_count, 3);
	CHECK_STR_EQ(s->nodes[s->fields[1].members[0]].id, "sandrine");
	CHECK(s->fields[2].is_computed);
	CHECK_INT_EQ(s->fields[2].member_count, 4);
	CHECK_STR_EQ(s->nodes[s->fields[2].members[0]].id, "noah");

	CHECK_INT_EQ(s->phases[0].type, PHASE_TITLE);
	CHECK_STR_EQ(s->phases[0].title, "Accueil");
	CHECK_STR_EQ(s->phases[0].text,
	             "Venez avec toutes les personnes dont vous jugez la présence utile.");
	CHECK_INT_EQ(s->phases[1].type, PHASE_ROUND);
	CHECK_INT_EQ(s->phases[1].order_count, 19); /* 9 pros then 10 persons */
	CHECK_STR_EQ(s->nodes[s->phases[1].order[0]].id, "sophie");
	CHECK_STR_EQ(s->nodes[s->phases[1].order[8]].id, "yannick");
	CHECK_STR_EQ(s->nodes[s->phases[1].order[9]].id, "jeanne");
	CHECK_STR_EQ(s->nodes[s->phases[1].order[18]].id, "rosa");
	CHECK_INT_EQ(s->phases[2].type, PHASE_NETWORK);
	CHECK_INT_EQ(s->phases[3].type, PHASE_FIELDS);
	CHECK_INT_EQ(s->phases[4].type, PHASE_TEXT);
	situation_free(s);
	diag_list_free(&diags);
}

/* The same small family, once in English and once in French (accents and
 * case mixed), gives the same model. */
static void test_english_and_french(void)
{
	static const char *const texts[] = {
	    "situation \"T\" date=2026-12-03 place=\"Room\" lang=en next=\"Soon\" theme=dark\n"
	    "person a \"A\" sex=f born=1980-05-01 role=\"mum\" circle=family index\n"
	    "person b \"B\" sex=m born=1978 died=2020 absent\n"
	    "person c \"C\" sex=x circle=friend deceased\n"
	    "person d \"D\" born=2010\n"
	    "union a b status=divorced since=2000 until=2015\n"
	    "child d of a b adopted\n"
	    "household a d \"Home\"\n"
	    "institution s \"S\" sector=care\n"
	    "pro p \"P\" role=\"nurse\" at=s absent\n"
	    "pro q \"Q\" sector=control\n"
	    "link p a \"visits\" kind=support arrow\n"
	    "link q c kind=mandate\n"
	    "link c b\n"
	    "field \"F\" a p q\n"
	    "phase \"Hello\" type=title text=\"Welcome\"\n"
	    "phase \"Round\" type=round order=q,p,a\n"
	    "phase \"Net\" type=network\n"
	    "phase \"Fields\" type=fields\n"
	    "phase \"End\" type=text text=\"Bye\"\n",

	    "SITUATION \"T\" Date=2026-12-03 lieu=\"Room\" langue=EN suite=\"Soon\" thème=sombre\n"
	    "Personne a \"A\" SEXE=F née=1980-05-01 rôle=\"mum\" cercle=Famille INDEX\n"
	    "personne b \"B\" sexe=h NÉ=1978 décès=2020 absente\n"
	    "personne c \"C\" sexe=x cercle=amie DÉCÉDÉE\n"
	    "personne d \"D\" nee=2010\n"
	    "union a b statut=divorcée depuis=2000 jusqu'à=2015\n"
	    "ENFANT d DE a b adoptée\n"
	    "foyer a d \"Home\"\n"
	    "institution s \"S\" secteur=soin\n"
	    "professionnelle p \"P\" role=\"nurse\" chez=s absent\n"
	    "professionnel q \"Q\" secteur=contrôle\n"
	    "lien p a \"visits\" nature=soutien flèche\n"
	    "lien q c nature=mandat\n"
	    "lien c b\n"
	    "champ \"F\" a p q\n"
	    "phase \"Hello\" type=titre texte=\"Welcome\"\n"
	    "phase \"Round\" type=tour ordre=q,p,a\n"
	    "phase \"Net\" type=réseau\n"
	    "phase \"Fields\" type=champs\n"
	    "phase \"End\" type=texte texte=\"Bye\"\n",
	};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		struct diag_list diags;
		struct situation *s = parse_clean(texts[t], &diags);
		CHECK(s != NULL);
		if (!s) {
			diag_list_free(&diags);
			continue;
		}
		CHECK_INT_EQ(s->lang, LANG_EN);
		CHECK_INT_EQ(s->theme, THEME_DARK);
		CHECK_STR_EQ(s->place, "Room");
		CHECK_STR_EQ(s->next, "Soon");
		const struct node *a = node(s, "a"), *b = node(s, "b"), *c = node(s, "c");
		CHECK(a->sex == SEX_F && a->is_index && a->born.month == 5 && a->born.day == 1);
		CHECK_STR_EQ(a->role, "mum");
		CHECK(b->sex == SEX_M && b->is_absent && b->is_deceased && b->died.year == 2020);
		CHECK(c->sex == SEX_X && c->circle == CIRCLE_FRIEND && c->is_deceased);
		CHECK_INT_EQ(situation_age(s, a), 46);
		CHECK_INT_EQ(situation_age(s, b), 42);
		CHECK_INT_EQ(situation_age(s, c), -1);
		CHECK(s->couple_count == 1 && s->couples[0].status == UNION_DIVORCED);
		CHECK(s->couples[0].since == 2000 && s->couples[0].until == 2015);
		CHECK(s->filiation_count == 1 && s->filiations[0].kind == FILIATION_ADOPTED);
		CHECK_INT_EQ(s->filiations[0].couple, 0);
		CHECK(s->household_count == 1 && s->households[0].member_count == 2);
		const struct node *p = node(s, "p"), *q = node(s, "q");
		CHECK(p->is_absent && p->sector == SECTOR_CARE && p->institution >= 0);
		CHECK(q->sector == SECTOR_CONTROL && q->institution == -1);
		CHECK(s->links[0].kind == LINK_SUPPORT && s->links[0].has_arrow);
		CHECK_INT_EQ(s->links[1].kind, LINK_MANDATE);
		CHECK_INT_EQ(s->links[2].kind, LINK_CLOSE);
		CHECK_INT_EQ(s->field_count, 1); /* q has no institution: no overlap */
		CHECK_INT_EQ(s->phase_count, 5);
		CHECK_INT_EQ(s->phases[1].order_count, 3);
		CHECK_STR_EQ(s->nodes[s->phases[1].order[0]].id, "q");
		CHECK_STR_EQ(s->phases[4].text, "Bye");
		situation_free(s);
		diag_list_free(&diags);
	}
}

/* Every enumerated value through the parser, English and French. */
static void test_enumerated_values(void)
{
	static const struct {
		const char *text;
		int sex, circle;
	} persons[] = {
	    {"sex=f", SEX_F, CIRCLE_FAMILY},
	    {"sexe=m", SEX_M, CIRCLE_FAMILY},
	    {"sexe=H", SEX_M, CIRCLE_FAMILY},
	    {"sex=x", SEX_X, CIRCLE_FAMILY},
	    {"circle=friend", SEX_X, CIRCLE_FRIEND},
	    {"cercle=ami", SEX_X, CIRCLE_FRIEND},
	    {"circle=neighbour", SEX_X, CIRCLE_NEIGHBOUR},
	    {"cercle=voisin", SEX_X, CIRCLE_NEIGHBOUR},
	    {"circle=other", SEX_X, CIRCLE_OTHER},
	    {"cercle=autre", SEX_X, CIRCLE_OTHER},
	    {"cercle=famille", SEX_X, CIRCLE_FAMILY},
	};
	for (size_t i = 0; i < sizeof persons / sizeof persons[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, HEAD "person a \"A\" %s\nperson b \"B\"\nlink a b\n",
		         persons[i].text);
		struct diag_list diags;
		struct situation *s = parse_clean(text, &diags);
		CHECK(s && (int)s->nodes[0].sex == persons[i].sex &&
		      (int)s->nodes[0].circle == persons[i].circle);
		situation_free(s);
		diag_list_free(&diags);
	}
	static const struct {
		const char *text;
		int status;
	} unions[] = {
	    {"", UNION_TOGETHER},
	    {"status=together", UNION_TOGETHER},
	    {"statut=ensemble", UNION_TOGETHER},
	    {"status=married", UNION_MARRIED},
	    {"statut=marié", UNION_MARRIED},
	    {"statut=MARIE", UNION_MARRIED},
	    {"status=separated", UNION_SEPARATED},
	    {"statut=séparé", UNION_SEPARATED},
	    {"status=divorced", UNION_DIVORCED},
	    {"statut=divorce", UNION_DIVORCED},
	    {"status=widowed", UNION_WIDOWED},
	    {"statut=veuf", UNION_WIDOWED},
	};
	for (size_t i = 0; i < sizeof unions / sizeof unions[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, HEAD "person a \"A\"\nperson b \"B\"\nunion a b %s\n",
		         unions[i].text);
		struct diag_list diags;
		struct situation *s = parse_clean(text, &diags);
		CHECK(s && (int)s->couples[0].status == unions[i].status);
		situation_free(s);
		diag_list_free(&diags);
	}
	static const struct {
		const char *text;
		int sector;
	} sectors[] = {
	    {"aid", SECTOR_AID},
	    {"aide", SECTOR_AID},
	    {"care", SECTOR_CARE},
	    {"soin", SECTOR_CARE},
	    {"education", SECTOR_EDUCATION},
	    {"éducation", SECTOR_EDUCATION},
	    {"control", SECTOR_CONTROL},
	    {"controle", SECTOR_CONTROL},
	    {"contrôle", SECTOR_CONTROL},
	    {"culture", SECTOR_CULTURE},
	    {"other", SECTOR_OTHER},
	    {"autre", SECTOR_OTHER},
	};
	for (size_t i = 0; i < sizeof sectors / sizeof sectors[0]; i++) {
		char text[256];
		snprintf(text, sizeof text,
		         HEAD "institution i \"I\" sector=%s\npro p \"P\" at=i\npro q \"Q\" "
		              "secteur=%s\nlink p q\n",
		         sectors[i].text, sectors[i].text);
		struct diag_list diags;
		struct situation *s = parse_clean(text, &diags);
		CHECK(s && (int)s->nodes[0].sector == sectors[i].sector &&
		      (int)s->nodes[1].sector == sectors[i].sector &&
		      (int)s->nodes[2].sector == sectors[i].sector);
		situation_free(s);
		diag_list_free(&diags);
	}
	static const struct {
		const char *text;
		int kind;
	} kinds[] = {
	    {"work", LINK_WORK},         {"travail", LINK_WORK},     {"close", LINK_CLOSE},
	    {"proche", LINK_CLOSE},      {"support", LINK_SUPPORT},  {"soutien", LINK_SUPPORT},
	    {"conflict", LINK_CONFLICT}, {"conflit", LINK_CONFLICT}, {"distant", LINK_DISTANT},
	    {"cutoff", LINK_CUTOFF},     {"rupture", LINK_CUTOFF},   {"mandate", LINK_MANDATE},
	    {"mandat", LINK_MANDATE},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		char text[256];
		snprintf(text, sizeof text,
		         HEAD
		         "person a \"A\"\nperson b \"B\"\nlink a b kind=%s\nlien b a nature=%s\n",
		         kinds[i].text, kinds[i].text);
		struct diag_list diags;
		struct situation *s = parse_clean(text, &diags);
		CHECK(s && (int)s->links[0].kind == kinds[i].kind &&
		      (int)s->links[1].kind == kinds[i].kind);
		CHECK_STR_EQ(s ? link_kind_name(s->links[0].kind) : NULL,
		             link_kind_name((enum link_kind)kinds[i].kind));
		situation_free(s);
		diag_list_free(&diags);
	}
	static const struct {
		const char *text;
		int type;
	} types[] = {
	    {"title", PHASE_TITLE},    {"titre", PHASE_TITLE},     {"round", PHASE_ROUND},
	    {"tour", PHASE_ROUND},     {"network", PHASE_NETWORK}, {"reseau", PHASE_NETWORK},
	    {"réseau", PHASE_NETWORK}, {"fields", PHASE_FIELDS},   {"champs", PHASE_FIELDS},
	    {"text", PHASE_TEXT},      {"texte", PHASE_TEXT},
	};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, HEAD "phase \"P\" type=%s\n", types[i].text);
		struct diag_list diags;
		struct situation *s = parse_clean(text, &diags);
		CHECK(s && s->phase_count == 1 && (int)s->phases[0].type == types[i].type);
		situation_free(s);
		diag_list_free(&diags);
	}
	CHECK_STR_EQ(sector_name(SECTOR_EDUCATION), "education");
	CHECK_STR_EQ(phase_type_name(PHASE_FIELDS), "fields");
	CHECK_STR_EQ(link_kind_name(LINK_CUTOFF), "cutoff");
}

static void test_child_forms(void)
{
	static const struct {
		const char *line;
		int kind;
		bool has_b;
	} forms[] = {
	    {"child c of a b", FILIATION_BIRTH, true},
	    {"child c of a", FILIATION_BIRTH, false},
	    {"child c of a adopted", FILIATION_ADOPTED, false},
	    {"child c of a b foster", FILIATION_FOSTER, true},
	    {"enfant c de a b accueil", FILIATION_FOSTER, true},
	    {"enfant c de b adopte", FILIATION_ADOPTED, false},
	    {"Enfant c De a b ADOPTÉE", FILIATION_ADOPTED, true},
	    {"enfant c of a b", FILIATION_BIRTH, true},
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		char text[256];
		snprintf(text, sizeof text,
		         HEAD "person a \"A\"\nperson b \"B\"\nperson c \"C\"\nunion a b\n%s\n",
		         forms[i].line);
		struct diag_list diags;
		struct situation *s = parse_clean(text, &diags);
		CHECK(s != NULL);
		if (s) {
			CHECK_INT_EQ(s->filiations[0].kind, forms[i].kind);
			CHECK_INT_EQ(s->filiations[0].parent_b >= 0, forms[i].has_b);
			CHECK_INT_EQ(s->filiations[0].couple, forms[i].has_b ? 0 : -1);
		}
		situation_free(s);
		diag_list_free(&diags);
	}
	/* Two parents without a union: no couple. */
	struct diag_list diags;
	struct situation *s = parse_clean(HEAD "person a \"A\"\nperson b \"B\"\nperson c \"C\"\n"
	                                       "child c of a b\n",
	                                  &diags);
	CHECK(s && s->filiations[0].couple == -1);
	situation_free(s);
	diag_list_free(&diags);
}

static void test_line_ends_and_encodings(void)
{
	static const char *const texts[] = {
	    "\xEF\xBB\xBFsituation \"T\"\nperson lea \"Léa\"\nperson b \"B\"\nlink lea b\n",
	    "situation \"T\"\r\nperson lea \"Léa\"\r\nperson b \"B\"\r\nlink lea b\r\n",
	    "situation \"T\"\rperson lea \"Léa\"\rperson b \"B\"\rlink lea b\r",
	    ("situation \"T\"\n\n   # comment\nperson lea \"Léa\" # a comment \"x\nperson b "
	     "\"B\"\n\tlink lea b\n"),
	    "situation \"T\"\nperson lea \"Léa\"\nperson b \"B\"\nlink lea b",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct diag_list diags;
		struct situation *s = parse_clean(texts[i], &diags);
		CHECK(s && s->node_count == 2 && s->link_count == 1);
		CHECK_STR_EQ(s ? s->nodes[0].name : NULL, "Léa");
		situation_free(s);
		diag_list_free(&diags);
	}
	/* A line error after CRLF lines keeps the right line number. */
	CHECK(expect_diag("situation \"T\"\r\n\r\nfoo\r\n",
	                  ERR("3:1", "unknown keyword \"foo\"; a line starts with one of: "
	                             "situation, person (personne), union, child (enfant), "
	                             "household (foyer), institution, pro, link (lien), field "
	                             "(champ), phase"),
	                  true));
	CHECK(expect_diag("situation \"T\"\r\rfoo\r", ERR("3:1", "unknown keyword"), false));

	/* Windows-1252: read, with a warning at 1:1. */
	struct diag_list diags;
	struct situation *s = parse_text("situation \"T\"\npersonne lea \"L\xe9"
	                                 "a\" r\xf4le=\"\x80 50\"\n"
	                                 "personne b \"B\"\nlien lea b\n",
	                                 &diags);
	CHECK(s != NULL);
	CHECK_INT_EQ(diags.count, 1);
	CHECK(has_diag(&diags,
	               WARN("1:1", "the file is not valid UTF-8: it was read as Windows-1252; "
	                           "if accents look wrong, save it again as UTF-8"),
	               true));
	CHECK_STR_EQ(s ? s->nodes[0].name : NULL, "Léa");
	CHECK_STR_EQ(s ? s->nodes[0].role : NULL, "€ 50");
	situation_free(s);
	diag_list_free(&diags);
}

/* Every diagnostic, with its exact line and column. */
static void test_diagnostics(void)
{
	/* situation first, once, with a title */
	CHECK(expect_diag("person a \"A\"\n",
	                  ERR("1:1", "the file must start with a \"situation\" statement, e.g. "
	                             "situation \"Famille Martin\" date=2026-12-03; add it as the "
	                             "first line"),
	                  true));
	CHECK(expect_diag("# comment\n\n  person a \"A\"\nsituation \"T\"\n",
	                  ERR("3:3", "the file must start with a \"situation\""), false));
	CHECK(expect_diag("# comment\n\n  person a \"A\"\nsituation \"T\"\n",
	                  ERR("4:1", "\"situation\" must be the first statement of the file; "
	                             "move this line to the top"),
	                  true));
	CHECK(expect_diag(HEAD "situation \"U\"\n",
	                  ERR("2:1", "a second \"situation\" statement: the file already has "
	                             "one at line 1; keep only one"),
	                  true));
	CHECK(expect_diag("situation date=2026-12-03\n",
	                  ERR("1:1", "situation needs a title in quotes; write: situation "
	                             "\"Title\" [date=YYYY-MM-DD]"),
	                  false));
	CHECK(expect_diag("", ERR("1:1", "the file has no statement"), false));
	CHECK(expect_diag("# only a comment\n\n", ERR("1:1", "the file has no statement"), false));

	/* unknown keyword, nearest proposed */
	CHECK(expect_diag(HEAD "personn a \"A\"\n",
	                  ERR("2:1", "unknown keyword \"personn\"; did you mean \"personne\"?"),
	                  true));
	CHECK(expect_diag(HEAD "  lein a b\n",
	                  ERR("2:3", "unknown keyword \"lein\"; did you mean \"lien\"?"), true));
	CHECK(expect_diag(HEAD "enfnat a de b\n",
	                  ERR("2:1", "unknown keyword \"enfnat\"; did you mean \"enfant\"?"),
	                  true));
	CHECK(expect_diag(HEAD "situaton \"T\"\n",
	                  ERR("2:1", "unknown keyword \"situaton\"; did you mean \"situation\"?"),
	                  true));
	CHECK(
	    expect_diag(HEAD "\"Léa\" a\n", ERR("2:1", "a line must start with a keyword"), false));

	/* unknown id, ids so far listed alphabetically */
	CHECK(expect_diag(HEAD "person pau \"P\"\nperson julie \"J\"\nperson mar \"M\"\n"
	                       "person jules \"J\"\nlink julie jul\n",
	                  ERR("6:12", "unknown id \"jul\"; ids defined so far: jules, julie, mar, "
	                              "pau"),
	                  true));
	CHECK(expect_diag(HEAD "link a b\n",
	                  ERR("2:6", "unknown id \"a\": no id is defined yet; declare it first "
	                             "with person, pro or institution on an earlier line"),
	                  true));
	/* ids must be declared before they are used */
	CHECK(expect_diag(HEAD "person a \"A\"\nlink a b\nperson b \"B\"\n",
	                  ERR("3:8", "unknown id \"b\"; ids defined so far: a"), true));

	/* duplicate id */
	CHECK(expect_diag(HEAD "person lea \"L\"\ninstitution lea \"I\" sector=aid\n",
	                  ERR("3:13", "duplicate id \"lea\": already used by the person at line "
	                              "2; give each person, professional and institution its own "
	                              "id"),
	                  true));
	/* ids are case-sensitive: no duplicate */
	struct diag_list diags;
	struct situation *s =
	    parse_clean(HEAD "person lea \"L\"\nperson Lea \"L\"\nlink lea Lea\n", &diags);
	CHECK(s && s->node_count == 2);
	situation_free(s);
	diag_list_free(&diags);
	/* bad ids */
	CHECK(expect_diag(HEAD "person -a \"A\"\n",
	                  ERR("2:8", "\"-a\" is not a valid id: an id is one word of letters, "
	                             "digits, _ and -, starting with a letter or digit"),
	                  false));
	CHECK(
	    expect_diag(HEAD "person a.b \"A\"\n", ERR("2:8", "\"a.b\" is not a valid id"), false));

	/* link, union, child to itself */
	CHECK(expect_diag(HEAD "person a \"A\"\nlink a a\n",
	                  ERR("3:8", "a link from \"a\" to itself; a link joins two different ids"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\"\nunion a a\n",
	                  ERR("3:9", "a union of \"a\" with itself; a union joins two different "
	                             "persons"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nchild a of b a\n",
	                  ERR("4:14", "\"a\" cannot be their own child; check the ids on this "
	                              "line"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nchild a of b b\n",
	                  ERR("4:14", "\"b\" is given twice as a parent"), false));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nchild a b\n",
	                  ERR("4:1", "child needs the child's id"), false));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nperson c \"C\"\nchild a b c\n",
	                  ERR("5:9", "expected \"of\" (French \"de\") after the child's id, found "
	                             "\"b\"; write: child noah of karim sandrine"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nchild a of b adopted foster\n",
	                  ERR("4:22", "give adopted or foster, not both"), true));

	/* cycle of child */
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nperson c \"C\"\n"
	                       "child b of a\nchild c of b\n  child a of c\n",
	                  ERR("7:3", "cycle of child statements: a → b → c → a (each one a parent "
	                             "of the next); a person cannot be their own ancestor, so fix "
	                             "one of these child lines"),
	                  true));

	/* kinds of nodes */
	CHECK(expect_diag(HEAD "person a \"A\"\npro p \"P\" sector=aid\nunion a p\n",
	                  ERR("4:9", "\"p\" is a professional; a union joins persons only"), true));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\npro p \"P\" sector=aid\n"
	                       "pro q \"Q\" at=p\n",
	                  ERR("5:14", "\"p\" is a professional, not an institution; at= names an "
	                              "institution declared earlier"),
	                  false));
	CHECK(expect_diag(HEAD "institution i \"I\" sector=aid\nperson a \"A\"\nfoyer a i\n",
	                  ERR("4:9", "\"i\" is an institution; a household joins persons only"),
	                  true));

	/* unterminated string, escapes */
	CHECK(expect_diag(HEAD "person a \"Léa\nperson b \"B\"\n",
	                  ERR("2:10", "unterminated string: add the closing \" on the same line"),
	                  false));
	CHECK(expect_diag(HEAD "person a \"A\" role=\"x\\ny\"\n",
	                  ERR("2:21", "unknown escape in string: only \\\" (a quote) and \\\\ (a "
	                              "backslash) are allowed"),
	                  false));
	s = parse_clean(HEAD "person a \"Le \\\"grand\\\" \\\\ A\"\nperson b \"B # not a "
	                     "comment\"\nlink a b\n",
	                &diags);
	CHECK_STR_EQ(s ? s->nodes[0].name : NULL, "Le \"grand\" \\ A");
	CHECK_STR_EQ(s ? s->nodes[1].name : NULL, "B # not a comment");
	situation_free(s);
	diag_list_free(&diags);

	/* bad dates */
	CHECK(expect_diag(HEAD "person a \"A\" born=1979-13-01\n",
	                  ERR("2:19", "bad date \"1979-13-01\" for born: the month must be 01 to "
	                              "12 (YYYY-MM-DD)"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\" né=2019-02-29\n",
	                  ERR("2:17", "bad date \"2019-02-29\" for né: February 2019 has 28 days"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\" born=79\n",
	                  ERR("2:19", "bad date \"79\" for born: write a year (YYYY, e.g. 1979) or "
	                              "a full date (YYYY-MM-DD, e.g. 1979-04-23)"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\" died=1700\n",
	                  ERR("2:19", "bad date \"1700\" for died: the year must be between 1850 "
	                              "and 2100"),
	                  true));
	CHECK(expect_diag("situation \"T\" date=03/12/2026\n",
	                  ERR("1:20", "bad date \"03/12/2026\" for date"), false));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nunion a b since=20x0\n",
	                  ERR("4:17", "bad date \"20x0\" for since"), false));

	/* unknown attribute and values, with the allowed ones */
	CHECK(expect_diag(HEAD "person a \"A\" sex=y\n",
	                  ERR("2:18", "unknown sex \"y\"; allowed: f, m (h), x"), true));
	CHECK(expect_diag(HEAD "personne a \"A\" cercle=voisinne\n",
	                  ERR("2:23", "unknown circle \"voisinne\"; did you mean \"voisine\"? "
	                              "allowed: family (famille), friend (ami, amie), neighbour "
	                              "(neighbor, voisin, voisine), other (autre)"),
	                  true));
	CHECK(expect_diag(HEAD "institution i \"I\" sector=help\n",
	                  ERR("2:26", "unknown sector \"help\"; allowed: aid (aide), care (soin, "
	                              "soins), education (éducation), control (contrôle), culture, "
	                              "other (autre)"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\" colour=red\n",
	                  ERR("2:14", "unknown attribute \"colour\"; allowed on person: sex, born, "
	                              "died, role, circle"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\" sexx=f\n",
	                  ERR("2:14", "unknown attribute \"sexx\"; did you mean \"sex\"? allowed "
	                              "on person: sex, born, died, role, circle"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\" sector=aid\n",
	                  ERR("2:14", "attribute \"sector\" is not allowed on person; allowed on "
	                              "person: sex, born, died, role, circle"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nlink a b status=married\n",
	                  ERR("4:10", "attribute \"status\" is not allowed on link; allowed on "
	                              "link: kind"),
	                  true));
	CHECK(
	    expect_diag(HEAD "person a \"A\" indx\n",
	                ERR("2:14", "unknown flag \"indx\"; did you mean \"index\"? allowed on "
	                            "person: deceased (décédé, décédée), index, absent (absente)"),
	                true));
	CHECK(expect_diag(HEAD "person a \"A\" arrow\n",
	                  ERR("2:14", "flag \"arrow\" is not allowed on person"), false));
	CHECK(expect_diag(HEAD "person a \"A\" sexe f\n",
	                  ERR("2:14", "\"sexe\" needs a value: write sexe=VALUE with no spaces "
	                              "around \"=\""),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\" sex= f\n",
	                  ERR("2:14", "attribute \"sex\" has no value"), false));
	CHECK(expect_diag(HEAD "person a \"A\" =f\n", ERR("2:14", "\"=\" without a key"), false));
	CHECK(expect_diag(HEAD "phase \"P\" type=round order=a\n",
	                  ERR("2:28", "unknown id \"a\": no id is defined yet"), false));

	/* missing words */
	CHECK(expect_diag(HEAD "person \"Léa\"\n",
	                  ERR("2:1", "person needs an id and a name; write: person ID \"Name\""),
	                  false));
	CHECK(expect_diag(HEAD "  person lea sex=f\n",
	                  ERR("2:3", "person needs a name in quotes after its id; write: person "
	                             "ID \"Name\""),
	                  false));
	CHECK(expect_diag(HEAD "institution i \"I\"\n",
	                  ERR("2:1", "institution needs sector=SECTOR; allowed: aid (aide)"),
	                  false));
	CHECK(expect_diag(HEAD "pro p \"P\" role=\"x\"\n",
	                  ERR("2:1", "pro needs at=INSTITUTION or sector=SECTOR"), false));
	CHECK(expect_diag(HEAD "person a \"A\"\nfield \"F\" a\n",
	                  ERR("3:1", "field needs at least two different ids; write: field "
	                             "\"Label\" A B C ..."),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nfield a b\n",
	                  ERR("4:1", "field needs a label in quotes"), false));
	CHECK(expect_diag(HEAD "phase \"P\"\n",
	                  ERR("2:1", "phase needs type=TYPE; allowed: title (titre), round "
	                             "(tour), network (réseau), fields (champs), text (texte)"),
	                  true));
	CHECK(expect_diag(HEAD "phase type=title\n", ERR("2:1", "phase needs a title"), false));
	CHECK(expect_diag(HEAD "person a \"A\"\nunion a\n", ERR("3:1", "union needs two ids"),
	                  false));
	CHECK(
	    expect_diag(HEAD "person a \"A\"\nlink a\n", ERR("3:1", "link needs two ids"), false));
	CHECK(expect_diag(HEAD "foyer \"F\"\n", ERR("2:1", "household needs the ids"), false));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nlink a b \"x\" \"y\"\n",
	                  ERR("4:14", "unexpected string: link takes only one string"), false));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nunion a b c\n",
	                  ERR("4:11", "unexpected word \"c\"; write: union A B"), false));

	/* columns count characters, not bytes */
	CHECK(expect_diag(HEAD "personne léa \"Léa Ñoño\" sexe=y\n",
	                  ERR("2:30", "unknown sex \"y\""), false));
	CHECK(expect_diag(HEAD "personne 李 \"小龙\"\nlien 李 王\n",
	                  ERR("3:8", "unknown id \"王\"; ids defined so far: 李"), true));
}

static void test_warnings(void)
{
	CHECK(expect_diag(HEAD "institution i \"I\" sector=aid\npro sop \"Sophie\" at=i\n",
	                  WARN("3:1", "professional \"sop\" has no link"), true));
	CHECK(expect_diag(HEAD "  person a \"A\"\n",
	                  WARN("2:3", "person \"a\" has no relation: no link, union, child, "
	                              "household or field"),
	                  true));
	CHECK(expect_diag(HEAD "institution i \"I\" sector=aid\n",
	                  WARN("2:1", "institution \"i\" has no professional and no link"), true));
	/* an institution with a professional is related; a node in a field too */
	struct diag_list diags;
	struct situation *s = parse_clean(HEAD "institution i \"I\" sector=aid\n"
	                                       "pro p \"P\" at=i\nperson a \"A\"\nlink p a\n"
	                                       "person b \"B\"\nperson c \"C\"\nfield \"F\" b c\n",
	                                  &diags);
	CHECK(s != NULL);
	situation_free(s);
	diag_list_free(&diags);

	/* a person in two households: the second mention is ignored */
	s = parse_text(HEAD "person a \"A\"\nperson b \"B\"\nperson c \"C\"\n"
	                    "household a b \"One\"\nhousehold c b \"Two\"\n",
	               &diags);
	CHECK(s != NULL);
	CHECK(has_diag(&diags,
	               WARN("6:13", "\"b\" is already in the household of line 5; a person lives "
	                            "in one household, so this mention is ignored"),
	               true));
	CHECK(s && s->households[1].member_count == 1 && s->nodes[1].household == 0);
	CHECK(s && s->nodes[2].household == 1);
	situation_free(s);
	diag_list_free(&diags);

	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nunion a b\nunion b a\n",
	                  WARN("5:1", "a second union of \"b\" and \"a\"; only the first one is "
	                              "kept"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nlink a b\nfield \"F\" a b a\n",
	                  WARN("5:15", "\"a\" is given twice on this line"), false));
	CHECK(expect_diag(HEAD "person a \"A\" sex=f sex=m\n",
	                  WARN("2:20", "attribute \"sex\" given twice on this line; the last one "
	                               "counts"),
	                  true));
	CHECK(expect_diag(HEAD "person a \"A\"\nphase \"P\" type=network order=a\n",
	                  WARN("3:24", "order= is only used by a round phase"), false));
	char long_name[400];
	memset(long_name, 'x', 300);
	long_name[300] = '\0';
	char text[600];
	snprintf(text, sizeof text, HEAD "person a \"%s\"\n", long_name);
	CHECK(expect_diag(text,
	                  WARN("2:10", "text longer than 200 characters: only the first 200 are "
	                               "kept"),
	                  true));
}

static void test_rounds_and_default_phases(void)
{
	struct diag_list diags;
	struct situation *s = parse_clean(
	    "situation \"T\" next=\"Jeudi\"\nperson a \"A\"\ninstitution i \"I\" sector=aid\n"
	    "pro p \"P\" at=i\nperson b \"B\"\npro q \"Q\" sector=care\nlink a p\nlink b q\n",
	    &diags);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT_EQ(s->phase_count, 5);
		CHECK_STR_EQ(s->phases[0].title, "Accueil");
		CHECK_STR_EQ(s->phases[1].title, "Tour de présentation");
		CHECK_STR_EQ(s->phases[2].title, "Le réseau");
		CHECK_STR_EQ(s->phases[3].title, "Champs de recouvrement");
		CHECK_STR_EQ(s->phases[4].title, "Prochaine rencontre");
		CHECK_STR_EQ(s->phases[4].text, "Jeudi");
		for (size_t i = 0; i < 5; i++)
			CHECK_INT_EQ(s->phases[i].type, (int)i);
		/* professionals in file order, then persons; no institution */
		CHECK_INT_EQ(s->phases[1].order_count, 4);
		static const char *const expected[] = {"p", "q", "a", "b"};
		for (size_t i = 0; i < 4 && i < s->phases[1].order_count; i++)
			CHECK_STR_EQ(s->nodes[s->phases[1].order[i]].id, expected[i]);
	}
	situation_free(s);
	diag_list_free(&diags);

	s = parse_clean("situation \"T\" lang=en\nperson a \"A\"\nperson b \"B\"\nlink a b\n",
	                &diags);
	CHECK(s && s->phase_count == 4);
	CHECK_STR_EQ(s ? s->phases[0].title : NULL, "Welcome");
	CHECK_STR_EQ(s ? s->phases[3].title : NULL, "Overlap fields");
	CHECK(s && s->phases[1].order_count == 2);
	situation_free(s);
	diag_list_free(&diags);

	/* order= with a repeat (warning) and an unknown id at its own column */
	s = parse_text(HEAD "person a \"A\"\nperson b \"B\"\nlink a b\n"
	                    "phase \"R\" type=round order=b,a,b\n",
	               &diags);
	CHECK(s && s->phases[0].order_count == 2);
	CHECK(has_diag(&diags, WARN("5:32", "\"b\" is given twice in order="), false));
	situation_free(s);
	diag_list_free(&diags);
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nlink a b\n"
	                       "phase \"R\" type=round ordre=a,bb,b\n",
	                  ERR("5:30", "unknown id \"bb\"; ids defined so far: a, b"), true));
	CHECK(expect_diag(HEAD "person a \"A\"\nperson b \"B\"\nlink a b\n"
	                       "phase \"R\" type=round order=a,,b\n",
	                  ERR("5:30", "empty id in order="), false));
}

static void test_overlap_fields(void)
{
	const char *base = HEAD "institution i \"I\" sector=aid\ninstitution j \"J\" sector=care\n"
	                        "pro p \"P\" at=i\npro p2 \"P2\" at=i\npro q \"Q\" at=j\n"
	                        "pro r \"R\" sector=aid\nperson a \"A\"\nperson b \"B\"\n";
	static const struct {
		const char *links;
		size_t computed;
		size_t members;
	} cases[] = {
	    {"link a p\nlink a q\n", 1, 3},
	    {"link a p kind=support\nlink q a kind=mandate\n", 1, 3},
	    {"link a p\nlink a p2\n", 0, 0},                     /* one institution */
	    {"link a p\nlink a q kind=conflict\n", 0, 0},        /* conflict does not count */
	    {"link a p\nlink a r\n", 0, 0},                      /* r has no institution */
	    {"link a p\nlink a p2\nlink a q\nlink a p\n", 1, 4}, /* repeats once */
	    {"link a p\nlink a q\nlink b p\nlink b q\n", 2, 3},
	    {"link a p\nlink a q\nfield \"Named\" q a p\n", 0, 0}, /* replaced */
	    {"link a p\nlink a q\nfield \"Other\" a p\n", 1, 3},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[1024];
		snprintf(text, sizeof text, "%s%s", base, cases[i].links);
		struct diag_list diags;
		struct situation *s = parse_text(text, &diags);
		CHECK(s != NULL);
		if (!s) {
			dump_diags(&diags);
			diag_list_free(&diags);
			continue;
		}
		size_t computed = 0;
		for (size_t f = 0; f < s->field_count; f++) {
			if (!s->fields[f].is_computed)
				continue;
			computed++;
			CHECK(s->fields[f].label == NULL);
			CHECK_INT_EQ(s->fields[f].member_count, cases[i].members);
			CHECK_INT_EQ(s->nodes[s->fields[f].members[0]].kind, NODE_PERSON);
		}
		CHECK_INT_EQ(computed, cases[i].computed);
		situation_free(s);
		diag_list_free(&diags);
	}
}

static void test_checked_ages(void)
{
	struct diag_list diags;
	struct situation *s =
	    parse_clean("situation \"T\" date=2026-03-10\nperson a \"A\" born=2000-03-11\n"
	                "person b \"B\" born=2000-03-10\nperson c \"C\" born=2000\n"
	                "person d \"D\" born=1950-06-01 died=2000-05-31\nperson e \"E\"\n"
	                "person f \"F\" born=2030\nfield \"F\" a b c d e f\n",
	                &diags);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT_EQ(situation_age(s, &s->nodes[0]), 25);
		CHECK_INT_EQ(situation_age(s, &s->nodes[1]), 26);
		CHECK_INT_EQ(situation_age(s, &s->nodes[2]), 26);
		CHECK_INT_EQ(situation_age(s, &s->nodes[3]), 49);
		CHECK_INT_EQ(situation_age(s, &s->nodes[4]), -1);
		CHECK_INT_EQ(situation_age(s, &s->nodes[5]), -1);
		CHECK_INT_EQ(situation_find_node(s, "f"), 5);
		CHECK_INT_EQ(situation_find_node(s, "zz"), -1);
	}
	situation_free(s);
	diag_list_free(&diags);
	/* no situation date: unknown ages */
	s = parse_clean("situation \"T\"\nperson a \"A\" born=2000\nperson b \"B\"\nlink a b\n",
	                &diags);
	CHECK(s && situation_age(s, &s->nodes[0]) == -1);
	situation_free(s);
	diag_list_free(&diags);
}

int main(void)
{
	test_demo();
	test_english_and_french();
	test_enumerated_values();
	test_child_forms();
	test_line_ends_and_encodings();
	test_diagnostics();
	test_warnings();
	test_rounds_and_default_phases();
	test_overlap_fields();
	test_checked_ages();
	return check_report("test_situation_parse");
}
