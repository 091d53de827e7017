// The implant scene as signed distance fields: one function per structure and one map().
// Shared by every pass that traces the scene. Structure ids (ID_*) and counts come from the
// prelude that the renderer generates from the core's one list of structures.
//
// Sections: uniforms | torso, skin and body wall | spine | spinal canal | tubes | pelvis | pump | map

// ---- uniforms ---------------------------------------------------------------------------
// The anatomy, uploaded once per anatomy change (std140, all 16-byte slots).
layout(std140) uniform Scene {
    vec4 uLevelA[LEVEL_COUNT];  // body centre y, z; cos and sin of the tilt
    vec4 uLevelB[LEVEL_COUNT];  // body height, width, depth; disc height below
    vec4 uLevelC[LEVEL_COUNT];  // canal width, depth; dural sac half width, half depth
    vec4 uLevelD[LEVEL_COUNT];  // canal centre y, z; cord half width, half depth
    ivec4 uLevelE[LEVEL_COUNT]; // first chunk of the nerve root leaving below the level
    vec4 uTorso[TORSO_MAX];     // y, half width, half depth, centre z (bottom to top)
    vec4 uTubePoint[TUBE_POINT_MAX];  // polyline points (xyz) of every tube, and their radius
    vec4 uChunkBound[CHUNK_MAX];      // bounding sphere of each chunk of a tube
    ivec4 uChunk[CHUNK_MAX];          // first point, point count, structure id, mirrored (0/1)
    vec4 uRib[12 * RIB_STRIDE];       // ribs 1-12: head, tubercle, one point per angle; w: radius
    ivec4 uCounts;              // torso sections; end of the catheter, rib and root chunks
    vec4 uGroupMin[GROUP_COUNT];  // bounding box of each group of structures (GROUP_*)
    vec4 uGroupMax[GROUP_COUNT];
    vec4 uNeck;                 // neck base y, top y, radius, centre z
    vec4 uWall;                 // shoulder half width, fat front, fat back, muscle thickness
    vec4 uPumpCentre;           // xyz
    vec4 uPumpAxis;             // unit normal of the outer face
    vec4 uPumpSize;             // radius, half thickness, tissue over the face, unused
    vec4 uPelvisA;              // crest y, wing bottom y, wing thickness, acetabulum radius
    vec4 uPelvisBowlCentre;
    vec4 uPelvisBowlRadii;
    vec4 uPelvisAsis;
    vec4 uPelvisAcetabulum;
    vec4 uPelvisSymphysis;
    vec4 uPelvisIschium;
    vec4 uPelvisSacroiliac;
};
uniform uint uVisible;  // bit per structure id
uniform uint uXray;
uniform uint uHighlight;              // structures a step points at: they glow
uniform vec2 uCatheterRange;          // the catheter drawn between these path points (the procedure)
uniform bool uNeedleOn;               // the spinal needle, from A (hub) to B (point)
uniform vec3 uNeedleA;
uniform vec3 uNeedleB;
uniform float uPumpLift;              // the pump held above its pocket (mm along its axis)
uniform bool uSpreadOn;               // drug in the CSF, drawn as a glowing medium
uniform float uSpread[LEVEL_COUNT];   // µg/mL per vertebral level
uniform float uSpreadMax;             // top of the colour scale (µg/mL)
uniform float uRelief[LEVEL_COUNT];   // 1 where the dermatome of the nerve leaving below that level may feel relief

// Set by the last map evaluation: whether the point lies in the CSF (inside the sac, outside the
// cord) and at which fractional level, for the drug medium.
bool gInCsf = false;
float gCsfLevel = 0.0;

bool visible(int id) { return ((uVisible >> uint(id)) & 1u) != 0u; }

// ---- torso, skin and body wall -----------------------------------------------------------
// The trunk's section at height y, from sections spaced evenly in y.
vec4 torsoSection(float y) {
    float f = clamp((y - uTorso[0].x) / (uTorso[1].x - uTorso[0].x), 0.0, float(uCounts.x - 1) - 0.001);
    int i = int(f);
    return mix(uTorso[i], uTorso[i + 1], f - float(i));
}

float sdTrunk(vec3 p, vec4 s) {
    float bottom = uTorso[0].x, top = uTorso[uCounts.x - 1].x;
    // Ellipse across, rounded caps at the hips and the shoulders; 0.9 keeps the estimate safe
    // where the section changes with height.
    float across = sdEllipse2(vec2(p.x, p.z - s.w), s.yz);
    vec2 d = vec2(across + 60.0, max(bottom - p.y, p.y - top) + 60.0);
    return 0.9 * (min(max(d.x, d.y), 0.0) + length(max(d, 0.0)) - 60.0);
}

float sdPumpShape(vec3 p, float grow);

// The body's outline without the bulge over the pump: the fascia under the fat follows it.
float sdBodyAt(vec3 p, vec4 s) {
    float d = sdTrunk(p, s);
    // Shoulders and a neck stub, like a teaching torso: enough to show which way is up.
    float top = uTorso[uCounts.x - 1].x;
    float shoulder = uWall.x;
    d = smin(d, sdCapsule(p, vec3(-shoulder, top - 20.0, uNeck.w - 10.0), vec3(shoulder, top - 20.0, uNeck.w - 10.0), 52.0), 60.0);
    float neck = max(sdCapsule(p, vec3(0.0, uNeck.x, uNeck.w), vec3(0.0, uNeck.y + 40.0, uNeck.w), uNeck.z), p.y - uNeck.y);
    return smin(d, neck, 50.0);
}

// The skin bulges over the pump so that tissue always covers it.
float sdSkinAt(vec3 p, vec4 s) { return smin(sdBodyAt(p, s), sdPumpShape(p, uPumpSize.z), 40.0); }

float sdSkin(vec3 p) { return sdSkinAt(p, torsoSection(p.y)); }

// Depth of the subcutaneous fat (skin included) here: thicker over the belly than the back.
float fatDepth(vec3 p, vec4 s) {
    vec2 d = vec2(p.x / s.y, (p.z - s.w) / s.z);
    float c = d.y / max(length(d), 1e-4);  // cosine of the angle from the front midline
    return mix(uWall.z, uWall.y, 0.5 + 0.5 * c);
}

// Depth of the muscle fascia under the skin here, as a signed distance (negative beneath it).
float sdFasciaAt(vec3 p, vec4 s) { return sdBodyAt(p, s) + fatDepth(p, s); }

// ---- spine ------------------------------------------------------------------------------
// Position in the tilted frame of level i: x lateral, y cranial, z anterior; body centre at 0.
vec3 levelLocal(vec3 p, int i) {
    vec2 q = vec2(p.y - uLevelA[i].x, p.z - uLevelA[i].y);
    float c = uLevelA[i].z, s = uLevelA[i].w;
    return vec3(p.x, q.x * c + q.y * s, -q.x * s + q.y * c);
}

// The level whose body is just above p (levels run from the top down), for i and i + 1 lookups.
int levelAbove(float y) {
    int lo = 0, hi = LEVEL_COUNT - 1;
    for (int k = 0; k < 5; ++k) {
        int mid = (lo + hi) / 2;
        if (uLevelA[mid].x > y) lo = mid; else hi = mid;
    }
    return lo;
}

// A mobile vertebra (C1-L5): body, pedicles, laminae, spinous, transverse and articular processes.
float sdVertebra(vec3 q, int i) {
    vec4 b = uLevelB[i];
    vec4 c = uLevelC[i];
    float h = b.x, halfW = 0.5 * b.y, halfD = 0.5 * b.z;
    float scale = clamp(b.y / 40.0, 0.45, 1.2);
    float body = sdRoundEllipticCylinder(q, vec2(halfW, halfD), 0.5 * h, 2.0);
    if (i == 0) body = sdRoundEllipticCylinder(q + vec3(0.0, 0.0, -4.0), vec2(halfW, 4.0), 0.5 * h, 2.0);
    float canalBack = -(halfD + c.y + 1.0);
    float pedX = 0.5 * c.x + 2.5 * scale;
    float pedZ = -(halfD + 0.55 * c.y);
    float r = 3.2 * scale + 0.8;
    vec3 qs = vec3(abs(q.x), q.y, q.z);  // mirror the paired parts
    float arch = sdCapsule(qs, vec3(pedX, 0.1 * h, -halfD + 2.0), vec3(pedX, 0.1 * h, pedZ), r);
    arch = min(arch, sdCapsule(qs, vec3(pedX, 0.05 * h, pedZ), vec3(0.0, -0.1 * h, canalBack - 2.0), r * 0.9));
    // Articular processes: short vertical pillars where pedicle meets lamina.
    arch = min(arch, sdCapsule(qs, vec3(pedX + 1.0, -0.55 * h, pedZ - 1.5), vec3(pedX + 1.0, 0.55 * h, pedZ - 1.5), r * 0.95));
    // Transverse processes: short in the neck, angled back in the chest, long and flat in the lumbar spine.
    float tpLen = i < 7 ? 9.0 + 0.2 * halfW : (i < 19 ? 20.0 + 0.25 * halfW : 18.0 + 0.55 * halfW);
    float tpBack = i < 7 ? 2.0 : (i < 19 ? -10.0 : -2.0);
    arch = min(arch, sdCapsule(qs, vec3(pedX, 0.0, pedZ), vec3(pedX + tpLen, 0.02 * h, pedZ + tpBack), r * 0.8));
    // Spinous process: steep and long in the chest, square and level in the lumbar spine.
    float spLen = i < 6 ? 14.0 + 2.0 * float(i) : (i < 19 ? 36.0 : 30.0);
    float spDrop = i < 7 ? 0.35 : (i < 19 ? 0.95 : 0.15);
    vec3 spStart = vec3(0.0, -0.1 * h, canalBack - 1.0);
    vec3 spEnd = spStart + normalize(vec3(0.0, -spDrop, -1.0)) * spLen;
    float sp = i < 19 ? sdTaperedCapsule(q, spStart, spEnd, r, r * 0.7)
                      : sdRoundBox(q - mix(spStart, spEnd, 0.5), vec3(2.5, 0.32 * h, 0.5 * spLen), 2.0);
    arch = min(arch, sp);
    if (i == 1) arch = min(arch, sdCapsule(q, vec3(0.0, 0.5 * h, -2.0), vec3(0.0, 0.5 * h + 14.0, -1.0), 5.0));  // dens
    return smin(body, arch, 2.5);
}

// A sacral segment (S1-S5, with the alae at the top) or the coccyx.
float sdSacralSegment(vec3 q, int i) {
    vec4 b = uLevelB[i];
    if (i == LEVEL_COUNT - 1) return sdTaperedCapsule(q, vec3(0.0, 0.5 * b.x, 0.0), vec3(0.0, -0.5 * b.x, 2.0), 6.0, 3.0);
    float halfW = 0.5 * b.y, halfD = 0.5 * b.z;
    float body = sdRoundBox(q, vec3(halfW * 0.45, 0.5 * b.x, halfD), 4.0);
    float wings = sdRoundBox(q - vec3(0.0, 0.0, -0.2 * halfD), vec3(halfW, 0.42 * b.x, halfD * 0.7), 6.0);
    float crest = sdRoundBox(q - vec3(0.0, 0.0, -halfD - 3.0), vec3(3.0, 0.4 * b.x, 5.0), 2.0);  // median crest
    float bone = smin(smin(body, wings, 8.0), crest, 4.0);
    // The sacral canal runs through the bone.
    vec4 c = uLevelC[i];
    float canal = sdEllipse2(vec2(q.x, q.z + 0.25 * b.z), 0.5 * c.xy);
    return max(bone, -canal);
}

float sdDisc(vec3 q, int i) {
    if (i <= 0 || i >= MOBILE_COUNT) return 1e5;  // no disc under the atlas or in the sacrum
    vec4 b = uLevelB[i];
    q.y += 0.5 * b.x + 0.5 * b.w;
    return sdRoundEllipticCylinder(q, 0.5 * b.yz * vec2(0.97, 0.95), 0.5 * b.w + 0.4, 1.5);
}

// The bones and discs of levels i and i + 1: (vertebrae, sacrum and coccyx, discs). One loop, so
// each shape's code appears once in the compiled shader.
vec3 sdSpineBones(vec3 p, int i) {
    vec3 d = vec3(1e5);
    for (int k = i; k <= i + 1; ++k) {
        vec3 q = levelLocal(p, k);
        if (k < MOBILE_COUNT) d.x = min(d.x, sdVertebra(q, k));
        else d.y = min(d.y, sdSacralSegment(q, k));
        d.z = min(d.z, sdDisc(q, k));
    }
    return d;
}

// The ligamentum flavum between the laminae of level i and the level below: the back wall of
// the canal at the interspace, thicker lower down (about 3.5 mm in the lumbar spine).
float sdFlavum(vec3 p, int i) {
    if (i < 1 || i >= MOBILE_COUNT - 1) return 1e5;
    vec3 q = levelLocal(p, i);
    vec4 b = uLevelB[i];
    vec4 c = uLevelC[i];
    float half_t = i < 7 ? 1.0 : (i < 19 ? 1.4 : 1.75);
    vec3 centre = vec3(0.0, -0.5 * b.x - 0.5 * b.w, -(0.5 * b.z + c.y + 1.0) + half_t);
    return sdRoundBox(q - centre, vec3(0.5 * c.x + 1.0, 0.5 * b.w + 0.3 * b.x, half_t), half_t * 0.9);
}

// Erector spinae: a column of muscle each side of the spinous processes, behind the laminae.
float sdBackMuscle(vec3 p, int i) {
    vec3 a = vec3(0.0, uLevelD[i].xy), b = vec3(0.0, uLevelD[i + 1].xy);
    vec2 seg = segmentDistance(vec3(0.0, p.yz), a, b);
    vec3 axis = mix(a, b, seg.y);
    float w = mix(uLevelB[i].y, uLevelB[i + 1].y, seg.y);
    vec2 r = vec2(12.0 + 0.28 * w, 16.0 + 0.18 * w);
    vec2 q = vec2(abs(p.x) - (8.0 + 0.45 * w), p.z - (axis.z - 18.0 - r.y * 0.8));
    return 0.8 * sdEllipse2(q, r);
}

// ---- spinal canal -----------------------------------------------------------------------
vec3 canalCentre(int i) { return vec3(0.0, uLevelD[i].xy); }

// The canal segment between levels i and i+1: returns (distance to its axis, position along it).
vec2 canalSegment(vec3 p, int i) { return segmentDistance(p, canalCentre(i), canalCentre(i + 1)); }

// Cross-section coordinates in the canal segment below level i: (lateral, anterior, position 0..1).
vec3 canalCross(vec3 p, int i) {
    vec3 a = canalCentre(i), b = canalCentre(i + 1);
    vec2 seg = segmentDistance(p, a, b);
    vec3 off = p - mix(a, b, seg.y);
    vec3 dir = normalize(b - a);
    vec3 anterior = vec3(0.0, -dir.z, dir.y);
    if (anterior.z < 0.0) anterior = -anterior;
    return vec3(off.x, dot(off, anterior), seg.y);
}

// The canal's contents take the cross-section coordinates c = canalCross(p, i).
float sdCord(vec3 c, int i) {
    vec2 r = mix(uLevelD[i].zw, uLevelD[i + 1].zw, c.z);
    if (r.y <= 0.3) return 1e5;
    return sdEllipse2(c.xy, r);
}

// The dural sac's inside (CSF and what floats in it); 1e5 below its end in S2.
float sdSac(vec3 c, int i) {
    vec2 r = mix(uLevelC[i].zw, uLevelC[i + 1].zw, c.z);
    return r.y <= 0.3 ? 1e5 : sdEllipse2(c.xy, r);
}

float sdDura(float sac) { return abs(sac - 0.35) - 0.35; }

// The epidural space: what the canal holds outside the dura (fat and veins).
float sdEpidural(vec3 c, int i, float sac) {
    vec2 r = 0.5 * mix(uLevelC[i].xy, uLevelC[i + 1].xy, c.z);
    if (r.y <= 0.3) return 1e5;
    return max(sdEllipse2(c.xy, r), -(sac - 0.7));
}

// ---- tubes: catheter, ribs, nerve roots --------------------------------------------------
// One chunk of a tube: a few capsules along its polyline, behind a bounding sphere.
float sdChunk(vec3 p, int c, float best) {
    ivec4 info = uChunk[c];
    vec3 q = info.w != 0 ? vec3(abs(p.x), p.y, p.z) : p;
    float bound = length(q - uChunkBound[c].xyz) - uChunkBound[c].w;
    if (bound > best) return best;
    if (bound > 2.0) return bound;
    float d = best;
    for (int k = 0; k < CHUNK_POINTS - 1; ++k) {
        if (k + 1 >= info.y) break;
        // The catheter shows only the part the procedure has put in so far.
        if (c < uCounts.y && (float(info.x + k) < uCatheterRange.x - 0.5 || float(info.x + k + 1) > uCatheterRange.y + 0.5)) continue;
        vec4 a = uTubePoint[info.x + k];
        d = min(d, sdCapsule(q, a.xyz, uTubePoint[info.x + k + 1].xyz, a.w));
    }
    return d;
}

float sdChunks(vec3 p, int first, int end, float best) {
    float d = best;
    for (int c = first; c < end; ++c) d = min(d, sdChunk(p, c, d));
    return d;
}

float sdCatheter(vec3 p) { return sdChunks(p, 0, uCounts.y, 1e5); }
// Ribs: from the angle round the trunk and the height, only the two ribs above and below p are
// looked at, near that angle. The sternum is a chunk of its own.
float sdRibs(vec3 p, float best) {
    vec3 q = vec3(abs(p.x), p.y, p.z);
    vec4 s = torsoSection(p.y);
    float angle = atan(q.x / s.y, (q.z - s.w) / s.z);  // 0: front midline, pi: back
    int j = int(clamp((RIB_BACK_ANGLE - angle) / RIB_STEP + 0.5, 0.0, float(RIB_ANGLES - 1)));
    int below = 12;
    for (int k = 0; k < 12; ++k) {
        if (uRib[k * RIB_STRIDE + 2 + j].y < q.y) { below = k; break; }
    }
    float d = sdChunks(p, uCounts.y, uCounts.z, best);
    for (int k = max(below - 1, 0); k <= min(below, 11); ++k) {
        int base = k * RIB_STRIDE;
        for (int m = max(j, 0); m <= min(j + 3, RIB_STRIDE - 2); ++m) {
            d = min(d, sdCapsule(q, uRib[base + m].xyz, uRib[base + m + 1].xyz, uRib[base].w));
        }
    }
    return d;
}
float sdRoots(vec3 p) { return sdChunks(p, uCounts.z, uCounts.w, 1e5); }

// The roots that can be near a point at level i: those of the foramina around it and, below the
// cord's end, the cauda equina's roots that hang past it to lower foramina. uLevelE[i].x is the
// first chunk of the root that leaves below level i.
float sdRootsNear(vec3 p, int i, float best) {
    int first = uLevelE[max(i - 1, 0)].x;
    int last = i >= CAUDA_FIRST_LEVEL ? uCounts.w : uLevelE[min(i + 4, LEVEL_COUNT - 1)].x;
    return sdChunks(p, first, last, best);
}

// ---- pelvis -----------------------------------------------------------------------------
float sdPelvis(vec3 p) {
    vec3 q = vec3(abs(p.x), p.y, p.z);
    // Iliac wings: the back and side of a bowl's shell, from the sacroiliac joint round to the
    // anterior superior iliac spine, between the crest and the body of the ilium.
    float shell = abs(sdEllipsoid(q - uPelvisBowlCentre.xyz, uPelvisBowlRadii.xyz)) - 0.5 * uPelvisA.z;
    float wing = max(shell, q.y - uPelvisA.x);
    wing = max(wing, uPelvisA.y - q.y);
    wing = max(wing, q.z - uPelvisAsis.z - 6.0);
    wing = max(wing, uPelvisSacroiliac.x - 4.0 - q.x);
    float d = wing;
    vec3 acetabulum = uPelvisAcetabulum.xyz;
    d = smin(d, sdCapsule(q, vec3(acetabulum.x + 6.0, uPelvisA.y + 10.0, acetabulum.z - 12.0), acetabulum, 16.0), 10.0);
    d = min(d, length(q - acetabulum) - uPelvisA.w);
    d = smin(d, sdCapsule(q, acetabulum, uPelvisSymphysis.xyz, 8.0), 6.0);           // superior pubic ramus
    d = smin(d, sdCapsule(q, acetabulum, uPelvisIschium.xyz, 12.0), 6.0);            // ischium
    d = smin(d, sdCapsule(q, uPelvisIschium.xyz, uPelvisSymphysis.xyz, 6.5), 6.0);   // inferior ramus
    return d;
}

// ---- pump -------------------------------------------------------------------------------
// The titanium disc, grown by `grow` millimetres (the skin bulge uses a grown copy).
float sdPumpShape(vec3 p, float grow) {
    return sdRoundCylinder(p - uPumpCentre.xyz, uPumpAxis.xyz, uPumpSize.x + grow, uPumpSize.y + grow, 6.0 + grow);
}

float sdPump(vec3 p) {
    vec3 axis = uPumpAxis.xyz;
    p -= axis * uPumpLift;
    vec3 q = p - uPumpCentre.xyz;
    float d = sdPumpShape(p, 0.0);
    if (d > 8.0) return d;
    // The central refill port: a raised ring around the septum on the outer face.
    float y = dot(q, axis);
    float x = length(q - axis * y);
    float ring = length(vec2(x - 9.0, y - uPumpSize.y)) - 2.6;
    // The catheter access port, smaller, towards the connector side.
    vec3 side = normalize(cross(axis, vec3(0.0, 1.0, 0.0)));
    vec3 qa = q - side * 26.0;
    float ya = dot(qa, axis);
    float xa = length(qa - axis * ya);
    float access = length(vec2(xa - 4.5, ya - uPumpSize.y)) - 1.8;
    d = smin(d, min(ring, access), 1.5);
    // The catheter connector on the rim, facing the flank, and suture loops round the rim.
    vec3 out_ = normalize(vec3(1.0, 0.0, 0.0) - axis * axis.x);
    d = smin(d, sdCapsule(q, out_ * (uPumpSize.x - 3.0), out_ * (uPumpSize.x + 5.0), 3.2), 2.0);
    vec3 up = normalize(cross(out_, axis));
    for (int k = 0; k < 3; ++k) {
        float a = 2.2 + 1.35 * float(k);
        vec3 dir = cos(a) * out_ + sin(a) * up;
        vec3 loopCentre = dir * (uPumpSize.x + 1.5);
        vec3 lq = q - loopCentre;
        vec2 t = vec2(length(vec2(dot(lq, dir), dot(lq, axis))) - 3.0, dot(lq, cross(dir, axis)));
        d = min(d, length(t) - 1.0);  // a small ring standing out from the rim
    }
    return d;
}

// ---- map --------------------------------------------------------------------------------
bool seeThrough(int id) {
    return id == ID_SKIN || id == ID_FAT || id == ID_CSF || id == ID_DURA || id == ID_EPIDURAL_SPACE ||
           ((uXray >> uint(id)) & 1u) != 0u;
}

bool gOpaqueOnly = false;  // shadow and occlusion rays ignore see-through structures
bool gHolding = false;     // report the structure that holds p (the innermost: highest id)

// Keeps the nearest surface: translucent structures count by |distance| so rays find both
// their entry and exit.
void consider(inout vec2 best, float d, int id) {
    if (!visible(id) || (gOpaqueOnly && seeThrough(id))) return;
    if (gHolding) {
        if (d < 0.0 && (best.x >= 0.0 || float(id) > best.y)) best = vec2(d, float(id));
        return;
    }
    float dd = seeThrough(id) ? abs(d) : d;
    if (dd < best.x) best = vec2(dd, float(id));
}

// The trunk wall (skin, fat, muscle) as layers at a depth under the skin: positive outside.
float sdWallLayer(vec3 p, int id) {
    vec4 s = torsoSection(p.y);
    float skin = sdSkinAt(p, s);
    if (id == ID_SKIN) return skin;
    float fascia = sdFasciaAt(p, s);
    if (id == ID_FAT) return max(max(skin, -fascia), -sdPumpShape(p, 0.3));  // with the pump's pocket
    return max(fascia, -(fascia + uWall.w));  // the muscle of the wall
}

// One structure's signed distance at p, for shading normals and for the caps of a cut.
float sdStructure(vec3 p, int id) {
    if (id == ID_SKIN || id == ID_FAT) return sdWallLayer(p, id);
    int i = min(levelAbove(p.y), LEVEL_COUNT - 2);
    if (id == ID_MUSCLE) return min(sdWallLayer(p, id), sdBackMuscle(p, i));
    if (id == ID_RIBS) return sdRibs(p, 1e5);
    if (id == ID_PELVIS) return sdPelvis(p);
    if (id == ID_VERTEBRAE || id == ID_SACRUM || id == ID_DISCS) {
        vec3 bones = sdSpineBones(p, i);
        return id == ID_VERTEBRAE ? bones.x : (id == ID_SACRUM ? bones.y : bones.z);
    }
    if (id == ID_LIGAMENTUM_FLAVUM) return sdFlavum(p, i);
    vec3 c = canalCross(p, i);
    float sac = sdSac(c, i);
    if (id == ID_EPIDURAL_SPACE) return sdEpidural(c, i, sac);
    if (id == ID_DURA) return sdDura(sac);
    if (id == ID_CSF) return sac;
    if (id == ID_SPINAL_CORD) return sdCord(c, i);
    if (id == ID_NERVE_ROOTS) return sdRoots(p);
    if (id == ID_CATHETER) return min(sdCatheter(p), uNeedleOn ? sdCapsule(p, uNeedleA, uNeedleB, 0.55) : 1e5);
    if (id == ID_PUMP) return sdPump(p);
    return 1e5;
}

// The spine and everything in and beside the canal (the back muscles included).
void considerSpine(inout vec2 best, vec3 p) {
    int i = min(levelAbove(p.y), LEVEL_COUNT - 2);
    float canal = canalSegment(p, i).x;
    if (visible(ID_MUSCLE)) consider(best, sdBackMuscle(p, i), ID_MUSCLE);
    // Far from the canal, the bones are only a bound: skip their detail.
    float spineBound = canal - 75.0;
    if (gHolding) spineBound = -1.0;  // looking for what holds p: no shortcuts
    if (spineBound > best.x) return;
    if (spineBound > 2.0) { best.x = min(best.x, spineBound); return; }
    vec3 bones = sdSpineBones(p, i);
    consider(best, bones.x, ID_VERTEBRAE);
    consider(best, bones.y, ID_SACRUM);
    consider(best, bones.z, ID_DISCS);
    if (canal > 47.0 && !gHolding) { best.x = min(best.x, canal - 42.0); return; }
    consider(best, sdFlavum(p, i), ID_LIGAMENTUM_FLAVUM);
    consider(best, sdRootsNear(p, i, best.x), ID_NERVE_ROOTS);
    vec3 c = canalCross(p, i);
    float sac = sdSac(c, i);
    consider(best, sdEpidural(c, i, sac), ID_EPIDURAL_SPACE);
    consider(best, sdDura(sac), ID_DURA);
    consider(best, sac, ID_CSF);
    float cord = sdCord(c, i);
    consider(best, cord, ID_SPINAL_CORD);
    gInCsf = sac < 0.0 && cord > 0.0 && visible(ID_CSF);
    gCsfLevel = float(i) + c.z;
}

// ---- drug medium ------------------------------------------------------------------------
// viridis (the same fit as core/colormap.cpp), as linear light.
vec3 viridis(float t) {
    const vec3 c0 = vec3(0.2777273, 0.0054073, 0.3340998);
    const vec3 c1 = vec3(0.1050930, 1.4046135, 1.3845902);
    const vec3 c2 = vec3(-0.3308618, 0.2148476, 0.0950952);
    const vec3 c3 = vec3(-4.6342305, -5.7991010, -19.3324410);
    const vec3 c4 = vec3(6.2282699, 14.1799334, 56.6905526);
    const vec3 c5 = vec3(4.7763850, -13.7451454, -65.3530326);
    const vec3 c6 = vec3(-5.4354559, 4.6458526, 26.3124352);
    vec3 srgb = clamp(c0 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * (c5 + t * c6))))), 0.0, 1.0);
    return pow(srgb, vec3(2.2));
}

// Where the drug's concentration at a fractional level falls on the log colour scale (0: none).
float spreadScale(float level) {
    int i = clamp(int(level), 0, LEVEL_COUNT - 2);
    float c = mix(uSpread[i], uSpread[i + 1], clamp(level - float(i), 0.0, 1.0));
    return c <= 0.0 ? 0.0 : clamp(1.0 + log(c / uSpreadMax) / (log(10.0) * COLOUR_MAP_DECADES), 0.0, 1.0);
}

// The scene inside the trunk wall: (distance to the nearest surface, its structure id), looking
// only at the groups in `groups` (bits GROUP_*) and the catheter chunks in `chunks`. The wall's
// layers are not here: the trace finds them along the ray on its own.
float groupBoxDistance(vec3 p, int g) {
    vec3 q = max(max(uGroupMin[g].xyz - p, p - uGroupMax[g].xyz), 0.0);
    return length(q);
}

bool groupNear(uint groups, int g, vec3 p, float best) {
    return (groups & (1u << uint(g))) != 0u && groupBoxDistance(p, g) < (gHolding ? 1.0 : best);
}

vec2 mapGroups(vec3 p, uint groups, uint chunks) {
    vec2 best = vec2(1e5, 0.0);
    gInCsf = false;
    if (chunks != 0u && visible(ID_CATHETER)) {
        float d = uNeedleOn ? sdCapsule(p, uNeedleA, uNeedleB, 0.55) : 1e5;  // the needle is drawn with the device
        for (int c = 0; c < CATHETER_CHUNKS_MAX; ++c) {
            if (c >= uCounts.y) break;
            if (((chunks >> uint(c)) & 1u) != 0u) d = min(d, sdChunk(p, c, d));
        }
        consider(best, d, ID_CATHETER);
    }
    if (groupNear(groups, GROUP_PUMP, p, best.x)) consider(best, sdPump(p), ID_PUMP);
    if (visible(ID_RIBS) && groupNear(groups, GROUP_RIBS, p, best.x)) {
        consider(best, sdRibs(p, best.x + 1.0), ID_RIBS);
    }
    if (visible(ID_PELVIS) && groupNear(groups, GROUP_PELVIS, p, best.x)) consider(best, sdPelvis(p), ID_PELVIS);
    bool spine = false;
    for (int g = GROUP_SPINE_FIRST; g <= GROUP_SPINE_LAST; ++g) spine = spine || groupNear(groups, g, p, best.x);
    if (spine) considerSpine(best, p);
    return best;
}

// Everything inside the wall, bounded by distance instead of by ray intervals (for occlusion).
vec2 map(vec3 p) { return mapGroups(p, 0xffffffffu, 0xffffffffu); }
