#version 450
// Lit pass vertex stage: per-vertex attributes plus a per-instance model matrix (binding 1).
// Writes world-space data for the forward PBR fragment stage; no lighting here.
#include "frame.glsl"
layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec4 inTangent;
layout(location = 3) in vec2 inUv;
layout(location = 4) in vec4 inModel0;
layout(location = 5) in vec4 inModel1;
layout(location = 6) in vec4 inModel2;
layout(location = 7) in vec4 inModel3;
layout(location = 0) out vec3 outWorldPos;
layout(location = 1) out vec3 outNormal;
layout(location = 2) out vec4 outTangent;
layout(location = 3) out vec2 outUv;
void main() {
    mat4 model = mat4(inModel0, inModel1, inModel2, inModel3);
    vec4 world = model * vec4(inPosition, 1.0);
    mat3 normalMatrix = transpose(inverse(mat3(model)));
    outWorldPos = world.xyz;
    outNormal = normalMatrix * inNormal;
    outTangent = vec4(mat3(model) * inTangent.xyz, inTangent.w);
    outUv = inUv;
    gl_Position = frame.viewProj * world;
}
