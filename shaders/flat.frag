// A constant-cost full-screen pass: the yardstick the benchmarks measure the tracer against.
in vec2 vUv;
out vec4 outColour;
void main() { outColour = vec4(vUv, 0.5, 1.0); }
