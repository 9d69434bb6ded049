// Per-frame uniform block (set 0) shared by the lit and sky passes; include-only.
// Layout must match FrameUniforms in engine/render/SceneRecorder.h (std140).
#ifndef FG_FRAME_GLSL
#define FG_FRAME_GLSL
layout(set = 0, binding = 0) uniform Frame {
    mat4 viewProj;
    mat4 invViewProj;
    mat4 lightViewProj;
    vec4 cameraPos;     // xyz
    vec4 lightDir;      // xyz: direction the light travels; w: 1 when shadows are on
    vec4 lightColor;    // rgb * intensity
    vec4 skyAmbient;
    vec4 groundAmbient;
    vec4 skyZenith;
    vec4 skyHorizon;
    vec4 skyGround;
} frame;
#endif
