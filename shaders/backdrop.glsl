// The backdrop behind the body: a dark gradient, lighter above the horizon of the view. Composited
// under the scene where its surfaces leave the pixel uncovered (alpha below 1).
uniform mat4 uInvViewProj;  // of the image's view
uniform vec3 uEye;
uniform vec3 uUp;  // up in the picture (the camera's roll turns the gradient with it)

vec3 backdrop(vec2 uv) {
    vec4 far = uInvViewProj * vec4(uv * 2.0 - 1.0, 1.0, 1.0);
    float t = clamp(dot(normalize(far.xyz / far.w - uEye), uUp) * 0.5 + 0.5, 0.0, 1.0);
    return mix(vec3(0.010, 0.014, 0.022), vec3(0.045, 0.065, 0.10), t);
}
