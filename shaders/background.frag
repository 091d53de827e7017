// The backdrop: a dark gradient, lighter above the horizon of the view.
in vec2 vUv;
layout(location = 0) out vec4 outColour;
layout(location = 1) out uvec2 outIds;
uniform mat4 uInvViewProj;
uniform vec3 uEye;

void main() {
    vec4 far = uInvViewProj * vec4(vUv * 2.0 - 1.0, 1.0, 1.0);
    vec3 rd = normalize(far.xyz / far.w - uEye);
    float t = clamp(rd.y * 0.5 + 0.5, 0.0, 1.0);
    outColour = vec4(mix(vec3(0.010, 0.014, 0.022), vec3(0.045, 0.065, 0.10), t), 1.0);
    outIds = uvec2(0u, 1u);  // bit 0: the background
}
