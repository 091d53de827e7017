// The present pass: averages the gathered samples (or puts a single one over the backdrop),
// tone-maps the linear image and encodes it for the screen (sRGB).
#include "backdrop.glsl"
in vec2 vUv;
out vec4 outColour;
uniform sampler2D uImage;   // summed colour, alpha counting the samples; or one sample, alpha its coverage
uniform bool uSingle;       // one sample: composite it over the backdrop
uniform float uExposure;

vec3 acesFilm(vec3 x) {  // Narkowicz's fit of the ACES filmic curve
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}

vec3 linearToSrgb(vec3 c) {
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

void main() {
    vec4 sum = texture(uImage, vUv);
    vec3 linear = (uSingle ? sum.rgb + (1.0 - sum.a) * backdrop(vUv) : sum.rgb / max(sum.a, 1.0)) * uExposure;
    outColour = vec4(linearToSrgb(acesFilm(linear)), 1.0);
}
