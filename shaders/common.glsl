// Shared GLSL helpers for every Fairground shader; include-only, never compiled on its own.
// Keep it free of descriptor-set declarations so any stage can include it.
#ifndef FG_COMMON_GLSL
#define FG_COMMON_GLSL
const float kPi = 3.14159265358979;
#endif
