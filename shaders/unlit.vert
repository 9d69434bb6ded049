#version 450
// Unlit pass vertex stage: position and colour through a push-constant matrix.
// No lighting; used by pixel tests and debug overlays.
#include "common.glsl"
layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec4 inColor;
layout(push_constant) uniform Push { mat4 viewProj; } pc;
layout(location = 0) out vec4 outColor;
void main() {
    gl_Position = pc.viewProj * vec4(inPosition, 1.0);
    outColor = inColor;
}
