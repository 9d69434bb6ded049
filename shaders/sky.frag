#version 450
// Sky pass fragment stage: zenith-horizon gradient above the horizon, flat ground colour below.
// Reads only the frame uniforms; writes no depth.
#include "frame.glsl"
layout(location = 0) in vec2 inNdc;
layout(location = 0) out vec4 outColor;
void main() {
    vec4 far = frame.invViewProj * vec4(inNdc, 1.0, 1.0);
    vec3 dir = normalize(far.xyz / far.w - frame.cameraPos.xyz);
    float up = dir.y;
    vec3 sky = mix(frame.skyHorizon.rgb, frame.skyZenith.rgb, pow(clamp(up, 0.0, 1.0), 0.6));
    vec3 ground = mix(frame.skyHorizon.rgb, frame.skyGround.rgb, clamp(-up * 8.0, 0.0, 1.0));
    outColor = vec4(up >= 0.0 ? sky : ground, 1.0);
}
