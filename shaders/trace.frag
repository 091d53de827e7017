// The trace pass: sphere-traces the scene front to back, compositing see-through structures,
// and writes linear colour plus the object ids (R: the main contributor, G: a bit per visible one).
#include "sdf.glsl"
#include "scene.glsl"

in vec2 vUv;
layout(location = 0) out vec4 outColour;
layout(location = 1) out uvec2 outIds;

uniform mat4 uInvViewProj;
uniform vec3 uEye;
uniform vec2 uResolution;
uniform float uPixelAngle;  // radians per pixel, vertically
uniform vec3 uBoundsMin;  // the scene's bounding box
uniform vec3 uBoundsMax;

const int MAX_STEPS = 220;
const float CONTRIBUTES = 0.05;  // a structure is "visible" in a pixel at 5 % of its colour

struct Material { vec3 albedo; float roughness; float opacity; float specular; };

Material material(int id) {
    if (id == ID_SKIN)        return Material(vec3(1.00, 0.80, 0.70), 0.5, 0.12, 0.3);
    if (id == ID_VERTEBRAE)   return Material(vec3(0.90, 0.86, 0.76), 0.7, 1.0, 0.15);
    if (id == ID_DISCS)       return Material(vec3(0.55, 0.72, 0.80), 0.45, 1.0, 0.3);
    if (id == ID_SPINAL_CORD) return Material(vec3(0.96, 0.84, 0.55), 0.5, 1.0, 0.25);
    if (id == ID_CSF)         return Material(vec3(0.35, 0.65, 1.00), 0.15, 0.28, 0.6);
    if (id == ID_CATHETER)    return Material(vec3(0.95, 0.95, 1.00), 0.3, 1.0, 0.5);
    if (id == ID_PUMP)        return Material(vec3(0.72, 0.73, 0.76), 0.25, 1.0, 0.9);
    return Material(vec3(1.0, 0.0, 1.0), 1.0, 1.0, 0.0);
}

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

vec3 shade(vec3 p, vec3 n, vec3 rd, Material m) {
    // A key light above the viewer's left shoulder and a cool fill, both tied to the view so
    // every angle is lit; a sky term for ambient light.
    vec3 right = normalize(cross(rd, vec3(0.0, 1.0, 0.0)));
    vec3 key = normalize(-rd + 0.6 * vec3(0.0, 1.0, 0.0) - 0.5 * right);
    vec3 fill = normalize(-rd + 0.8 * right - 0.2 * vec3(0.0, 1.0, 0.0));
    float ndk = dot(n, key);
    float diffuse = max(ndk, 0.0) * 0.95 + max(dot(n, fill), 0.0) * 0.25;
    float sky = 0.10 + 0.06 * n.y;
    vec3 h = normalize(key - rd);
    float shininess = mix(160.0, 8.0, m.roughness);
    float fresnel = 0.04 + 0.96 * pow(1.0 - max(dot(n, -rd), 0.0), 5.0);
    float spec = m.specular * pow(max(dot(n, h), 0.0), shininess) * (shininess + 8.0) / 25.0 * (ndk > 0.0 ? 1.0 : 0.0);
    return m.albedo * (diffuse + sky) + vec3(spec + fresnel * m.specular * 0.3);
}

void main() {
    vec2 ndc = vUv * 2.0 - 1.0;
    vec4 far = uInvViewProj * vec4(ndc, 1.0, 1.0);
    vec3 rd = normalize(far.xyz / far.w - uEye);
    vec3 ro = uEye;

    // Clip the ray to the scene's box; rays that miss it see the background only.
    vec3 inv = 1.0 / rd;
    vec3 t0 = (uBoundsMin - ro) * inv, t1 = (uBoundsMax - ro) * inv;
    float tNear = max(max(min(t0.x, t1.x), min(t0.y, t1.y)), min(t0.z, t1.z));
    float tFar = min(min(max(t0.x, t1.x), max(t0.y, t1.y)), max(t0.z, t1.z));

    vec3 colour = vec3(0.0);
    float transmittance = 1.0;
    float weights[STRUCTURE_COUNT + 1];
    for (int k = 0; k <= STRUCTURE_COUNT; ++k) weights[k] = 0.0;
    float pixel = uPixelAngle;

    float t = max(tNear, 0.0);
    bool inside = tFar > t;
    if (inside && visible(ID_SKIN)) {
        // The skin: every ray meets it first, so it is traced on its own and composited once.
        inside = false;
        for (int step = 0; step < 96 && t < tFar; ++step) {
            float d = sdSkin(ro + rd * t);
            if (d < max(0.05, t * pixel * 0.5)) { inside = true; break; }
            t += d;
        }
        if (inside) {
            vec3 p = ro + rd * t;
            vec3 n = normalOf(p, ID_SKIN, 0.5);
            float f = pow(1.0 - abs(dot(n, rd)), 3.0);
            float w = mix(0.08, 0.55, f);
            colour += w * shade(p, n, rd, material(ID_SKIN));
            weights[ID_SKIN] += w;
            transmittance *= 1.0 - w;
            t += 1.0;
        }
    }
    if (inside) {
        int lastId = -1;  // the see-through surface just crossed, until the ray leaves it
        for (int step = 0; step < MAX_STEPS && t < tFar; ++step) {
            vec3 p = ro + rd * t;
            vec2 hit = map(p);
            float eps = max(0.05, t * pixel * 0.5);
            if (hit.x < eps) {
                int id = int(hit.y);
                if (id == lastId) { t += max(eps * 2.0, 0.6); continue; }
                Material m = material(id);
                vec3 n = normalOf(p, id, max(0.1, eps));
                if (dot(n, rd) > 0.0) n = -n;  // leaving a see-through structure: light its inside
                float opacity = m.opacity;
                if (seeThrough(id)) {
                    float f = pow(1.0 - abs(dot(n, rd)), 3.0);
                    opacity = id == ID_CSF ? mix(0.22, 0.7, f) : mix(0.16, 0.7, f);
                }
                float w = transmittance * opacity;
                colour += w * shade(p, n, rd, m);
                weights[id] += w;
                transmittance *= 1.0 - opacity;
                if (transmittance < 0.01) break;
                lastId = id;
                t += max(eps * 2.0, 0.6);  // step past the surface and go on
                continue;
            }
            if (hit.x > 3.0 * eps) lastId = -1;
            t += hit.x;
        }
    }
    colour += transmittance * background(rd);
    weights[0] += transmittance;

    uint mask = 0u;
    int main = 0;
    for (int k = 0; k <= STRUCTURE_COUNT; ++k) {
        if (weights[k] >= CONTRIBUTES) mask |= 1u << uint(k);
        if (weights[k] > weights[main]) main = k;
    }
    outColour = vec4(colour, 1.0);
    outIds = uvec2(uint(main), mask);
}
