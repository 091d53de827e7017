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

vec3 linearToSrgb(vec3 c) {
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

void main() {
    vec4 sum = texture(uImage, vUv);
    vec3 linear = (uSingle ? sum.rgb + (1.0 - sum.a) * backdrop(vUv) : sum.rgb / max(sum.a, 1.0)) * uExposure;
    vec3 colour = linearToSrgb(acesFilm(linear));
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
