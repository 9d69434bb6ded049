#version 450
// Forward glTF metallic-roughness: GGX/Smith/Schlick, one directional light with 3x3 PCF shadows,
// hemisphere ambient, emissive, alpha mask. Outputs linear colour; the sRGB target encodes it.
#include "common.glsl"
#include "frame.glsl"
#include "material.glsl"
layout(set = 0, binding = 1) uniform sampler2DShadow shadowMap;
layout(set = 1, binding = 0) uniform sampler2D baseColorTex;
layout(set = 1, binding = 1) uniform sampler2D metallicRoughnessTex;
layout(set = 1, binding = 2) uniform sampler2D normalTex;
layout(set = 1, binding = 3) uniform sampler2D emissiveTex;
layout(location = 0) in vec3 inWorldPos;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec4 inTangent;
layout(location = 3) in vec2 inUv;
layout(location = 0) out vec4 outColor;

float shadowFactor(vec3 worldPos, vec3 n, vec3 l) {
    if (frame.lightDir.w < 0.5) return 1.0;
    // Normal offset keeps lit surfaces from shadowing themselves (acne) without a big bias.
    vec4 clip = frame.lightViewProj * vec4(worldPos + n * 0.04, 1.0);
    vec3 uvz = clip.xyz / clip.w;
    vec2 uv = uvz.xy * 0.5 + 0.5;
    if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0))) || uvz.z > 1.0)
        return 1.0;
    float bias = max(0.0015 * (1.0 - dot(n, l)), 0.0005);
    vec2 texel = 1.0 / vec2(textureSize(shadowMap, 0));
    float sum = 0.0;
    for (int y = -1; y <= 1; ++y)
        for (int x = -1; x <= 1; ++x)
            sum += texture(shadowMap, vec3(uv + vec2(x, y) * texel, uvz.z - bias));
    return sum / 9.0;
}

vec3 surfaceNormal() {
    vec3 n = normalize(inNormal);
    if (!gl_FrontFacing) n = -n;
    if ((material.flags & kFlagNormalMap) == 0u) return n;
    vec3 t = normalize(inTangent.xyz - n * dot(n, inTangent.xyz));
    vec3 b = cross(n, t) * inTangent.w;
    vec3 m = texture(normalTex, inUv).xyz * 2.0 - 1.0;
    return normalize(mat3(t, b, n) * m);
}

vec3 brdf(vec3 n, vec3 v, vec3 l, vec3 albedo, float metallic, float roughness) {
    vec3 h = normalize(v + l);
    float nl = max(dot(n, l), 0.0);
    float nv = max(dot(n, v), 1e-4);
    float nh = max(dot(n, h), 0.0);
    float a = roughness * roughness;
    float a2 = a * a;
    float d = a2 / (kPi * pow(nh * nh * (a2 - 1.0) + 1.0, 2.0));
    float k = (roughness + 1.0) * (roughness + 1.0) / 8.0;
    float g = (nv / (nv * (1.0 - k) + k)) * (nl / (nl * (1.0 - k) + k));
    vec3 f0 = mix(vec3(0.04), albedo, metallic);
    vec3 f = f0 + (1.0 - f0) * pow(1.0 - max(dot(h, v), 0.0), 5.0);
    vec3 specular = d * g * f / max(4.0 * nv * nl, 1e-4);
    vec3 diffuse = (1.0 - f) * (1.0 - metallic) * albedo / kPi;
    return (diffuse + specular) * nl;
}

void main() {
    vec4 base = texture(baseColorTex, inUv) * material.baseColor;
    if ((material.flags & kFlagAlphaMask) != 0u && base.a < material.emissiveCutoff.a) discard;
    if ((material.flags & kFlagUnlit) != 0u) {
        outColor = vec4(base.rgb, 1.0);
        return;
    }
    vec3 n = surfaceNormal();
    vec3 v = normalize(frame.cameraPos.xyz - inWorldPos);
    vec3 l = normalize(-frame.lightDir.xyz);
    vec4 mr = texture(metallicRoughnessTex, inUv);
    float roughness = clamp(material.roughness * mr.g, 0.04, 1.0);
    float metallic = clamp(material.metallic * mr.b, 0.0, 1.0);
    vec3 direct = brdf(n, v, l, base.rgb, metallic, roughness) * frame.lightColor.rgb;
    direct *= shadowFactor(inWorldPos, n, l);
    vec3 ambientLight = mix(frame.groundAmbient.rgb, frame.skyAmbient.rgb, n.y * 0.5 + 0.5);
    vec3 ambient = ambientLight * base.rgb * (1.0 - 0.7 * metallic);
    vec3 emissive = texture(emissiveTex, inUv).rgb * material.emissiveCutoff.rgb;
    outColor = vec4(direct + ambient + emissive, 1.0);
}
