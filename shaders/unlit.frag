#version 450
// Unlit pass fragment stage: writes the interpolated vertex colour.
// No lighting; used by pixel tests and debug overlays.
#include "common.glsl"
layout(location = 0) in vec4 inColor;
layout(location = 0) out vec4 outColor;
void main() { outColor = inColor; }
