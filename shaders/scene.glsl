// The implant scene as signed distance fields: one function per structure and one map().
// Shared by every pass that traces the scene. Structure ids (ID_*) and counts come from the
// prelude that the renderer generates from the core's one list of structures.
//
// Sections: uniforms | torso and skin | spine (vertebrae, discs, cord, CSF) | catheter | pump | map

// ---- uniforms ---------------------------------------------------------------------------
uniform vec4 uLevelA[LEVEL_COUNT];  // body centre y, z; cos and sin of the tilt
uniform vec4 uLevelB[LEVEL_COUNT];  // body height, width, depth; disc height below
uniform vec4 uLevelC[LEVEL_COUNT];  // canal width, depth; dural sac radius; unused
uniform vec4 uLevelD[LEVEL_COUNT];  // canal centre y, z; cord half width, half depth
uniform vec4 uTorso[TORSO_MAX];     // y, half width, half depth, centre z (bottom to top)
uniform int uTorsoCount;
uniform vec4 uNeck;                 // neck base y, top y, radius, centre z
uniform float uShoulderHalfWidth;
uniform vec4 uCatheter[CATHETER_MAX];      // path points (xyz), tip first
uniform vec4 uCatheterChunks[CATHETER_CHUNKS];  // bounding sphere of each chunk of points
uniform int uCatheterCount;
uniform float uCatheterRadius;
uniform vec3 uPumpCentre;
uniform vec3 uPumpAxis;
uniform vec4 uPumpSize;             // radius, half thickness, tissue over the face, unused
uniform uint uVisible;              // bit per structure id
uniform uint uXray;

bool visible(int id) { return ((uVisible >> uint(id)) & 1u) != 0u; }

// ---- torso and skin ---------------------------------------------------------------------
vec4 torsoSection(float y) {
    if (y <= uTorso[0].x) return uTorso[0];
    for (int i = 1; i < TORSO_MAX; ++i) {
        if (i >= uTorsoCount) break;
        if (y <= uTorso[i].x) {
            return mix(uTorso[i - 1], uTorso[i], (y - uTorso[i - 1].x) / (uTorso[i].x - uTorso[i - 1].x));
        }
    }
    return uTorso[uTorsoCount - 1];
}

float sdTrunk(vec3 p) {
    vec4 s = torsoSection(p.y);
    float bottom = uTorso[0].x, top = uTorso[uTorsoCount - 1].x;
    // Ellipse across, rounded caps at the hips and the shoulders; 0.9 keeps the estimate safe
    // where the section changes with height.
    float across = sdEllipse2(vec2(p.x, p.z - s.w), s.yz);
    vec2 d = vec2(across + 60.0, max(bottom - p.y, p.y - top) + 60.0);
    return 0.9 * (min(max(d.x, d.y), 0.0) + length(max(d, 0.0)) - 60.0);
}

float sdPumpShape(vec3 p, float grow);

float sdSkin(vec3 p) {
    float d = sdTrunk(p);
    // Shoulders and a neck stub, like a teaching torso: enough to show which way is up.
    float top = uTorso[uTorsoCount - 1].x;
    d = smin(d, sdCapsule(p, vec3(-uShoulderHalfWidth, top - 20.0, uNeck.w - 10.0), vec3(uShoulderHalfWidth, top - 20.0, uNeck.w - 10.0), 52.0), 60.0);
    float neck = max(sdCapsule(p, vec3(0.0, uNeck.x, uNeck.w), vec3(0.0, uNeck.y + 40.0, uNeck.w), uNeck.z), p.y - uNeck.y);
    d = smin(d, neck, 50.0);
    // The skin bulges over the pump so that tissue always covers it.
    return smin(d, sdPumpShape(p, uPumpSize.z), 40.0);
}

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
    return smin(smin(body, wings, 8.0), crest, 4.0);
}

float sdBone(vec3 p, int i) {
    vec3 q = levelLocal(p, i);
    return i < MOBILE_COUNT ? sdVertebra(q, i) : sdSacralSegment(q, i);
}

float sdDisc(vec3 p, int i) {
    if (i <= 0 || i >= MOBILE_COUNT) return 1e5;  // no disc under the atlas or in the sacrum
    vec3 q = levelLocal(p, i);
    vec4 b = uLevelB[i];
    q.y += 0.5 * b.x + 0.5 * b.w;
    return sdRoundEllipticCylinder(q, 0.5 * b.yz * vec2(0.97, 0.95), 0.5 * b.w + 0.4, 1.5);
}

vec3 canalCentre(int i) { return vec3(0.0, uLevelD[i].xy); }

// The canal segment between levels i and i+1: returns (distance to its axis, position along it).
vec2 canalSegment(vec3 p, int i) { return segmentDistance(p, canalCentre(i), canalCentre(i + 1)); }

float sdCord(vec3 p, int i) {
    vec3 a = canalCentre(i), b = canalCentre(i + 1);
    vec2 seg = segmentDistance(p, a, b);
    vec2 r = mix(uLevelD[i].zw, uLevelD[i + 1].zw, seg.y);
    if (r.y <= 0.3) return 1e5;
    vec3 off = p - mix(a, b, seg.y);
    // Flattened front to back: squash the lateral offset.
    return length(vec3(off.x * r.y / r.x, off.yz)) - r.y;
}

float sdSac(vec3 p, int i) {
    vec2 seg = canalSegment(p, i);
    float r = mix(uLevelC[i].z, uLevelC[i + 1].z, seg.y);
    return r <= 0.3 ? 1e5 : seg.x - r;
}

// ---- catheter ---------------------------------------------------------------------------
float sdCatheter(vec3 p) {
    float d = 1e5;
    for (int c = 0; c < CATHETER_CHUNKS; ++c) {
        int first = c * CATHETER_CHUNK;
        if (first + 1 >= uCatheterCount) break;
        float bound = length(p - uCatheterChunks[c].xyz) - uCatheterChunks[c].w;
        if (bound > d) continue;
        if (bound > 4.0) { d = min(d, bound); continue; }
        for (int k = 0; k < CATHETER_CHUNK; ++k) {
            int j = first + k;
            if (j + 1 >= uCatheterCount) break;
            d = min(d, sdCapsule(p, uCatheter[j].xyz, uCatheter[j + 1].xyz, uCatheterRadius));
        }
    }
    return d;
}

// ---- pump -------------------------------------------------------------------------------
// The titanium disc, grown by `grow` millimetres (the skin bulge uses a grown copy).
float sdPumpShape(vec3 p, float grow) {
    return sdRoundCylinder(p - uPumpCentre, uPumpAxis, uPumpSize.x + grow, uPumpSize.y + grow, 6.0 + grow);
}

float sdPump(vec3 p) {
    vec3 q = p - uPumpCentre;
    float d = sdPumpShape(p, 0.0);
    if (d > 8.0) return d;
    // The central refill port: a raised ring around the septum on the outer face.
    float y = dot(q, uPumpAxis);
    float x = length(q - uPumpAxis * y);
    float ring = length(vec2(x - 9.0, y - uPumpSize.y)) - 2.6;
    // The catheter access port, smaller, towards the connector side.
    vec3 side = normalize(cross(uPumpAxis, vec3(0.0, 1.0, 0.0)));
    vec3 qa = q - side * 26.0;
    float ya = dot(qa, uPumpAxis);
    float xa = length(qa - uPumpAxis * ya);
    float access = length(vec2(xa - 4.5, ya - uPumpSize.y)) - 1.8;
    return smin(d, min(ring, access), 1.5);
}

// ---- map --------------------------------------------------------------------------------
// Distance to one structure (signed), for normals and shading.
float sdStructure(vec3 p, int id) {
    int i = min(levelAbove(p.y), LEVEL_COUNT - 2);
    if (id == ID_SKIN) return sdSkin(p);
    if (id == ID_VERTEBRAE) return min(sdBone(p, i), sdBone(p, i + 1));
    if (id == ID_DISCS) return min(sdDisc(p, i), sdDisc(p, i + 1));
    if (id == ID_SPINAL_CORD) return sdCord(p, i);
    if (id == ID_CSF) return sdSac(p, i);
    if (id == ID_CATHETER) return sdCatheter(p);
    if (id == ID_PUMP) return sdPump(p);
    return 1e5;
}

bool seeThrough(int id) { return id == ID_SKIN || id == ID_CSF || ((uXray >> uint(id)) & 1u) != 0u; }

// Keeps the nearest surface: translucent structures count by |distance| so rays find both
// their entry and exit.
void consider(inout vec2 best, float d, int id) {
    if (!visible(id)) return;
    float dd = seeThrough(id) ? abs(d) : d;
    if (dd < best.x) best = vec2(dd, float(id));
}

// The scene under the skin: (distance to the nearest surface, its structure id). The skin is
// traced on its own (traceSkin) since every ray meets it first.
vec2 map(vec3 p) {
    vec2 best = vec2(1e5, 0.0);
    consider(best, sdCatheter(p), ID_CATHETER);
    consider(best, sdPump(p), ID_PUMP);
    int i = min(levelAbove(p.y), LEVEL_COUNT - 2);
    // Far from the canal, the spine is only a bound: skip its detail.
    float spineBound = canalSegment(p, i).x - 75.0;
    if (spineBound > best.x) return best;
    if (spineBound > 2.0) { best.x = min(best.x, spineBound); return best; }
    consider(best, min(sdBone(p, i), sdBone(p, i + 1)), ID_VERTEBRAE);
    consider(best, min(sdDisc(p, i), sdDisc(p, i + 1)), ID_DISCS);
    consider(best, sdSac(p, i), ID_CSF);
    consider(best, sdCord(p, i), ID_SPINAL_CORD);
    return best;
}
