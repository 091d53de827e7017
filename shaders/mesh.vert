// Every mesh pass: places the vertex, clips it against the cut plane, and combines the lighting
// baked for it: per occluder group, only the groups drawn opaque now count. Compiled per variant
// as surface.frag is: the lighting only where the pass shows it, see-through layers lit here.
#include "lighting.glsl"

layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in float aLevel;
layout(location = 3) in vec4 aAmbient[2];    // groups 0-3, 4-7: sky light not occluded
layout(location = 5) in vec4 aKey[2 * KEY_LIGHTS];  // per key light, groups 0-3 and 4-7: not shadowed
layout(location = ATTR_ARM) in float aArm;  // how much of the arms' turn it follows (0: none)

uniform mat4 uViewProj;
uniform mat4 uModel;        // moves the procedure's parts (the pump lifted above its pocket)
uniform vec4 uGroupOpaque[2];  // 1 for each occluder group drawn opaque now, else 0
uniform vec4 uKeyWeight;       // how much each key light counts for this view
uniform vec4 uCut;             // the cut plane: what lies where dot(n, p) > offset is cut away
uniform bool uCutOn;
uniform vec3 uEye;
uniform float uPixelAngle;  // radians per pixel
uniform float uTubeRadius;  // > 0: a thin tube of this radius, kept at least a pixel wide
uniform float uArmForward;  // the arms raised forward at the shoulder, radians (0: at the sides)
uniform vec3 uArmPivot;     // the left shoulder joint (the right one mirrors it)

out vec3 vWorld;
out vec3 vNormal;
out float vLevel;
#if defined(SURFACE_OPAQUE) || defined(SURFACE_LAYER)
out vec2 vLight;  // x: key light not shadowed, y: sky light not occluded
#endif
#if defined(SURFACE_LAYER) || defined(SURFACE_IDS)
out float vOpacity;  // a see-through layer's opacity: more where the eye looks along it
uniform vec2 uOpacity;  // face-on, grazing
#endif
#if defined(SURFACE_LAYER)
// See-through layers are lit here (they cover most of the screen, several deep): diffuse factor
// and specular (lighting.glsl), and the colour they give, the highlight's glow included.
out vec2 vLayerLight;
out vec3 vLayerColour;
uniform float uRoughness;
uniform vec3 uAlbedo;
uniform bool uHighlight;
#endif

// The light that reaches the vertex past the opaque groups: the product of their shares.
float throughOpaque(vec4 a, vec4 b) {
    vec4 x = mix(vec4(1.0), a, uGroupOpaque[0]) * mix(vec4(1.0), b, uGroupOpaque[1]);
    return x.x * x.y * x.z * x.w;
}

// The arms' pose (core's posed_by_arms): turned about the axis across the body through the
// shoulder joint, the hanging arm's downward direction towards the front.
vec3 posedByArms(vec3 p, out mat3 turn) {
    float a = uArmForward * aArm;
    float c = cos(a), s = sin(a);
    turn = mat3(1.0, 0.0, 0.0, 0.0, c, -s, 0.0, s, c);  // columns: y' = c y + s z, z' = -s y + c z
    vec3 pivot = vec3(p.x < 0.0 ? -uArmPivot.x : uArmPivot.x, uArmPivot.yz);
    return pivot + turn * (p - pivot);
}

void main() {
    mat3 turn;
    vec4 world = uModel * vec4(posedByArms(aPosition, turn), 1.0);
    vNormal = mat3(uModel) * (turn * aNormal);
    if (uTubeRadius > 0.0) {
        // A tube thinner than a pixel would break up into dots: widen it to about a pixel.
        float pixel_mm = uPixelAngle * length(uEye - world.xyz);
        world.xyz += vNormal * max(0.0, 0.55 * pixel_mm - uTubeRadius);
    }
    vWorld = world.xyz;
    vLevel = aLevel;
#if defined(SURFACE_OPAQUE) || defined(SURFACE_LAYER)
    float key = 0.0;
    for (int l = 0; l < KEY_LIGHTS; ++l) key += uKeyWeight[l] * throughOpaque(aKey[2 * l], aKey[2 * l + 1]);
    vLight = vec2(key, throughOpaque(aAmbient[0], aAmbient[1]));
#endif
#if defined(SURFACE_LAYER) || defined(SURFACE_IDS)
    vec3 n = normalize(vNormal), v = normalize(uEye - world.xyz);
    float facing = abs(dot(n, v));
    vOpacity = mix(uOpacity.x, uOpacity.y, pow(1.0 - facing, 3.0));
#endif
#if defined(SURFACE_LAYER)
    if (dot(n, v) < 0.0) n = -n;
    vLayerLight = shadeTerms(n, v, uRoughness, vLight.x, vLight.y);
    vLayerColour = uAlbedo * vLayerLight.x + vLayerLight.y;
    if (uHighlight) vLayerColour += vec3(1.0, 0.55, 0.12) * (0.25 + 0.9 * pow(1.0 - facing, 2.0));
#endif
    gl_ClipDistance[0] = uCutOn ? uCut.w - dot(uCut.xyz, world.xyz) : 1.0;
    gl_Position = uViewProj * world;
}
