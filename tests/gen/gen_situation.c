/*
 * gen_situation: writes a realistic, fictional situation file of about N
 * nodes to stdout, for benchmarks, the fuzzer's seed corpus and tests.
 *
 *     gen_situation N [SEED] > file.situation
 *
 * The same N and SEED always give the same bytes (own PRNG, no clock, no
 * locale). The file holds a family genogram of three generations (four from
 * 60 nodes), couples of every union status, children of unions, single-parent,
 * adopted and foster filiations, one to three households, friends and
 * neighbours, institutions of the six sectors, professionals (about half of N)
 * at them, links of every kind, two named fields, and either the default
 * phases (even SEED) or explicit ones (odd SEED). It stays within FORMAT.md's
 * limits (N is clamped to 8..2000) and parses with no error.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	GEN_MIN_NODES = 8,
	GEN_MAX_NODES = 2000, /* SITUATION_MAX_NODES */
	GEN_ID_BYTES = 64,
	GEN_MAX_CHILDREN = 4,
};

/* splitmix64: tiny, deterministic on every platform. */
struct rng {
	uint64_t state;
};

static uint64_t rng_next(struct rng *rng)
{
	uint64_t z = (rng->state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* 0..n-1 */
static int rng_below(struct rng *rng, int n)
{
	return n <= 0 ? 0 : (int)(rng_next(rng) % (uint64_t)n);
}

static bool rng_chance(struct rng *rng, int percent)
{
	return rng_below(rng, 100) < percent;
}

/* A first name: the display name and its id stem (ids may hold any letter). */
struct name {
	const char *name;
	const char *stem;
};

static const struct name female_names[] = {
    {"Jeanne", "jeanne"},     {"Hà-Phạm Ngọc", "hà-phạm"}, {"Inès", "inès"},
    {"فاطمة", "فاطمة"},       {"Fatima", "fatima"},        {"Sandrine", "sandrine"},
    {"Léa", "léa"},           {"Chloé", "chloé"},          {"Maëlle", "maëlle"},
    {"Zoé", "zoé"},           {"Océane", "océane"},        {"Aïcha", "aïcha"},
    {"Hélène", "hélène"},     {"Mireille", "mireille"},    {"Nadia", "nadia"},
    {"Emma", "emma"},         {"Camille", "camille"},      {"Françoise", "françoise"},
    {"Yasmine", "yasmine"},   {"Agnès", "agnès"},          {"Lucie", "lucie"},
    {"Bérénice", "bérénice"}, {"Manon", "manon"},          {"Rose", "rose"},
};

static const struct name male_names[] = {
    {"Marcel", "marcel"},   {"Karim", "karim"},       {"Thomas", "thomas"},   {"Noah", "noah"},
    {"Jérôme", "jérôme"},   {"Loïc", "loïc"},         {"Mathéo", "mathéo"},   {"Bảo", "bảo"},
    {"Youssef", "youssef"}, {"François", "françois"}, {"Gaël", "gaël"},       {"Amine", "amine"},
    {"Hugo", "hugo"},       {"Léon", "léon"},         {"Raphaël", "raphaël"}, {"Omar", "omar"},
    {"Étienne", "étienne"}, {"Paul", "paul"},         {"Nathan", "nathan"},   {"Joël", "joël"},
};

static const char *const family_names[] = {
    "Martin", "Benali", "Nguyễn", "Lefèvre", "Da Silva", "Moreau", "Diallo", "Fontaine",
};

static const char *const sectors[] = {"aide", "soin", "education", "controle", "culture", "autre"};

/* Institution names per sector, in the order of `sectors`. */
static const char *const institution_names[][4] = {
    {"Service social départemental", "CAF — accompagnement budgétaire", "CCAS", "Bailleur social"},
    {"CMP enfants", "Maison de santé", "Hôpital de jour", "PMI"},
    {"École Jules Ferry", "Collège Pasteur", "Lycée Hélène Boucher", "Crèche Les Écureuils"},
    {"Tribunal pour enfants", "Service AEMO", "SPIP", "Aide sociale à l'enfance"},
    {"FC Quartier Sud", "Conservatoire", "Centre socioculturel", "Médiathèque"},
    {"Mairie", "Mission locale", "Pôle emploi", "Association Élan"},
};

/* Roles per sector, in the order of `sectors`. */
static const char *const roles[][3] = {
    {"assistante sociale", "conseillère ESF", "chargé d'accueil"},
    {"pédopsychiatre", "infirmière", "psychologue"},
    {"instituteur", "CPE", "éducatrice de jeunes enfants"},
    {"juge des enfants", "éducateur AEMO", "conseillère d'insertion"},
    {"entraîneur", "animatrice", "professeur de piano"},
    {"secrétaire de mairie", "conseiller emploi", "bénévole"},
};

static const char *const pro_names[] = {
    "Sophie",       "Claire",       "M. Martin", "Mme Diallo", "Dr Benali", "Julie",
    "Juge Lefèvre", "Marc",         "Yannick",   "Mme Trần",   "Mehdi",     "Anaïs",
    "Dr Ngô",       "Mme Ferreira", "Benoît",    "Céline",
};

static const char *const work_labels[] = {
    "suivi",
    "consultations",
    "classe de CM2",
    "visites à domicile",
    "aide aux devoirs",
    "budget",
    "rendez-vous mensuels",
    "accompagnement \\\"logement\\\"",
};

static const char *const pro_labels[] = {"synthèses", "relais", "rencontre en juin",
                                         "échanges de mails"};

static const char *const person_link_kinds[] = {"proche", "soutien", "conflit", "distant",
                                                "rupture"};

static const char *const union_statuses[] = {"marie", "ensemble", "separe", "divorce", "veuf"};

struct person {
	char id[GEN_ID_BYTES];
	int generation;
	int born;
	bool is_female;
	int household;    /* -1 when none */
	int parent_union; /* index into unions, -1 */
};

struct couple {
	int a;
	int b;
	int generation;
	const char *status;
	int children[GEN_MAX_CHILDREN * 2];
	int child_count;
};

struct gen {
	struct rng rng;
	int node_budget;
	/* every id used so far, for uniqueness */
	char (*ids)[GEN_ID_BYTES];
	int id_count;
	struct person *persons;
	int person_count;
	int family_budget;
	struct couple *couples;
	int couple_count;
	int name_cursor;
	/* links already written, as an N x N bit matrix over node numbers */
	unsigned char *linked;
	int node_count;
	/* node numbers: persons 0..P-1, institutions, then professionals */
	int first_institution;
	int institution_count;
	int first_pro;
	int pro_count;
	int max_generation;
	int link_count;
};

static bool id_is_used(const struct gen *gen, const char *id)
{
	for (int i = 0; i < gen->id_count; i++)
		if (strcmp(gen->ids[i], id) == 0)
			return true;
	return false;
}

/* Writes a fresh id from `stem` into `out`: the stem, or stem-2, stem-3... */
static void make_id(struct gen *gen, const char *stem, char out[GEN_ID_BYTES])
{
	snprintf(out, GEN_ID_BYTES, "%s", stem);
	for (int n = 2; id_is_used(gen, out); n++)
		snprintf(out, GEN_ID_BYTES, "%s-%d", stem, n);
	memcpy(gen->ids[gen->id_count++], out, GEN_ID_BYTES);
}

static const char *node_id(const struct gen *gen, int node)
{
	return gen->ids[node];
}

/* Birth year range per generation: the oldest are born in the 1940s. */
static int birth_year(struct gen *gen, int generation)
{
	int base = 1942 + 25 * generation + (gen->max_generation == 2 ? 10 : 0);
	int year = base + rng_below(&gen->rng, 12);
	return year > 2025 ? 2025 : year;
}

static int add_person(struct gen *gen, int generation, bool is_female)
{
	struct person *person = &gen->persons[gen->person_count];
	const struct name *names = is_female ? female_names : male_names;
	size_t count = is_female ? sizeof female_names / sizeof *female_names
	                         : sizeof male_names / sizeof *male_names;
	/* Walk the list in order so that the special names (Vietnamese,
	 * Arabic) appear even in small files. */
	const struct name *name = &names[(size_t)gen->name_cursor++ % count];
	make_id(gen, name->stem, person->id);
	person->generation = generation;
	person->is_female = is_female;
	person->household = -1;
	person->parent_union = -1;
	int born = birth_year(gen, generation);
	person->born = born;
	printf("personne %s \"%s %s\" sexe=%s ne=%d", person->id, name->name,
	       family_names[rng_below(&gen->rng, sizeof family_names / sizeof *family_names)],
	       is_female ? "f" : "h", born);
	if (generation == 0 && rng_chance(&gen->rng, 35) && born + 60 < 2025)
		printf(" deces=%d", born + 60 + rng_below(&gen->rng, 2025 - 60 - born));
	else if (rng_chance(&gen->rng, 8))
		printf(" absent");
	if (rng_chance(&gen->rng, 30))
		printf(" role=\"%s\"", generation == 0 ? "grand-parent, très présent·e"
		                                       : "aime cuisiner, « fait le lien »");
	if (gen->person_count == 2) /* the root couple's first child */
		printf(" index");
	printf("\n");
	gen->family_budget--;
	return gen->person_count++;
}

static int add_couple(struct gen *gen, int a, int b, int generation)
{
	struct couple *couple = &gen->couples[gen->couple_count];
	couple->a = a;
	couple->b = b;
	couple->generation = generation;
	couple->child_count = 0;
	/* Statuses in turn, so that even a small file has a divorce. */
	couple->status = generation == 0 ? (rng_chance(&gen->rng, 70) ? "marie" : "veuf")
	                                 : union_statuses[(gen->couple_count + 2) % 5];
	return gen->couple_count++;
}

/*
 * The genogram, written as `personne` lines while it grows breadth-first from
 * one root couple; partners married in sometimes bring their own parents (a
 * second lineage), and a second root couple starts when the first runs out.
 * Relations (union, enfant) are printed afterwards, since ids must exist.
 */
static void grow_family(struct gen *gen)
{
	int next_couple = 0;
	while (gen->family_budget >= 2) {
		if (next_couple == gen->couple_count) {
			int a = add_person(gen, 0, false);
			int b = add_person(gen, 0, true);
			add_couple(gen, a, b, 0);
		}
		struct couple *couple = &gen->couples[next_couple++];
		if (couple->generation >= gen->max_generation)
			continue;
		int children = 1 + rng_below(&gen->rng, GEN_MAX_CHILDREN);
		if (children > gen->family_budget / 2)
			children = gen->family_budget / 2 > 0 ? gen->family_budget / 2 : 1;
		for (int c = 0; c < children && gen->family_budget > 0; c++) {
			int child =
			    add_person(gen, couple->generation + 1, rng_chance(&gen->rng, 50));
			couple = &gen->couples[next_couple - 1];
			couple->children[couple->child_count++] = child;
			gen->persons[child].parent_union = next_couple - 1;
			bool is_heir = next_couple == 1 && c == 0; /* makes the third generation */
			if (couple->generation + 1 >= gen->max_generation ||
			    gen->family_budget < 2 || !(is_heir || rng_chance(&gen->rng, 70)))
				continue;
			bool child_is_female = gen->persons[child].is_female;
			int partner = add_person(gen, couple->generation + 1, !child_is_female);
			int partnership = add_couple(gen, child, partner, couple->generation + 1);
			/* An in-law's own parents, now and then: a second lineage. */
			if (couple->generation == 0 && gen->family_budget >= 6 &&
			    rng_chance(&gen->rng, 40)) {
				int pa = add_person(gen, couple->generation, false);
				int pb = add_person(gen, couple->generation, true);
				int parents = add_couple(gen, pa, pb, couple->generation);
				gen->couples[parents]
				    .children[gen->couples[parents].child_count++] = partner;
				gen->persons[partner].parent_union = parents;
			}
			/* A divorced partner remarried: a step family. */
			if (strcmp(gen->couples[partnership].status, "divorce") == 0 &&
			    gen->family_budget >= 6) {
				int second =
				    add_person(gen, couple->generation + 1, child_is_female);
				int again =
				    add_couple(gen, partner, second, couple->generation + 1);
				gen->couples[again].status = "ensemble";
			}
		}
	}
}

static void print_family_relations(struct gen *gen)
{
	printf("\n# --- unions et filiations ---\n");
	for (int i = 0; i < gen->couple_count; i++) {
		const struct couple *couple = &gen->couples[i];
		int older = gen->persons[couple->a].born > gen->persons[couple->b].born
		                ? gen->persons[couple->a].born
		                : gen->persons[couple->b].born;
		int since = older + 20 + rng_below(&gen->rng, 8);
		if (since > 2020)
			since = 2020;
		printf("union %s %s statut=%s depuis=%d", gen->persons[couple->a].id,
		       gen->persons[couple->b].id, couple->status, since);
		if (strcmp(couple->status, "divorce") == 0 || strcmp(couple->status, "separe") == 0)
			printf(" jusqua=%d", since + 1 + rng_below(&gen->rng, 2025 - since));
		printf("\n");
	}
	int filiation = 0;
	for (int i = 0; i < gen->couple_count; i++) {
		const struct couple *couple = &gen->couples[i];
		for (int c = 0; c < couple->child_count; c++, filiation++) {
			const char *child = gen->persons[couple->children[c]].id;
			/* Now and then: recorded with one parent only. */
			if (filiation % 5 == 1)
				printf("enfant %s de %s", child, gen->persons[couple->b].id);
			else
				printf("enfant %s de %s %s", child, gen->persons[couple->a].id,
				       gen->persons[couple->b].id);
			if (filiation % 7 == 1)
				printf(" adopte");
			else if (filiation % 9 == 4)
				printf(" accueil");
			printf("\n");
		}
	}
}

/* One to three households: a couple of the younger generations and its
 * children, each person in at most one. */
static void print_households(struct gen *gen)
{
	int wanted = gen->node_budget < 60 ? 1 : gen->node_budget < 200 ? 2 : 3;
	int made = 0;
	for (int i = gen->couple_count - 1; i >= 0 && made < wanted; i--) {
		const struct couple *couple = &gen->couples[i];
		if (couple->generation == 0 || gen->persons[couple->a].household >= 0 ||
		    gen->persons[couple->b].household >= 0)
			continue;
		bool is_apart =
		    strcmp(couple->status, "divorce") == 0 || strcmp(couple->status, "separe") == 0;
		printf("foyer %s", gen->persons[couple->a].id);
		gen->persons[couple->a].household = made;
		if (!is_apart) {
			printf(" %s", gen->persons[couple->b].id);
			gen->persons[couple->b].household = made;
		}
		for (int c = 0; c < couple->child_count; c++) {
			struct person *child = &gen->persons[couple->children[c]];
			if (child->household >= 0)
				continue;
			child->household = made;
			printf(" %s", child->id);
		}
		if (made != 1)
			printf(" \"Appartement, rue Pasteur n°%d\"", 3 + made);
		printf("\n");
		made++;
	}
}

/* Writes `link A B` once per pair; returns false when the pair is taken. */
static bool print_link(struct gen *gen, int a, int b, const char *label, const char *kind,
                       bool has_arrow)
{
	if (a == b)
		return false;
	size_t ab = (size_t)a * (size_t)gen->node_count + (size_t)b;
	size_t ba = (size_t)b * (size_t)gen->node_count + (size_t)a;
	if (gen->linked[ab / 8] & (1u << (ab % 8)))
		return false;
	gen->linked[ab / 8] |= (unsigned char)(1u << (ab % 8));
	gen->linked[ba / 8] |= (unsigned char)(1u << (ba % 8));
	printf("lien %s %s", node_id(gen, a), node_id(gen, b));
	if (label)
		printf(" \"%s\"", label);
	if (kind)
		printf(" nature=%s", kind);
	if (has_arrow)
		printf(" fleche");
	printf("\n");
	gen->link_count++;
	return true;
}

static int pro_sector(const struct gen *gen, int pro)
{
	int index = pro - gen->first_pro;
	if (gen->institution_count < 6 && index < 6 - gen->institution_count)
		return gen->institution_count + index; /* sector=, no institution */
	return index % gen->institution_count % 6;
}

/* A person of the two youngest generations (schools and child protection
 * work with children and their parents). */
static int young_person(struct gen *gen, int family_count)
{
	for (int attempt = 0; attempt < 64; attempt++) {
		int person = rng_below(&gen->rng, family_count);
		if (gen->persons[person].generation >= gen->max_generation - 1)
			return person;
	}
	return family_count - 1;
}

/* Someone of the person's close family: partner, parent, child or sibling;
 * any family member when the person has none. */
static int close_relative(struct gen *gen, int person, int family_count)
{
	int circle[64];
	int count = 0;
	for (int i = 0; i < gen->couple_count; i++) {
		const struct couple *couple = &gen->couples[i];
		bool is_partner = couple->a == person || couple->b == person;
		bool is_child = gen->persons[person].parent_union == i;
		if (!is_partner && !is_child)
			continue;
		int partners[2] = {couple->a, couple->b};
		for (int k = 0; k < 2 && count < 64; k++)
			if (partners[k] != person)
				circle[count++] = partners[k];
		for (int c = 0; c < couple->child_count && count < 64; c++)
			if (couple->children[c] != person)
				circle[count++] = couple->children[c];
	}
	return count ? circle[rng_below(&gen->rng, count)] : rng_below(&gen->rng, family_count);
}

static void print_network(struct gen *gen, int family_count)
{
	printf("\n# --- institutions et professionnels ---\n");
	for (int i = 0; i < gen->institution_count; i++) {
		char id[GEN_ID_BYTES];
		char stem[16];
		snprintf(stem, sizeof stem, "inst%d", i + 1);
		make_id(gen, stem, id);
		int sector = i % 6;
		printf("institution %s \"%s\" secteur=%s\n", id,
		       institution_names[sector][i / 6 % 4], sectors[sector]);
	}
	for (int p = 0; p < gen->pro_count; p++) {
		int pro = gen->first_pro + p;
		char id[GEN_ID_BYTES];
		const char *name = pro_names[p % (sizeof pro_names / sizeof *pro_names)];
		make_id(gen, p % 3 == 0 ? "pro" : p % 3 == 1 ? "intervenant" : "référente", id);
		int sector = pro_sector(gen, pro);
		printf("pro %s \"%s\" role=\"%s\"", id, name, roles[sector][p % 3]);
		if (gen->institution_count < 6 && p < 6 - gen->institution_count)
			printf(" secteur=%s", sectors[sector]);
		else
			printf(" chez=%s",
			       node_id(gen, gen->first_institution + p % gen->institution_count));
		if (rng_chance(&gen->rng, 10))
			printf(" absente");
		printf("\n");
	}

	printf("\n# --- liens ---\n");
	/* Who each professional works with: one person of the family (a
	 * child for schools and child protection) and some of that person's
	 * close family, as in a real situation; a mix of random family members
	 * from all branches is not what a network looks like. */
	int(*targets)[3] = calloc((size_t)gen->pro_count + 1, sizeof *targets);
	for (int p = 0; p < gen->pro_count; p++) {
		int pro = gen->first_pro + p;
		int sector = pro_sector(gen, pro);
		int count = 1 + rng_below(&gen->rng, 3);
		int focus = sector == 2 || sector == 3 ? young_person(gen, family_count)
		                                       : rng_below(&gen->rng, family_count);
		for (int k = 0; k < count; k++) {
			int person = k == 0 ? focus : close_relative(gen, focus, family_count);
			if (targets)
				targets[p][k] = person + 1;
			bool has_label = rng_chance(&gen->rng, 50);
			const char *label =
			    has_label ? work_labels[rng_below(&gen->rng, sizeof work_labels /
			                                                     sizeof *work_labels)]
			              : NULL;
			if (sector == 3 && k == 0)
				print_link(gen, pro, person, "mesure éducative", "mandat", true);
			else if (sector == 4 && k == 0)
				print_link(gen, pro, person, label, "soutien", false);
			else
				print_link(gen, pro, person, label,
				           rng_chance(&gen->rng, 50) ? "travail" : NULL,
				           rng_chance(&gen->rng, 15));
		}
		/* Professionals talk to each other too, mostly to those who work
		 * with the same person. */
		if (gen->pro_count > 1 && rng_chance(&gen->rng, 40)) {
			int other = gen->first_pro + rng_below(&gen->rng, gen->pro_count);
			for (int q = 0; q < p && targets; q++)
				if (targets[q][0] == targets[p][0])
					other = gen->first_pro + q;
			print_link(gen, pro, other,
			           pro_labels[rng_below(&gen->rng,
			                                sizeof pro_labels / sizeof *pro_labels)],
			           NULL, false);
		}
	}
	free(targets);
	/* Links inside the family, of every person-to-person kind, mostly
	 * between close relatives. */
	int family_links = family_count / 3 + 5; /* at least one of each kind */
	for (int k = 0; k < family_links; k++) {
		const char *kind = person_link_kinds[k % 5];
		for (int attempt = 0; attempt < 16; attempt++) {
			int a = rng_below(&gen->rng, family_count);
			int b = rng_chance(&gen->rng, 80) ? close_relative(gen, a, family_count)
			                                  : rng_below(&gen->rng, family_count);
			if (print_link(gen, a, b,
			               k % 4 == 0 ? "ne se parlent plus depuis 2019" : NULL, kind,
			               k % 6 == 5))
				break;
		}
	}
	/* Friends and neighbours, each close to someone of the family. */
	for (int f = family_count; f < gen->person_count; f++)
		print_link(gen, f, rng_below(&gen->rng, family_count),
		           f % 2 ? "garde les enfants" : NULL, "soutien", false);
}

static void print_fields(struct gen *gen, int family_count)
{
	printf("\n# --- champs ---\n");
	/* Schooling: the youngest person and the education professionals. */
	int young = family_count - 1;
	printf("champ \"Scolarité de l'enfant\" %s", node_id(gen, young));
	int members = 0;
	for (int p = 0; p < gen->pro_count && members < 3; p++)
		if (pro_sector(gen, gen->first_pro + p) == 2 || members == 0) {
			printf(" %s", node_id(gen, gen->first_pro + p));
			members++;
		}
	printf("\n");
	printf("champ \"Logement et budget\" %s %s\n", node_id(gen, 0),
	       node_id(gen, gen->first_pro + gen->pro_count - 1));
}

static void print_phases(struct gen *gen, unsigned long seed)
{
	if (seed % 2 == 0) {
		printf("\n# Phases par défaut (aucune instruction phase).\n");
		return;
	}
	printf("\n# --- déroulé ---\n");
	printf("phase \"Accueil\" type=titre texte=\"Bienvenue à toutes et à tous.\"\n");
	printf("phase \"Tour de présentation\" type=tour\n");
	printf("phase \"Le sociogénogramme\" type=reseau\n");
	printf("phase \"Champs de recouvrement\" type=champs\n");
	printf("phase \"Prochaine rencontre\" type=texte texte=\"Jeudi 14 janvier, 14 h\"\n");
	(void)gen;
}

static int parse_count(const char *text, unsigned long *out)
{
	char *end = NULL;
	unsigned long value = strtoul(text, &end, 10);
	if (end == text || *end != '\0')
		return -1;
	*out = value;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long n = 0;
	unsigned long seed = 1;
	if (argc < 2 || argc > 3 || parse_count(argv[1], &n) != 0 ||
	    (argc == 3 && parse_count(argv[2], &seed) != 0)) {
		fprintf(stderr, "usage: gen_situation N [SEED] > file.situation\n");
		return 2;
	}
	if (n < GEN_MIN_NODES)
		n = GEN_MIN_NODES;
	if (n > GEN_MAX_NODES)
		n = GEN_MAX_NODES;

	struct gen gen = {0};
	gen.rng.state = seed * 0x2545F4914F6CDD1Dull + n;
	gen.node_budget = (int)n;
	gen.institution_count = n < 60 ? (n < 20 ? 2 : 4) : (int)n / 10;
	gen.pro_count = ((int)n - gen.institution_count) / 2;
	int persons = (int)n - gen.institution_count - gen.pro_count;
	int friends = persons / 15 + 1;
	gen.family_budget = persons - friends;
	gen.max_generation = n < 60 ? 2 : 3;
	gen.ids = calloc(n + 16, sizeof *gen.ids);
	gen.persons = calloc((size_t)persons + 16, sizeof *gen.persons);
	gen.couples = calloc((size_t)persons + 16, sizeof *gen.couples);
	if (!gen.ids || !gen.persons || !gen.couples) {
		fprintf(stderr, "gen_situation: out of memory\n");
		return 1;
	}

	printf("# Situation fictive générée par gen_situation %lu %lu.\n", n, seed);
	printf("# Toute ressemblance avec des personnes existantes serait fortuite.\n\n");
	printf("situation \"Famille générée (%lu nœuds)\" date=2026-12-03 place=\"Salle des "
	       "Gravouses\" lang=fr next=\"Jeudi 14 janvier, 14 h, même salle\"\n\n",
	       n);
	printf("# --- la famille ---\n");
	grow_family(&gen);
	int family_count = gen.person_count;
	printf("\n# --- amis et voisins ---\n");
	while (gen.person_count < persons) {
		struct person *person = &gen.persons[gen.person_count];
		make_id(&gen, gen.person_count % 2 ? "voisine" : "ami", person->id);
		printf("personne %s \"%s\" sexe=%s cercle=%s role=\"%s\"\n", person->id,
		       gen.person_count % 2 ? "Mme Ribeiro" : "Ali",
		       gen.person_count % 2 ? "f" : "h", gen.person_count % 2 ? "voisin" : "ami",
		       gen.person_count % 2 ? "voisine, garde les enfants" : "ami de la famille");
		person->household = -1;
		gen.person_count++;
	}
	print_family_relations(&gen);
	print_households(&gen);

	gen.first_institution = gen.person_count;
	gen.first_pro = gen.first_institution + gen.institution_count;
	gen.node_count = gen.first_pro + gen.pro_count;
	gen.linked = calloc(((size_t)gen.node_count * (size_t)gen.node_count + 7) / 8, 1);
	if (!gen.linked) {
		fprintf(stderr, "gen_situation: out of memory\n");
		return 1;
	}
	print_network(&gen, family_count);
	print_fields(&gen, family_count);
	print_phases(&gen, seed);

	free(gen.linked);
	free(gen.couples);
	free(gen.persons);
	free(gen.ids);
	return ferror(stdout) ? 1 : 0;
}
