// Adds one jittered sample of the scene, over the backdrop, to the sum that the present pass
// averages (alpha counts the samples).
#include "backdrop.glsl"
in vec2 vUv;
out vec4 outColour;
uniform sampler2D uFrame;
void main() {
    vec4 sample = texelFetch(uFrame, ivec2(gl_FragCoord.xy), 0);
    outColour = vec4(sample.rgb + (1.0 - sample.a) * backdrop(vUv), 1.0);
}
