// Lighting shared by the surface pass and, for see-through layers, the vertex pass: a key light
// (the blend of the body's key lights, with its baked shadow), a cool fill and sky ambient.
uniform vec3 uKeyDir;   // towards the key light
uniform vec3 uFillDir;

// Lambert diffuse plus a GGX specular lobe with Schlick's Fresnel, and sky ambient: the light as
// a factor of the diffuse colour and a specular colour (f0 tints it).
void lightTerms(vec3 n, vec3 v, float roughness, vec3 f0, float shadow, float ao, out float diffuse, out vec3 specular) {
    float a2 = max(roughness * roughness, 0.02);
    a2 *= a2;
    diffuse = ao * (0.16 + 0.08 * n.y);  // sky and ground ambient
    specular = vec3(0.0);
    float ndv = max(dot(n, v), 1e-3);
    for (int k = 0; k < 2; ++k) {
        vec3 l = k == 0 ? uKeyDir : uFillDir;
        float strength = k == 0 ? 2.6 * shadow : 0.55;
        float ndl = max(dot(n, l), 0.0);
        vec3 h = normalize(l + v);
        float ndh = max(dot(n, h), 0.0);
        float dd = ndh * ndh * (a2 - 1.0) + 1.0;
        float distribution = a2 / (3.14159 * dd * dd);
        vec3 fresnel = f0 + (1.0 - f0) * pow(1.0 - max(dot(h, v), 0.0), 5.0);
        float visibility = 0.25 / max(ndl * (1.0 - a2 * 0.5) + a2 * 0.5, 0.1) / max(ndv * (1.0 - a2 * 0.5) + a2 * 0.5, 0.1);
        diffuse += strength * ndl / 3.14159;
        specular += strength * ndl * distribution * visibility * fresnel;
    }
}

// A surface's colour; metals tint their specular and reflect a soft environment.
vec3 shade(vec3 n, vec3 v, vec3 albedo, float roughness, float metal, float shadow, float ao) {
    vec3 f0 = mix(vec3(0.04), albedo, metal);
    float diffuse;
    vec3 specular;
    lightTerms(n, v, roughness, f0, shadow, ao, diffuse, specular);
    return albedo * (1.0 - metal) * diffuse + specular + ao * (0.16 + 0.08 * n.y) * metal * f0 * 0.9;
}

// The same for a dielectric, split so that the albedo can be applied later: x multiplies the
// albedo, y is the specular light (grey for a dielectric).
vec2 shadeTerms(vec3 n, vec3 v, float roughness, float shadow, float ao) {
    float diffuse;
    vec3 specular;
    lightTerms(n, v, roughness, vec3(0.04), shadow, ao, diffuse, specular);
    return vec2(diffuse, specular.r);
}
