#version 450
// Sky pass vertex stage: one full-screen triangle at the far plane, no vertex buffer.
// Passes clip-space xy to the fragment stage, which reconstructs the view ray.
layout(location = 0) out vec2 outNdc;
void main() {
    vec2 p = vec2((gl_VertexIndex << 1) & 2, gl_VertexIndex & 2) * 2.0 - 1.0;
    outNdc = p;
    gl_Position = vec4(p, 1.0, 1.0);
}
