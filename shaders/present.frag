// The present pass: averages the gathered samples (or puts a single one over the backdrop),
// tone-maps the linear image and encodes it for the screen (sRGB).
#include "backdrop.glsl"
in vec2 vUv;
out vec4 outColour;
uniform sampler2D uImage;   // summed colour, alpha counting the samples; or one sample, alpha its coverage
uniform bool uSingle;       // one sample: composite it over the backdrop
uniform float uExposure;
#ifdef OUTLINE
// A still view's resolved ids (main, mask bits 0-31, bits 32-63, background) and the structures the
// step points at: together they are outlined where their coverage ends, and tinted inside, seen
// through whatever lies in front. (A variant of its own: compiled when first needed, it keeps
// this loop out of the first frame's shader compiles.)
uniform usampler2D uIds;
uniform uvec2 uHighlightMask;
uniform ivec2 uIdsOrigin;  // the image's first pixel in window coordinates
#endif

vec3 acesFilm(vec3 x) {  // Narkowicz's fit of the ACES filmic curve
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}

// ACES per channel pales bright colours towards white (a cream cord and an ivory bone read alike),
// so bright pixels take the curve on their luminance and keep their hue; dark ones keep the
// per-channel curve (its toe deepens the backdrop's blue), and where the hue would leave the
// gamut the per-channel curve takes over again.
vec3 toneMap(vec3 x) {
    vec3 perChannel = acesFilm(x);
    float lum = dot(x, vec3(0.2126, 0.7152, 0.0722));
    vec3 hue = x * (acesFilm(vec3(lum)).x / max(lum, 1e-4));
    float keep = smoothstep(0.05, 0.25, lum) * (1.0 - clamp((max(max(hue.r, hue.g), hue.b) - 0.9) / 0.3, 0.0, 1.0));
    return clamp(mix(perChannel, hue, keep), 0.0, 1.0);
}

vec3 linearToSrgb(vec3 c) {
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

void main() {
    vec4 sum = texture(uImage, vUv);
    vec3 linear = (uSingle ? sum.rgb + (1.0 - sum.a) * backdrop(vUv) : sum.rgb / max(sum.a, 1.0)) * uExposure;
    vec3 colour = linearToSrgb(toneMap(linear));
#ifdef OUTLINE
    {
        ivec2 p = ivec2(gl_FragCoord.xy) - uIdsOrigin;
        uvec2 here = texelFetch(uIds, p, 0).gb & uHighlightMask;
        ivec2 size = textureSize(uIds, 0);
        // An edge: highlighted structures cover this pixel or a neighbour 2 pixels away, not both.
        float edge = 0.0;
        for (int i = 0; i < 8; ++i) {
            ivec2 d = ivec2(i == 0 ? 2 : (i == 1 ? -2 : 0), i == 2 ? 2 : (i == 3 ? -2 : 0));
            if (i >= 4) d = ivec2((i & 1) == 0 ? 1 : -1, (i & 2) == 0 ? 1 : -1) * 2;
            uvec2 there = texelFetch(uIds, clamp(p + d, ivec2(0), size - 1), 0).gb & uHighlightMask;
            if (any(notEqual(here, uvec2(0u))) != any(notEqual(there, uvec2(0u)))) edge += i < 4 ? 0.25 : 0.15;
        }
        const vec3 kOutline = vec3(1.0, 0.78, 0.25);
        if (any(notEqual(here, uvec2(0u)))) colour = mix(colour, kOutline, 0.12);
        colour = mix(colour, kOutline, clamp(edge, 0.0, 1.0));
    }
#endif
    outColour = vec4(colour, 1.0);
}
