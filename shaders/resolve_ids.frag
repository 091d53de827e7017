// The ids of a still view: what is seen most at each pixel, and a bit for everything that gives at
// least 5 % of its colour, from the opaque pass and the see-through layers' shares (one slot each,
// three to a layer of uSlots; alpha: the share of all layers, so the opaque surface keeps the rest).
in vec2 vUv;
layout(location = 0) out uvec4 outIds;  // main structure, mask bits 0-31, bits 32-63, background
uniform usampler2D uOpaqueIds;  // R: the opaque structure (0: the background)
uniform sampler2DArray uSlots;
uniform int uSlotCount;
uniform int uSlotIds[3 * SLOT_TARGETS];  // the structure in each slot

const float CONTRIBUTES = 0.05;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    uint id = texelFetch(uOpaqueIds, p, 0).r;
    // The opaque structure's bit (id N is bit N - 1; the background, id 0, has none), in the
    // mask's two words.
    uvec3 opaque = uvec3(id, 0u, 0u);
    if (id > 0u) opaque.gb = id <= 32u ? uvec2(1u << (id - 1u), 0u) : uvec2(0u, 1u << (id - 33u));
    float through = 1.0;  // what reaches the opaque surface (or the background)
    uvec2 mask = uvec2(0u);
    float bestShare = 0.0;
    uint best = 0u;
    for (int t = 0; 3 * t < uSlotCount; ++t) {
        vec4 shares = texelFetch(uSlots, ivec3(p, t), 0);
        through = 1.0 - shares.a;
        for (int c = 0; c < 3 && 3 * t + c < uSlotCount; ++c) {
            float share = shares[c];
            uint id = uint(uSlotIds[3 * t + c]);
            if (share >= CONTRIBUTES) mask |= id <= 32u ? uvec2(1u << (id - 1u), 0u) : uvec2(0u, 1u << (id - 33u));
            if (share > bestShare) {
                bestShare = share;
                best = id;
            }
        }
    }
    if (through >= CONTRIBUTES) mask |= opaque.gb;
    uint background = opaque.r == 0u && through >= CONTRIBUTES ? 1u : 0u;
    // What a person points at: the opaque structure seen through the layers, else the layer seen most.
    uint main = opaque.r;
    if (opaque.r == 0u || through < 2.0 * CONTRIBUTES) main = bestShare >= CONTRIBUTES ? best : opaque.r;
    if (opaque.r == 0u && bestShare < CONTRIBUTES) main = 0u;
    outIds = uvec4(main, mask, background);
}
