#version 450
// Shadow pass vertex stage: depth only from the light, same vertex and instance layout as pbr.vert.
// Uses a push constant, not the frame set, so the shadow map is never bound while written.
layout(location = 0) in vec3 inPosition;
layout(location = 4) in vec4 inModel0;
layout(location = 5) in vec4 inModel1;
layout(location = 6) in vec4 inModel2;
layout(location = 7) in vec4 inModel3;
layout(push_constant) uniform Light { mat4 viewProj; } light;
void main() {
    mat4 model = mat4(inModel0, inModel1, inModel2, inModel3);
    gl_Position = light.viewProj * model * vec4(inPosition, 1.0);
}
