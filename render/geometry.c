/*
 * geometry: feathered triangles for every shape; see geometry.h.
 */
#include "geometry.h"

#include <math.h>

enum { GEOMETRY_MAX_POINTS = 256, GEOMETRY_PIECE = 24 };

static const float geometry_pi = 3.14159265358979f;

static SDL_Vertex vertex(float x, float y, SDL_Color color)
{
	return (SDL_Vertex){{x, y}, color, {0, 0}};
}

static SDL_Color transparent(SDL_Color color)
{
	color.a = 0;
	return color;
}

/* A band of `count` strips of vertices across a line; rows of 4 vertices:
 * outer edge (clear), inner edge (solid), other inner edge, other outer. */
static void geometry_emit_band(SDL_Renderer *renderer, const SDL_Vertex *rows, int row_count,
                               bool is_closed)
{
	int index_buffer[GEOMETRY_MAX_POINTS * 18];
	int count = 0;
	int segments = is_closed ? row_count : row_count - 1;
	for (int s = 0; s < segments; s++) {
		int a = s * 4, b = ((s + 1) % row_count) * 4;
		for (int q = 0; q < 3; q++) {
			int quad[6] = {a + q, a + q + 1, b + q, a + q + 1, b + q + 1, b + q};
			for (int k = 0; k < 6; k++)
				index_buffer[count++] = quad[k];
		}
	}
	SDL_RenderGeometry(renderer, NULL, rows, row_count * 4, index_buffer, count);
}

static void geometry_band_row(SDL_Vertex *row, SDL_FPoint at, SDL_FPoint normal, float half_width,
                              SDL_Color color)
{
	/* Thin lines keep one pixel of coverage but get lighter, not thinner. */
	float inner = half_width - 0.5f;
	SDL_Color solid = color;
	if (inner < 0) {
		solid.a = (Uint8)((float)color.a * (half_width * 2 > 0.2f ? half_width * 2 : 0.2f));
		inner = 0;
	}
	float outer = half_width + 0.5f;
	row[0] = vertex(at.x - normal.x * outer, at.y - normal.y * outer, transparent(color));
	row[1] = vertex(at.x - normal.x * inner, at.y - normal.y * inner, solid);
	row[2] = vertex(at.x + normal.x * inner, at.y + normal.y * inner, solid);
	row[3] = vertex(at.x + normal.x * outer, at.y + normal.y * outer, transparent(color));
}

void geometry_line(SDL_Renderer *renderer, SDL_FPoint from, SDL_FPoint to, float width,
                   SDL_Color color)
{
	float dx = to.x - from.x, dy = to.y - from.y;
	float length = sqrtf(dx * dx + dy * dy);
	if (length < 0.01f)
		return;
	SDL_FPoint normal = {-dy / length, dx / length};
	/* SDL's software renderer blends each triangle through a scratch
	 * surface the size of its bounding box: one long diagonal triangle
	 * costs as much as filling the whole rectangle it spans. Short pieces
	 * keep every box small (a frame went from ~400 M to far fewer
	 * instructions); a GPU does not care either way. */
	int pieces = (int)(length / GEOMETRY_PIECE) + 1;
	if (pieces > GEOMETRY_MAX_POINTS - 1)
		pieces = GEOMETRY_MAX_POINTS - 1;
	SDL_Vertex rows[GEOMETRY_MAX_POINTS * 4];
	for (int k = 0; k <= pieces; k++) {
		float t = (float)k / (float)pieces;
		geometry_band_row(rows + 4 * k, (SDL_FPoint){from.x + dx * t, from.y + dy * t},
		                  normal, width / 2, color);
	}
	geometry_emit_band(renderer, rows, pieces + 1, false);
}

void geometry_dashed_line(SDL_Renderer *renderer, SDL_FPoint from, SDL_FPoint to, float width,
                          float dash, float gap, SDL_Color color)
{
	float dx = to.x - from.x, dy = to.y - from.y;
	float length = sqrtf(dx * dx + dy * dy);
	if (length < 0.01f || dash <= 0)
		return;
	float ux = dx / length, uy = dy / length;
	for (float t = 0; t < length; t += dash + gap) {
		float end = t + dash < length ? t + dash : length;
		geometry_line(renderer, (SDL_FPoint){from.x + ux * t, from.y + uy * t},
		              (SDL_FPoint){from.x + ux * end, from.y + uy * end}, width, color);
	}
}

void geometry_polyline(SDL_Renderer *renderer, const SDL_FPoint *points, int count, bool is_closed,
                       float width, SDL_Color color)
{
	if (count < 2)
		return;
	/* One band through every vertex, normals averaged at the joints, long
	 * segments cut into pieces: one draw call and small triangles. */
	SDL_Vertex rows[GEOMETRY_MAX_POINTS * 4];
	int row_count = 0;
	int segments = is_closed ? count : count - 1;
	bool does_fit = true;
	for (int k = 0; k <= segments && does_fit; k++) {
		int here = k % count;
		SDL_FPoint normal = {0, 0};
		for (int side = -1; side <= 0; side++) {
			int a = here + side, b = a + 1;
			if (!is_closed && (a < 0 || b >= count))
				continue;
			SDL_FPoint p = points[(a + count) % count], q = points[b % count];
			float dx = q.x - p.x, dy = q.y - p.y;
			float length = sqrtf(dx * dx + dy * dy);
			if (length > 0.01f) {
				normal.x += -dy / length;
				normal.y += dx / length;
			}
		}
		float norm = sqrtf(normal.x * normal.x + normal.y * normal.y);
		if (norm < 0.01f)
			continue;
		normal.x /= norm;
		normal.y /= norm;
		if (k > 0) {
			/* Pieces along the segment that ends here. */
			SDL_FPoint from = points[(k - 1) % count], to = points[here];
			float length = hypotf(to.x - from.x, to.y - from.y);
			int pieces = (int)(length / GEOMETRY_PIECE);
			for (int piece = 1; piece <= pieces && does_fit; piece++) {
				float t = (float)piece / (float)(pieces + 1);
				SDL_FPoint at = {from.x + (to.x - from.x) * t,
				                 from.y + (to.y - from.y) * t};
				SDL_FPoint segment_normal = {-(to.y - from.y) / length,
				                             (to.x - from.x) / length};
				does_fit = row_count < GEOMETRY_MAX_POINTS;
				if (does_fit)
					geometry_band_row(rows + 4 * row_count++, at,
					                  segment_normal, width / 2, color);
			}
		}
		does_fit = does_fit && row_count < GEOMETRY_MAX_POINTS;
		if (does_fit)
			geometry_band_row(rows + 4 * row_count++, points[here], normal, width / 2,
			                  color);
	}
	if (does_fit) {
		geometry_emit_band(renderer, rows, row_count, false);
	} else {
		for (int s = 0; s < segments; s++)
			geometry_line(renderer, points[s], points[(s + 1) % count], width, color);
	}
	/* Round joints so thick corners do not show notches; gentle bends (a
	 * circle's outline) need none, and skipping them keeps the triangle
	 * count, which the software renderer pays for one by one, low. */
	if (width <= 2.5f)
		return;
	for (int k = is_closed ? 0 : 1; k < (is_closed ? count : count - 1); k++) {
		SDL_FPoint before = points[(k + count - 1) % count], here = points[k],
		           after = points[(k + 1) % count];
		float ax = here.x - before.x, ay = here.y - before.y;
		float bx = after.x - here.x, by = after.y - here.y;
		float lengths = sqrtf(ax * ax + ay * ay) * sqrtf(bx * bx + by * by);
		if (lengths > 0 && (ax * bx + ay * by) / lengths > 0.94f)
			continue;
		geometry_fill_disc(renderer, here, width / 2, color);
	}
}

void geometry_fill_convex(SDL_Renderer *renderer, const SDL_FPoint *points, int count,
                          SDL_Color color)
{
	if (count < 3 || count > GEOMETRY_MAX_POINTS)
		return;
	SDL_FPoint centre = {0, 0};
	for (int k = 0; k < count; k++) {
		centre.x += points[k].x / (float)count;
		centre.y += points[k].y / (float)count;
	}
	/* vertex 0: centre; then per point an inset solid and an outset clear
	 * vertex along the outward direction from the centre. */
	SDL_Vertex vertices[1 + 2 * GEOMETRY_MAX_POINTS];
	int indices[GEOMETRY_MAX_POINTS * 9];
	int index_count = 0;
	vertices[0] = vertex(centre.x, centre.y, color);
	for (int k = 0; k < count; k++) {
		float dx = points[k].x - centre.x, dy = points[k].y - centre.y;
		float length = sqrtf(dx * dx + dy * dy);
		float ux = length > 0 ? dx / length : 0, uy = length > 0 ? dy / length : 0;
		vertices[1 + 2 * k] =
		    vertex(points[k].x - ux * 0.5f, points[k].y - uy * 0.5f, color);
		vertices[2 + 2 * k] =
		    vertex(points[k].x + ux * 0.5f, points[k].y + uy * 0.5f, transparent(color));
	}
	for (int k = 0; k < count; k++) {
		int inner_a = 1 + 2 * k, outer_a = 2 + 2 * k;
		int inner_b = 1 + 2 * ((k + 1) % count), outer_b = 2 + 2 * ((k + 1) % count);
		int triangles[9] = {0,       inner_a, inner_b, inner_a, outer_a,
		                    inner_b, outer_a, outer_b, inner_b};
		for (int t = 0; t < 9; t++)
			indices[index_count++] = triangles[t];
	}
	SDL_RenderGeometry(renderer, NULL, vertices, 1 + 2 * count, indices, index_count);
}

int geometry_circle_points(SDL_FPoint centre, float radius, SDL_FPoint *points, int capacity)
{
	int count = (int)(radius * 1.2f);
	if (count < 24)
		count = 24;
	if (count > capacity)
		count = capacity;
	for (int k = 0; k < count; k++) {
		float angle = 2 * geometry_pi * (float)k / (float)count;
		points[k] =
		    (SDL_FPoint){centre.x + radius * cosf(angle), centre.y + radius * sinf(angle)};
	}
	return count;
}

float geometry_clear_of_rect(SDL_FPoint origin, SDL_FPoint direction, float from,
                             const SDL_FPoint *offsets, int count, SDL_FRect rect, float gap)
{
	float low_x = INFINITY, high_x = -INFINITY, low_y = INFINITY, high_y = -INFINITY;
	for (int k = 0; k < count; k++) {
		low_x = fminf(low_x, offsets[k].x);
		high_x = fmaxf(high_x, offsets[k].x);
		low_y = fminf(low_y, offsets[k].y);
		high_y = fmaxf(high_y, offsets[k].y);
	}
	/* Past a side when position + pace * s >= limit: left, right, top, bottom. */
	const struct {
		float position, pace, limit;
	} sides[4] = {
	    {-(origin.x + high_x), -direction.x, gap - rect.x},
	    {origin.x + low_x, direction.x, rect.x + rect.w + gap},
	    {-(origin.y + high_y), -direction.y, gap - rect.y},
	    {origin.y + low_y, direction.y, rect.y + rect.h + gap},
	};
	/* A ray that crosses the rectangle has its line under it: the shape
	 * goes past where the ray leaves it, not into a gap before it. */
	const float at[2] = {origin.x, origin.y}, pace[2] = {direction.x, direction.y};
	const float low[2] = {rect.x - gap, rect.y - gap};
	const float high[2] = {rect.x + rect.w + gap, rect.y + rect.h + gap};
	float enter = -INFINITY, leave = INFINITY;
	for (int axis = 0; axis < 2; axis++) {
		if (fabsf(pace[axis]) < 1e-6f) {
			if (at[axis] < low[axis] || at[axis] > high[axis])
				leave = -INFINITY;
			continue;
		}
		float a = (low[axis] - at[axis]) / pace[axis];
		float b = (high[axis] - at[axis]) / pace[axis];
		enter = fmaxf(enter, fminf(a, b));
		leave = fminf(leave, fmaxf(a, b));
	}
	if (leave >= enter && leave > from)
		from = leave;
	float nearest = INFINITY;
	for (int k = 0; k < 4; k++) {
		if (sides[k].position + sides[k].pace * from >= sides[k].limit)
			return from;
		if (sides[k].pace > 1e-6f)
			nearest =
			    fminf(nearest, (sides[k].limit - sides[k].position) / sides[k].pace);
	}
	return isfinite(nearest) ? nearest : from;
}

void geometry_fill_disc(SDL_Renderer *renderer, SDL_FPoint centre, float radius, SDL_Color color)
{
	SDL_FPoint points[GEOMETRY_MAX_POINTS];
	int count = geometry_circle_points(centre, radius, points, GEOMETRY_MAX_POINTS);
	geometry_fill_convex(renderer, points, count, color);
}

void geometry_ring(SDL_Renderer *renderer, SDL_FPoint centre, float radius, float width,
                   SDL_Color color)
{
	SDL_FPoint points[GEOMETRY_MAX_POINTS];
	int count = geometry_circle_points(centre, radius, points, GEOMETRY_MAX_POINTS);
	SDL_Vertex rows[GEOMETRY_MAX_POINTS * 4];
	for (int k = 0; k < count; k++) {
		SDL_FPoint normal = {(points[k].x - centre.x) / radius,
		                     (points[k].y - centre.y) / radius};
		geometry_band_row(rows + 4 * k, points[k], normal, width / 2, color);
	}
	geometry_emit_band(renderer, rows, count, true);
}

void geometry_dashed_ring(SDL_Renderer *renderer, SDL_FPoint centre, float radius, float width,
                          SDL_Color color)
{
	SDL_FPoint points[GEOMETRY_MAX_POINTS];
	int count = geometry_circle_points(centre, radius, points, GEOMETRY_MAX_POINTS);
	/* About twelve dashes whatever the size: reads as "dashed" from afar. */
	int per_dash = count / 24 > 0 ? count / 24 : 1;
	for (int k = 0; k + per_dash <= count; k += 2 * per_dash)
		geometry_polyline(renderer, points + k, per_dash + (k + per_dash < count), false,
		                  width, color);
}

static int geometry_rounded_rect_points(SDL_FRect rect, float radius, SDL_FPoint *points)
{
	if (radius > rect.w / 2)
		radius = rect.w / 2;
	if (radius > rect.h / 2)
		radius = rect.h / 2;
	const int per_corner = 8;
	SDL_FPoint corners[4] = {{rect.x + rect.w - radius, rect.y + rect.h - radius},
	                         {rect.x + radius, rect.y + rect.h - radius},
	                         {rect.x + radius, rect.y + radius},
	                         {rect.x + rect.w - radius, rect.y + radius}};
	int count = 0;
	for (int c = 0; c < 4; c++)
		for (int k = 0; k <= per_corner; k++) {
			float angle = geometry_pi / 2 * ((float)c + (float)k / (float)per_corner);
			points[count++] = (SDL_FPoint){corners[c].x + radius * cosf(angle),
			                               corners[c].y + radius * sinf(angle)};
		}
	return count;
}

void geometry_fill_rounded_rect(SDL_Renderer *renderer, SDL_FRect rect, float radius,
                                SDL_Color color)
{
	/* Whole pixels, so the rectangles and the corners meet without seams. */
	rect = (SDL_FRect){roundf(rect.x), roundf(rect.y), roundf(rect.w), roundf(rect.h)};
	radius = floorf(fminf(radius, fminf(rect.w, rect.h) / 2));
	/* Three plain rectangles and four quarter discs, none overlapping: the
	 * renderer fills rectangles fast, and only the small corners go through
	 * triangles (labels and tags are most of a frame's fills). */
	SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(renderer, color.r, color.g, color.b, color.a);
	SDL_FRect parts[3] = {
	    {rect.x + radius, rect.y, rect.w - 2 * radius, rect.h},
	    {rect.x, rect.y + radius, radius, rect.h - 2 * radius},
	    {rect.x + rect.w - radius, rect.y + radius, radius, rect.h - 2 * radius}};
	SDL_RenderFillRectsF(renderer, parts, 3);
	if (radius < 0.5f)
		return;
	SDL_FPoint centres[4] = {{rect.x + rect.w - radius, rect.y + rect.h - radius},
	                         {rect.x + radius, rect.y + rect.h - radius},
	                         {rect.x + radius, rect.y + radius},
	                         {rect.x + rect.w - radius, rect.y + radius}};
	const int steps = 6;
	for (int c = 0; c < 4; c++) {
		SDL_Vertex vertices[steps + 2];
		int indices[steps * 3];
		vertices[0] = vertex(centres[c].x, centres[c].y, color);
		for (int k = 0; k <= steps; k++) {
			float angle = geometry_pi / 2 * ((float)c + (float)k / (float)steps);
			vertices[k + 1] = vertex(centres[c].x + radius * cosf(angle),
			                         centres[c].y + radius * sinf(angle), color);
		}
		for (int k = 0; k < steps; k++) {
			indices[3 * k] = 0;
			indices[3 * k + 1] = k + 1;
			indices[3 * k + 2] = k + 2;
		}
		SDL_RenderGeometry(renderer, NULL, vertices, steps + 2, indices, steps * 3);
	}
}

void geometry_rounded_rect_outline(SDL_Renderer *renderer, SDL_FRect rect, float radius,
                                   float width, bool is_dashed, SDL_Color color)
{
	SDL_FPoint points[40];
	int count = geometry_rounded_rect_points(rect, radius, points);
	if (!is_dashed) {
		geometry_polyline(renderer, points, count, true, width, color);
		return;
	}
	for (int k = 0; k < count; k++) {
		SDL_FPoint from = points[k], to = points[(k + 1) % count];
		geometry_dashed_line(renderer, from, to, width, width * 2.5f, width * 2.0f, color);
	}
}

void geometry_capsule(SDL_Renderer *renderer, SDL_FPoint from, SDL_FPoint to, float radius,
                      SDL_Color color)
{
	float dx = to.x - from.x, dy = to.y - from.y;
	float length = sqrtf(dx * dx + dy * dy);
	if (length < 0.5f) {
		geometry_fill_disc(renderer, from, radius, color);
		return;
	}
	/* The straight part as a subdivided band, each end as a half disc, so
	 * nothing is blended twice and no triangle spans the whole capsule. */
	geometry_line(renderer, from, to, radius * 2, color);
	float base = atan2f(dy, dx);
	const int steps = 16;
	SDL_FPoint ends[2] = {to, from};
	for (int end = 0; end < 2; end++) {
		SDL_FPoint cap[18];
		for (int k = 0; k <= steps; k++) {
			float angle = base - geometry_pi / 2 +
			              geometry_pi * (float)k / (float)steps +
			              (end ? geometry_pi : 0);
			cap[k] = (SDL_FPoint){ends[end].x + radius * cosf(angle),
			                      ends[end].y + radius * sinf(angle)};
		}
		geometry_fill_convex(renderer, cap, steps + 1, color);
	}
}
