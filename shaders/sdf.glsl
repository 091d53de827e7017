// Signed-distance primitives and operators (after Inigo Quilez's articles), all in millimetres.

float sdSphere(vec3 p, float r) { return length(p) - r; }

float sdCapsule(vec3 p, vec3 a, vec3 b, float r) {
    vec3 pa = p - a, ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - r;
}

// A capsule whose radius goes from ra at a to rb at b (approximate, conservative for small tapers).
float sdTaperedCapsule(vec3 p, vec3 a, vec3 b, float ra, float rb) {
    vec3 pa = p - a, ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - mix(ra, rb, h);
}

// Ellipse distance estimate (the implicit function over its gradient): exact on the curve and
// close to the true distance near it, so offset surfaces (the fat under the skin) keep their
// depth all round, as the core's model has them.
float sdEllipse2(vec2 p, vec2 r) {
    float k0 = length(p / r);
    float k1 = length(p / (r * r));
    return k0 * (k0 - 1.0) / max(k1, 1e-6);
}

// An upright elliptic cylinder (axis y) of half height h with rounded rims of radius rr.
float sdRoundEllipticCylinder(vec3 p, vec2 r, float h, float rr) {
    vec2 d = vec2(sdEllipse2(p.xz, r - rr), abs(p.y) - h + rr);
    return min(max(d.x, d.y), 0.0) + length(max(d, 0.0)) - rr;
}

float sdRoundBox(vec3 p, vec3 b, float r) {
    vec3 q = abs(p) - b + r;
    return length(max(q, 0.0)) + min(max(q.x, max(q.y, q.z)), 0.0) - r;
}

// Capped cylinder along an arbitrary unit axis, rounded edges.
float sdRoundCylinder(vec3 p, vec3 axis, float radius, float halfHeight, float rr) {
    float y = dot(p, axis);
    float x = length(p - axis * y);
    vec2 d = vec2(x - radius + rr, abs(y) - halfHeight + rr);
    return min(max(d.x, d.y), 0.0) + length(max(d, 0.0)) - rr;
}

float sdEllipsoid(vec3 p, vec3 r) {
    float k0 = length(p / r);
    float k1 = length(p / (r * r));
    return k0 * (k0 - 1.0) / max(k1, 1e-6);
}

float smin(float a, float b, float k) {
    float h = max(k - abs(a - b), 0.0) / k;
    return min(a, b) - h * h * k * 0.25;
}

// Distance from p to the segment ab, and where along it (0..1) the closest point lies.
vec2 segmentDistance(vec3 p, vec3 a, vec3 b) {
    vec3 pa = p - a, ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return vec2(length(pa - ba * h), h);
}
