// Material push constants shared by the lit vertex and fragment stages; include-only.
// Layout must match MaterialPush in engine/render/SceneRecorder.h.
#ifndef FG_MATERIAL_GLSL
#define FG_MATERIAL_GLSL
const uint kFlagUnlit = 1u;
const uint kFlagAlphaMask = 2u;
const uint kFlagNormalMap = 4u;
layout(push_constant) uniform Material {
    vec4 baseColor;
    vec4 emissiveCutoff; // rgb emissive, a alpha cutoff
    float metallic;
    float roughness;
    uint flags;
    float pad;
} material;
#endif
