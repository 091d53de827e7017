// Shades a structure's surface (or a cut face) and writes what the pass wants of it. Compiled once
// per variant (llvmpipe runs every branch of a shader for every pixel, so each pass gets only the
// code it needs), chosen by the #define the renderer puts before it:
//   SURFACE_OPAQUE   colour and ids of opaque surfaces, and every cut face's colour
//   SURFACE_LAYER    a see-through layer's colour (premultiplied), lit per vertex
//   SURFACE_IDS      a see-through layer's opacity into its slot, for the ids of a still view
//   SURFACE_STENCIL  nothing: the stencil counts the faces
// and, for the structures with effects of their own, SKIN_EFFECTS (incisions, relief) and
// CSF_DRUG (the drug glowing by level).
//
// Sections: inputs | lighting | the look of a surface | main
#if defined(SURFACE_STENCIL)
void main() {}
#else
in vec3 vWorld;
in vec3 vNormal;
in float vLevel;
#if defined(SURFACE_OPAQUE) || defined(SURFACE_LAYER)
in vec2 vLight;
#endif
#if defined(SURFACE_LAYER) || defined(SURFACE_IDS)
in float vOpacity;  // a see-through layer's opacity, per vertex
#endif
#if defined(SURFACE_LAYER)
in vec2 vLayerLight;  // diffuse factor and specular, shaded per vertex
in vec3 vLayerColour;  // ... and the colour they give, with the highlight
#endif
#if defined(SURFACE_IDS)
// Three slots per target, and the opacity in each alpha: composited back to front like the colour,
// each slot ends holding its structure's share of the pixel, and alpha the share of all layers.
layout(location = 0) out vec4 outSlots[SLOT_TARGETS];
uniform int uSlot;  // this structure's slot
#elif defined(SURFACE_LAYER)
// Blended with two sources: the colour the layer adds, and per channel what of the light behind
// it passes (1 - opacity, filtered by uFilter: the skin tints what lies under it in its tone).
layout(location = 0, index = 0) out vec4 outColour;
layout(location = 0, index = 1) out vec4 outBehind;
uniform vec3 uFilter;
#else
layout(location = 0) out vec4 outColour;
layout(location = 1) out uint outId;  // the opaque structure (its bit follows from it)
#endif

// ---- inputs -----------------------------------------------------------------------------

uniform int uId;
uniform vec3 uAlbedo;
uniform float uRoughness;
uniform float uMetal;
uniform bool uSeeThrough;
uniform bool uHighlight;     // a warm glow that points at the structure
uniform vec3 uCapNormal;     // non-zero: this is the cut face, lit with this normal
uniform vec3 uEye;

// The skin: incisions and the dermatomes where relief may be felt.
uniform vec3 uIncisionBackA;
uniform vec3 uIncisionBackB;
uniform vec3 uIncisionBellyA;
uniform vec3 uIncisionBellyB;
uniform vec2 uIncisionOpen;
uniform float uDressings;  // > 0: a white pad over each closed incision (its opacity)
uniform float uRelief[LEVEL_COUNT];
uniform vec3 uCatheterTip;  // the catheter's radiopaque tip is marked dark blue
// The drug in the CSF: per level, its colour (linear) and its place on the log scale (a).
uniform vec4 uSpread[LEVEL_COUNT];

#include "lighting.glsl"

// ---- the look of a surface --------------------------------------------------------------
// Distance from a skin point to an incision's line, ignoring the part along the skin's normal (the
// line is straight, the skin curves under it).
float incisionDistance(vec3 p, vec3 n, vec3 a, vec3 b) {
    vec3 ab = b - a;
    vec3 closest = a + ab * clamp(dot(p - a, ab) / dot(ab, ab), 0.0, 1.0);
    vec3 v = p - closest;
    float along = dot(v, n);
    return abs(along) > 40.0 ? 1e5 : length(v - n * along);
}

struct Surface {
    vec3 albedo;
    float opacity;
    vec3 emission;  // light of its own (the drug's glow, the highlight), not shaded
};

Surface surfaceLook(vec3 n, vec3 v, bool cap) {
    Surface s = Surface(uAlbedo, 1.0, vec3(0.0));
#if defined(SURFACE_LAYER) || defined(SURFACE_IDS)
    if (uSeeThrough) s.opacity = cap ? 0.45 : vOpacity;
#else
    if (uSeeThrough) s.opacity = 0.45;  // a see-through structure comes here only as its cut face
#endif
#if defined(SKIN_EFFECTS)
    if (!cap) {
        // An open incision: a red line that narrows as it is closed, measured along the skin.
        float back = incisionDistance(vWorld, n, uIncisionBackA, uIncisionBackB) - 2.5 * uIncisionOpen.x;
        float belly = incisionDistance(vWorld, n, uIncisionBellyA, uIncisionBellyB) - 2.5 * uIncisionOpen.y;
        int band = int(floor(vLevel));
        if ((uIncisionOpen.x > 0.0 && back < 0.0) || (uIncisionOpen.y > 0.0 && belly < 0.0)) {
            s.albedo = vec3(0.55, 0.05, 0.05);
            s.opacity = 0.9;
        } else if (uDressings > 0.0 && min(back, belly) < 14.0) {
            // A dressing: a pad 28 mm wide over the closed cut, a little longer than it.
            s.albedo = vec3(0.92, 0.93, 0.95);
            s.opacity = max(s.opacity, 0.95 * uDressings);
        } else if (band >= 7 && band <= 19 && uRelief[band] > 0.5) {  // T1 ... L1
            s.albedo = vec3(0.35, 0.85, 0.75);
            s.opacity = max(s.opacity, 0.22);
        }
    }
#endif
#if defined(SURFACE_OPAQUE)
    if (uId == ID_CATHETER && !cap && uMetal < 0.5 && length(vWorld - uCatheterTip) < 6.0) s.albedo = vec3(0.05, 0.18, 0.65);
#endif
#if defined(CSF_DRUG)
    if (!cap) {
        // The drug glows in the colour of its concentration; the fluid behind the surface is
        // about a sac's width deep, more where the eye looks along the surface.
        int i = clamp(int(vLevel), 0, LEVEL_COUNT - 2);
        vec4 drug = mix(uSpread[i], uSpread[i + 1], clamp(vLevel - float(i), 0.0, 1.0));
        float depth_mm = 10.0 / max(abs(dot(n, v)), 0.3);
        float alpha = drug.a > 0.0 ? 1.0 - exp(-0.6 * drug.a * depth_mm) : 0.0;
        s.emission = drug.rgb * 2.5 * alpha;
        s.opacity = 1.0 - (1.0 - s.opacity) * (1.0 - alpha);
    }
#endif
#if !defined(SURFACE_IDS)
    if (uHighlight) {
        float rim = pow(1.0 - abs(dot(n, v)), 2.0);
        s.emission += vec3(1.0, 0.55, 0.12) * (0.25 + 0.9 * rim);
    }
#endif
    return s;
}

// ---- main -------------------------------------------------------------------------------
#if defined(SURFACE_IDS)
// The layer's opacity into its slot and into every target's alpha.
void writeSlots(float opacity) {
    for (int t = 0; t < SLOT_TARGETS; ++t) {
        vec3 slot = vec3(equal(ivec3(3 * t, 3 * t + 1, 3 * t + 2), ivec3(uSlot)));
        outSlots[t] = vec4(slot * opacity, opacity);
    }
}
#endif

void main() {
    bool cap = uCapNormal != vec3(0.0);
#if !defined(SKIN_EFFECTS) && !defined(CSF_DRUG) && defined(SURFACE_LAYER)
    // A plain layer: everything was worked out per vertex.
    outColour = vec4(vLayerColour, 1.0) * vOpacity;
    outBehind = vec4(uFilter * (1.0 - vOpacity), 1.0);
#elif !defined(SKIN_EFFECTS) && !defined(CSF_DRUG) && defined(SURFACE_IDS)
    writeSlots(cap ? 0.45 : vOpacity);
#else
    vec3 v = normalize(uEye - vWorld);
    vec3 n = cap ? uCapNormal : normalize(vNormal);
    if (dot(n, v) < 0.0) n = -n;  // the inside of a see-through structure, seen through it
    Surface s = surfaceLook(n, v, cap);
#if defined(SURFACE_OPAQUE)
    float shadow = cap ? 1.0 : vLight.x, ao = cap ? 0.8 : vLight.y;
    vec3 colour = shade(n, v, s.albedo, uRoughness, uMetal, shadow, ao) + s.emission;
    outColour = vec4(colour * s.opacity, s.opacity);
    outId = uint(uId);
#elif defined(SURFACE_LAYER)
    vec3 colour = s.albedo * vLayerLight.x + vLayerLight.y + s.emission;
    outColour = vec4(colour * s.opacity, s.opacity);
    outBehind = vec4(uFilter * (1.0 - s.opacity), 1.0);  // the layers leave the ids to the opaque pass
#else
    writeSlots(s.opacity);
#endif
#endif
}
#endif
