// The trace pass: one sample per pixel. Sphere-traces the scene front to back, compositing
// see-through structures, with soft shadows and ambient occlusion on the opaque surface it ends
// on. Writes linear colour (summed over samples by additive blending) and, on the first sample,
// the object ids (R: the structure seen most, G: a bit per structure seen at all).
//
// Sections: inputs | materials | lighting | cut | main
#include "sdf.glsl"
#include "scene.glsl"

// ---- inputs -----------------------------------------------------------------------------
in vec2 vUv;
layout(location = 0) out vec4 outColour;
layout(location = 1) out uvec2 outIds;

uniform mat4 uInvViewProj;
uniform vec3 uEye;
uniform vec2 uResolution;   // pixels traced (reduced while the camera moves)
uniform vec2 uJitter;       // sub-pixel offset of this sample, in pixels (0 = centre)
uniform int uSample;        // sample index: seeds the shadow and occlusion patterns
uniform float uPixelAngle;  // radians per pixel, vertically
uniform vec3 uBoundsMin;    // the scene's bounding box
uniform vec3 uBoundsMax;
uniform vec4 uCut;          // cut plane: unit normal, offset; what lies where dot(n, p) > offset is cut away
uniform bool uCutOn;
uniform bool uEffects;      // soft shadows and ambient occlusion
uniform vec3 uIncisionBackA;    // the incisions on the skin, and how open each is (0: none)
uniform vec3 uIncisionBackB;
uniform vec3 uIncisionBellyA;
uniform vec3 uIncisionBellyB;
uniform vec2 uIncisionOpen;

const int MAX_STEPS = 220;
const float CONTRIBUTES = 0.05;  // a structure is "visible" in a pixel at 5 % of its colour

// ---- materials --------------------------------------------------------------------------
struct Material {
    vec3 albedo;
    float roughness;
    float metal;
    float opacity;    // opaque structures: 1; see-through ones vary with the view angle
};

Material material(int id, vec3 p) {
    if (id == ID_SKIN)              return Material(vec3(0.98, 0.78, 0.66), 0.55, 0.0, 1.0);
    if (id == ID_FAT)               return Material(vec3(1.00, 0.86, 0.45), 0.45, 0.0, 1.0);
    if (id == ID_MUSCLE)            return Material(vec3(0.62, 0.20, 0.18), 0.55, 0.0, 1.0);
    if (id == ID_RIBS)              return Material(vec3(0.92, 0.88, 0.78), 0.7, 0.0, 1.0);
    if (id == ID_PELVIS)            return Material(vec3(0.90, 0.85, 0.74), 0.7, 0.0, 1.0);
    if (id == ID_VERTEBRAE)         return Material(vec3(0.90, 0.86, 0.76), 0.7, 0.0, 1.0);
    if (id == ID_SACRUM)            return Material(vec3(0.86, 0.80, 0.70), 0.7, 0.0, 1.0);
    if (id == ID_DISCS)             return Material(vec3(0.55, 0.72, 0.80), 0.4, 0.0, 1.0);
    if (id == ID_LIGAMENTUM_FLAVUM) return Material(vec3(0.95, 0.80, 0.25), 0.45, 0.0, 1.0);
    if (id == ID_EPIDURAL_SPACE)    return Material(vec3(1.00, 0.90, 0.55), 0.5, 0.0, 1.0);
    if (id == ID_DURA)              return Material(vec3(0.90, 0.92, 0.95), 0.35, 0.0, 1.0);
    if (id == ID_CSF)               return Material(vec3(0.35, 0.65, 1.00), 0.1, 0.0, 1.0);
    if (id == ID_SPINAL_CORD)       return Material(vec3(0.96, 0.84, 0.58), 0.5, 0.0, 1.0);
    if (id == ID_NERVE_ROOTS)       return Material(vec3(1.00, 0.93, 0.62), 0.5, 0.0, 1.0);
    if (id == ID_CATHETER) {
        // Silicone tube; its radiopaque tip is marked dark blue. The needle is steel.
        if (uNeedleOn && segmentDistance(p, uNeedleA, uNeedleB).x < 1.0) return Material(vec3(0.8, 0.82, 0.85), 0.2, 1.0, 1.0);
        bool tip = length(p - uTubePoint[0].xyz) < 6.0;
        return Material(tip ? vec3(0.05, 0.18, 0.65) : vec3(0.93, 0.94, 0.98), 0.3, 0.0, 1.0);
    }
    if (id == ID_PUMP)              return Material(vec3(0.76, 0.74, 0.72), 0.28, 1.0, 1.0);  // titanium
    return Material(vec3(1.0, 0.0, 1.0), 1.0, 0.0, 1.0);
}

// How much a see-through surface hides what is behind it: more at grazing angles.
float seeThroughOpacity(int id, float grazing) {
    if (id == ID_CSF) return mix(0.22, 0.7, grazing);
    if (id == ID_FAT) return mix(0.06, 0.45, grazing);
    if (id == ID_DURA || id == ID_EPIDURAL_SPACE) return mix(0.12, 0.55, grazing);
    if (id == ID_MUSCLE) return mix(0.07, 0.4, grazing);  // x-rayed: a hint of the wall, no more
    return mix(0.16, 0.7, grazing);
}

// ---- lighting ---------------------------------------------------------------------------
vec3 normalOf(vec3 p, int id, float eps) {
    // Tetrahedron technique; the loop keeps the compiled shader small.
    vec3 n = vec3(0.0);
    for (int k = 0; k < 4; ++k) {
        vec3 e = 0.5773 * (2.0 * vec3(((k + 3) >> 1) & 1, (k >> 1) & 1, k & 1) - 1.0);
        n += e * sdStructure(p + e * eps, id);
    }
    return normalize(n);
}

vec3 background(vec3 rd) {
    float t = clamp(rd.y * 0.5 + 0.5, 0.0, 1.0);
    return mix(vec3(0.010, 0.014, 0.022), vec3(0.045, 0.065, 0.10), t);
}

float hash(vec2 v) { return fract(sin(dot(v, vec2(12.9898, 78.233))) * 43758.5453); }

// Soft shadow towards the light from opaque structures (after Inigo Quilez's penumbra estimate)
// and ambient occlusion from five samples along the normal; one loop, so that the shader holds
// one copy of map() for both. x: light reaching p, y: ambient light reaching p.
const int SHADOW_STEPS = 24;
const int OCCLUSION_TAPS = 5;

vec2 shadowAndOcclusion(vec3 p, vec3 n, vec3 l, float jitter) {
    gOpaqueOnly = true;
    float lit = 1.0, t = 1.5 + 2.0 * jitter;
    float hidden = 0.0, weight = 1.0;
    for (int k = 0; k < SHADOW_STEPS + OCCLUSION_TAPS; ++k) {
        bool shadowStep = k < SHADOW_STEPS;
        if (shadowStep && (lit < 0.02 || t > 160.0)) { k = SHADOW_STEPS - 1; continue; }
        float h = (float(k - SHADOW_STEPS + 1) + jitter) * 3.0;
        float d = map(shadowStep ? p + l * t : p + n * h).x;
        if (shadowStep) {
            lit = min(lit, 8.0 * d / t);
            t += clamp(d, 1.0, 20.0);
        } else {
            hidden += weight * max(h - d, 0.0);
            weight *= 0.7;
        }
    }
    gOpaqueOnly = false;
    return vec2(clamp(lit, 0.0, 1.0), clamp(1.0 - hidden / 14.0, 0.0, 1.0));
}

struct Lights { vec3 key; vec3 fill; };

Lights lightsFor(vec3 rd) {
    // A key light above the viewer's left shoulder and a cool fill, both tied to the view so
    // every angle is lit.
    vec3 right = normalize(cross(rd, vec3(0.0, 1.0, 0.0)));
    Lights l;
    l.key = normalize(-rd + 0.6 * vec3(0.0, 1.0, 0.0) - 0.5 * right);
    l.fill = normalize(-rd + 0.8 * right - 0.2 * vec3(0.0, 1.0, 0.0));
    return l;
}

// Lambert diffuse plus a GGX specular lobe with Schlick's Fresnel; metals tint their specular.
vec3 shade(vec3 n, vec3 rd, Material m, Lights lights, float shadow, float ao) {
    vec3 v = -rd;
    vec3 f0 = mix(vec3(0.04), m.albedo, m.metal);
    vec3 diffuseColour = m.albedo * (1.0 - m.metal);
    float a2 = max(m.roughness * m.roughness, 0.02);
    a2 *= a2;
    vec3 colour = vec3(0.0);
    for (int k = 0; k < 2; ++k) {
        vec3 l = k == 0 ? lights.key : lights.fill;
        float strength = k == 0 ? 2.6 * shadow : 0.55;
        float ndl = max(dot(n, l), 0.0);
        if (ndl <= 0.0) continue;
        vec3 h = normalize(l + v);
        float ndh = max(dot(n, h), 0.0), ndv = max(dot(n, v), 1e-3);
        float dd = ndh * ndh * (a2 - 1.0) + 1.0;
        float distribution = a2 / (3.14159 * dd * dd);
        vec3 fresnel = f0 + (1.0 - f0) * pow(1.0 - max(dot(h, v), 0.0), 5.0);
        float visibility = 0.25 / max(ndl * (1.0 - a2 * 0.5) + a2 * 0.5, 0.1) / max(ndv * (1.0 - a2 * 0.5) + a2 * 0.5, 0.1);
        colour += strength * ndl * (diffuseColour / 3.14159 + distribution * visibility * fresnel);
    }
    // Sky and ground ambient; metals also reflect a soft environment.
    float sky = 0.16 + 0.08 * n.y;
    colour += ao * sky * (diffuseColour + m.metal * f0 * 0.9);
    return colour;
}

// ---- cut --------------------------------------------------------------------------------
// Clips [t0, t1] to the kept side of the cut plane; returns false when nothing is left.
bool clipToCut(vec3 ro, vec3 rd, inout float t0, inout float t1, out bool clippedStart) {
    clippedStart = false;
    if (!uCutOn) return true;
    float side = dot(uCut.xyz, ro) - uCut.w;  // > 0: the eye is in the part cut away
    float along = dot(uCut.xyz, rd);
    if (abs(along) < 1e-6) return side <= 0.0;
    float tPlane = -side / along;
    if (side > 0.0) {
        if (along > 0.0) return false;
        if (tPlane > t0) { t0 = tPlane; clippedStart = true; }
    } else if (along > 0.0) {
        t1 = min(t1, tPlane);
    }
    return t1 > t0;
}

// ---- ray intervals ----------------------------------------------------------------------
// Where the ray runs through each group's box and each catheter chunk's sphere: the march
// looks only at what can be there and jumps over the space between.
struct RayBounds {
    vec2 group[GROUP_COUNT];
    vec2 chunk[CATHETER_CHUNKS_MAX];
};

vec2 boxInterval(vec3 ro, vec3 inv, vec3 lo, vec3 hi) {
    vec3 a = (lo - ro) * inv, b = (hi - ro) * inv;
    return vec2(max(max(min(a.x, b.x), min(a.y, b.y)), min(a.z, b.z)), min(min(max(a.x, b.x), max(a.y, b.y)), max(a.z, b.z)));
}

vec2 sphereInterval(vec3 ro, vec3 rd, vec4 sphere) {
    vec3 oc = ro - sphere.xyz;
    float b = dot(oc, rd);
    float h = b * b - dot(oc, oc) + sphere.w * sphere.w;
    if (h < 0.0) return vec2(1e9, -1e9);
    h = sqrt(h);
    return vec2(-b - h, -b + h);
}

RayBounds rayBounds(vec3 ro, vec3 rd) {
    RayBounds b;
    vec3 inv = 1.0 / rd;
    for (int g = 0; g < GROUP_COUNT; ++g) b.group[g] = boxInterval(ro, inv, uGroupMin[g].xyz, uGroupMax[g].xyz);
    for (int c = 0; c < CATHETER_CHUNKS_MAX; ++c) {
        b.chunk[c] = c < uCounts.y ? sphereInterval(ro, rd, uChunkBound[c] + vec4(0.0, 0.0, 0.0, 1.0)) : vec2(1e9, -1e9);
    }
    return b;
}

// The groups and chunks whose interval holds t, and where the next interval after t starts.
void activeAt(RayBounds b, float t, out uint groups, out uint chunks, out float next) {
    groups = 0u;
    chunks = 0u;
    next = 1e9;
    for (int g = 0; g < GROUP_COUNT; ++g) {
        if (t >= b.group[g].x && t <= b.group[g].y) groups |= 1u << uint(g);
        else if (b.group[g].x > t && b.group[g].x <= b.group[g].y) next = min(next, b.group[g].x);
    }
    for (int c = 0; c < CATHETER_CHUNKS_MAX; ++c) {
        if (t >= b.chunk[c].x && t <= b.chunk[c].y) chunks |= 1u << uint(c);
        else if (b.chunk[c].x > t && b.chunk[c].x <= b.chunk[c].y) next = min(next, b.chunk[c].x);
    }
}

// ---- wall layers ------------------------------------------------------------------------
// Sphere-traces f(t) = sdBody(p) + depth(p) = 0 along the ray from t towards tEnd (either way):
// the fascia (kind 1) or the inside of the wall's muscle (kind 2). Returns -1 when not reached.
float wallDepth(vec3 p, int kind) {
    vec4 s = torsoSection(p.y);
    float fascia = sdFasciaAt(p, s);
    return kind == 1 ? fascia : fascia + uWall.w;
}

float findLayer(vec3 ro, vec3 rd, float t, float tEnd, int kind) {
    float dir = sign(tEnd - t);
    for (int k = 0; k < 32; ++k) {
        float d = wallDepth(ro + rd * t, kind);
        if (abs(d) < 0.4) return t;
        t += dir * max(abs(d), 0.4);
        if ((tEnd - t) * dir < 0.0) return -1.0;
    }
    return -1.0;
}

// The skin along the ray from t towards tEnd (either way); -1 when the ray misses the body.
float findSkin(vec3 ro, vec3 rd, float t, float tEnd, float pixel) {
    float dir = sign(tEnd - t);
    for (int k = 0; k < 96; ++k) {
        float d = sdSkin(ro + rd * t);
        if (d < max(0.05, t * pixel * 0.5)) return t;
        t += dir * d;
        if ((tEnd - t) * dir < 0.0) return -1.0;
    }
    return -1.0;
}

// The wall's surfaces along the ray, in order: skin, fat under it, fascia, inside of the
// muscle; then the same on the way out (but the skin, composited once). x: t, y: structure id.
const int EVENT_COUNT = 7;

// ---- main -------------------------------------------------------------------------------
vec3 gColour;
float gTransmittance;
float gWeights[STRUCTURE_COUNT + 1];
int gOpaque = 0;  // the opaque structure the ray ended on, if any

// Adds one surface to the pixel; returns false once nothing behind it can show.
bool composite(vec3 p, vec3 n, vec3 rd, int id, float opacity, Lights lights, float shadow, float ao, vec3 tint) {
    float w = gTransmittance * opacity;
    Material m = material(id, p);
    if (tint != vec3(0.0)) m.albedo = tint;
    gColour += w * shade(n, rd, m, lights, shadow, ao);
    if (((uHighlight >> uint(id)) & 1u) != 0u) {
        // A warm glow, stronger at the outline, so the eye finds what the step is about.
        float rim = pow(1.0 - abs(dot(n, rd)), 2.0);
        gColour += w * vec3(1.0, 0.55, 0.12) * (0.25 + 0.9 * rim);
    }
    gWeights[id] += w;
    gTransmittance *= 1.0 - opacity;
    if (opacity >= 1.0) gOpaque = id;
    return gTransmittance >= 0.01;
}

// The drug in the CSF over a stretch of the ray: it glows in the colour of its concentration and
// hides what lies behind in proportion.
bool absorbMedium(float level, float length_mm, Lights lights) {
    float u = spreadScale(level);
    if (u <= 0.0) return true;
    float alpha = 1.0 - exp(-0.6 * u * length_mm);
    float w = gTransmittance * alpha;
    gColour += w * viridis(u) * 2.5;
    gWeights[ID_CSF] += w;
    gTransmittance *= 1.0 - alpha;
    return gTransmittance >= 0.01;
}

// Whether the skin here lies in a dermatome where relief may be felt. The trunk's bands (T1-L1)
// run round the body and fall towards the front, like the ribs: a band is found from the height
// raised by how far forward the point is.
float reliefAt(vec3 p) {
    vec4 s = torsoSection(p.y);
    float angle = atan(abs(p.x) / s.y, (p.z - s.w) / s.z);  // 0 front, pi back
    float lift = 90.0 * pow(1.0 - angle / 3.14159, 1.2);
    float y = p.y + lift;
    for (int k = 7; k <= 19; ++k) {  // T1 ... L1: the band between this nerve's body and the next
        float top = uLevelA[k].x, bottom = uLevelA[k + 1].x;
        if (y <= top && y > bottom) return uRelief[k];
    }
    return 0.0;
}

// Distance from a skin point to an incision's line, ignoring the part along the skin's normal (the
// line is straight, the skin curves under it).
float incisionDistance(vec3 p, vec3 n, vec3 a, vec3 b) {
    vec3 ab = b - a;
    vec3 closest = a + ab * clamp(dot(p - a, ab) / dot(ab, ab), 0.0, 1.0);
    vec3 v = p - closest;
    float along = dot(v, n);
    return abs(along) > 40.0 ? 1e5 : length(v - n * along);
}

// Composites one surface: the skin (thin, more at the outline), a see-through structure, an
// opaque one with its shadow and occlusion, or a cut face (capNormal set). The one place that
// shades, so the compiled shader holds one copy of the structures' distance functions.
bool compositeSurface(vec3 p, vec3 rd, int id, float eps, Lights lights, float noise, vec3 capNormal) {
    bool cap = capNormal != vec3(0.0);
    vec3 n = cap ? capNormal : normalOf(p, id, max(0.1, eps));
    if (dot(n, rd) > 0.0) n = -n;  // leaving a see-through structure: light its inside
    float grazing = pow(1.0 - abs(dot(n, rd)), 3.0);
    float opacity = 1.0, shadow = 1.0, ao = 1.0;
    if (id == ID_SKIN) {
        opacity = mix(0.08, 0.55, grazing);
        // An open incision: a red line that narrows as it is closed, measured along the skin.
        float back = incisionDistance(p, n, uIncisionBackA, uIncisionBackB) - 2.5 * uIncisionOpen.x;
        float belly = incisionDistance(p, n, uIncisionBellyA, uIncisionBellyB) - 2.5 * uIncisionOpen.y;
        if ((uIncisionOpen.x > 0.0 && back < 0.0) || (uIncisionOpen.y > 0.0 && belly < 0.0)) {
            return composite(p, n, rd, id, 0.9, lights, 1.0, 1.0, vec3(0.55, 0.05, 0.05));
        }
        if (reliefAt(p) > 0.5) return composite(p, n, rd, id, max(opacity, 0.22), lights, 1.0, 1.0, vec3(0.35, 0.85, 0.75));
    } else if (seeThrough(id)) {
        opacity = cap ? 0.45 : seeThroughOpacity(id, grazing);
    } else if (cap) {
        ao = 0.8;
    } else if (uEffects) {
        vec2 light = shadowAndOcclusion(p + n * max(0.3, 2.0 * eps), n, lights.key, noise);
        shadow = light.x;
        ao = light.y;
    }
    return composite(p, n, rd, id, opacity, lights, shadow, ao, vec3(0.0));
}

void main() {
    vec2 ndc = (gl_FragCoord.xy - 0.5 + uJitter) / uResolution * 2.0 - 1.0;
    vec4 far = uInvViewProj * vec4(ndc, 1.0, 1.0);
    vec3 rd = normalize(far.xyz / far.w - uEye);
    vec3 ro = uEye;
    Lights lights = lightsFor(rd);
    float noise = hash(gl_FragCoord.xy + float(uSample) * vec2(17.3, 5.9));
    float pixel = uPixelAngle;
    gColour = vec3(0.0);
    gTransmittance = 1.0;
    for (int k = 0; k <= STRUCTURE_COUNT; ++k) gWeights[k] = 0.0;

    // Clip the ray to the scene's box, then to the cut; rays that miss see the background only.
    vec3 inv = 1.0 / rd;
    vec2 box = boxInterval(ro, inv, uBoundsMin, uBoundsMax);
    float t0 = max(box.x, 0.0), t1 = box.y;
    bool clippedStart;
    bool alive = t1 > t0 && clipToCut(ro, rd, t0, t1, clippedStart);

    // The body's outline along the ray: in through the skin, out through it again.
    float tIn = -1.0, tOut = -1.0;
    for (int k = 0; k < 2 && alive; ++k) {  // a loop keeps one copy of the skin in the shader
        float found = findSkin(ro, rd, k == 0 ? max(box.x, 0.0) : box.y, k == 0 ? box.y : tIn + 1.0, pixel);
        if (found < 0.0) break;
        if (k == 0) tIn = found; else tOut = found;
    }
    alive = alive && tIn >= 0.0 && tOut > t0 && tIn < t1;

    vec2 events[EVENT_COUNT];
    for (int k = 0; k < EVENT_COUNT; ++k) events[k] = vec2(1e9, 0.0);
    if (alive) {
        // In: the fascia, then the inside of the muscle; out: the same from the far side.
        float layer[4];
        for (int k = 0; k < 4; ++k) {
            bool possible = k == 0 || (k == 3 ? layer[1] > 0.0 && layer[2] > 0.0 : layer[0] > 0.0);
            float from = k == 0 ? tIn + 0.5 : (k == 1 ? layer[0] + 0.5 : (k == 2 ? tOut - 0.5 : layer[2] - 0.5));
            float to = k < 2 ? tOut : layer[k - 2];
            layer[k] = possible ? findLayer(ro, rd, from, to, 1 + (k & 1)) : -1.0;
        }
        float fasciaIn = layer[0], innerIn = layer[1], fasciaOut = layer[2], innerOut = layer[3];
        int wallId = visible(ID_MUSCLE) ? ID_MUSCLE : ID_FAT;
        events[0] = vec2(tIn, ID_SKIN);
        events[1] = vec2(tIn + 0.4, ID_FAT);
        if (fasciaIn > 0.0) events[2] = vec2(fasciaIn, wallId);
        if (innerIn > 0.0) events[3] = vec2(innerIn, ID_MUSCLE);
        if (innerOut > 0.0) events[4] = vec2(innerOut, ID_MUSCLE);
        if (fasciaOut > 0.0) events[5] = vec2(fasciaOut, wallId);
        events[6] = vec2(tOut - 0.4, ID_FAT);
        if (tIn >= t0) t0 = tIn;  // else the cut starts the ray inside the body
        t1 = min(t1, tOut);
    }
    if (alive) {
        RayBounds bounds = rayBounds(ro, rd);
        int nextEvent = 0;
        int lastId = -1;  // the see-through surface just crossed, until the ray leaves it
        float t = t0;
        bool fresh = false;  // whether `hit` and `next` belong to the current t
        bool capPending = clippedStart;  // the cut face, if the cut starts the ray inside something
        vec2 hit = vec2(1e9, 0.0);
        float next = 1e9;
        // One surface per pass through the loop (the cut face, the next wall layer or the next
        // surface inside, whichever is nearest), composited at a single call site.
        for (int step = 0; step < MAX_STEPS && alive; ++step) {
            if (!fresh) {
                uint groups, chunks;
                activeAt(bounds, t, groups, chunks, next);
                if (capPending) {
                    groups = 0xffffffffu;
                    chunks = 0xffffffffu;
                    gHolding = true;
                }
                hit = groups != 0u || chunks != 0u ? mapGroups(ro + rd * t, groups, chunks) : vec2(1e9, 0.0);
                gHolding = false;
                fresh = true;
            }
            float eps = max(0.05, t * pixel * 0.5);
            bool surface = hit.x < eps && int(hit.y) != lastId;
            float upTo = surface ? t : min(min(t + hit.x, next), t1);
            int id = 0;
            float at = t, width = eps;
            vec3 capNormal = vec3(0.0);
            if (capPending) {
                capPending = false;
                fresh = false;
                // Inside the spine, a bone, the pump...? Else in the wall's fat or muscle?
                vec3 p = ro + rd * t;
                float fascia = wallDepth(p, 1);
                if (hit.x < 0.0) id = int(hit.y);
                else if (fascia > 0.0 && sdSkin(p) < 0.0) id = ID_FAT;
                else if (fascia < 0.0 && wallDepth(p, 2) > 0.0) id = ID_MUSCLE;
                if (id == 0 || !visible(id)) continue;
                capNormal = -sign(dot(uCut.xyz, rd)) * uCut.xyz;
            } else if (nextEvent < EVENT_COUNT && events[nextEvent].x <= upTo) {
                vec2 e = events[nextEvent++];
                if (int(e.y) == 0 || !visible(int(e.y)) || e.x < t0 || e.x > t1) continue;
                id = int(e.y);
                at = e.x;
                width = 0.3;
            } else if (t >= t1) {
                break;
            } else if (surface) {
                id = int(hit.y);
                lastId = id;
                t += max(eps * 2.0, 0.6);  // step past the surface and go on
                fresh = false;
            } else {
                if (hit.x > 3.0 * eps) lastId = -1;
                float from = t;
                bool medium = uSpreadOn && gInCsf;
                float stride = medium ? min(hit.x, 2.0) : hit.x;  // short steps through the drug
                t = hit.x < eps ? t + max(eps * 2.0, 0.6) : min(min(t + stride, next), t1);  // still crossing the last surface
                fresh = false;
                if (medium) alive = absorbMedium(gCsfLevel, t - from, lights);
                continue;
            }
            alive = compositeSurface(ro + rd * at, rd, id, width, lights, noise, capNormal);
        }
    }
    gColour += gTransmittance * background(rd);
    gWeights[0] += gTransmittance;

    // R: what a person points at here: the opaque structure seen through any see-through
    // layers, else the see-through structure seen most (the background only where nothing shows).
    uint mask = 0u;
    int main = 0;
    for (int k = 0; k <= STRUCTURE_COUNT; ++k) {
        if (gWeights[k] >= CONTRIBUTES) mask |= 1u << uint(k);
        if (k > 0 && gWeights[k] >= CONTRIBUTES && (main == 0 || gWeights[k] > gWeights[main])) main = k;
    }
    if (gOpaque > 0 && gWeights[gOpaque] >= 2.0 * CONTRIBUTES) main = gOpaque;
    outColour = vec4(gColour, 1.0);
    outIds = uvec2(uint(main), mask);
}
