// The ids of a still view: what is seen most at each pixel, and a bit for everything that gives at
// least 5 % of its colour, from the opaque pass, the see-through layers' bits and their shares.
in vec2 vUv;
layout(location = 0) out uvec2 outIds;
uniform usampler2D uOpaqueIds;  // R: the opaque structure (0: background), G: its bit
uniform usampler2D uLayerBits;  // G: bits of the see-through layers
uniform sampler2D uShares;      // R: the largest share of a layer, packed with its id; A: light let through

const float CONTRIBUTES = 0.05;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    uvec2 opaque = texelFetch(uOpaqueIds, p, 0).rg;
    uint layers = texelFetch(uLayerBits, p, 0).g;
    vec4 shares = texelFetch(uShares, p, 0);
    float through = shares.a;  // what reaches the opaque surface (or the background)
    uint mask = layers | (through >= CONTRIBUTES ? opaque.g : 0u);
    int best = int(mod(shares.r, 64.0));
    float bestShare = floor(shares.r / 64.0) / 1000.0;
    // What a person points at: the opaque structure seen through the layers, else the layer seen most.
    uint main = opaque.r;
    if (opaque.r == 0u || through < 2.0 * CONTRIBUTES) main = bestShare >= CONTRIBUTES ? uint(best) : opaque.r;
    if (opaque.r == 0u && bestShare < CONTRIBUTES) main = 0u;
    outIds = uvec2(main, mask);
}
