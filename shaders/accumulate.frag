// Adds one jittered sample of the scene to the sum that the present pass averages.
in vec2 vUv;
out vec4 outColour;
uniform sampler2D uFrame;
void main() { outColour = vec4(texelFetch(uFrame, ivec2(gl_FragCoord.xy), 0).rgb, 1.0); }
