// thecaview-bake: meshes the default anatomy and bakes its lighting at build time, into the data
// folder, so that a fresh install starts warm. Usage: thecaview-bake OUTPUT_FOLDER
#include <chrono>
#include <iostream>

#include "core/geometry/mesh_cache.hpp"

int main(int argc, char** argv) {
    using namespace thecaview;
    if (argc != 2) {
        std::cerr << "usage: thecaview-bake OUTPUT_FOLDER\n";
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const Anatomy anatomy = build_anatomy();
    BodyMeshes body = mesh_body(BodyShape(anatomy));
    bake_lighting(body);
    const std::filesystem::path file = std::filesystem::path(argv[1]) / mesh_cache_name(anatomy.options);
    std::string error;
    if (!write_body_meshes(file, body, error)) {
        std::cerr << "thecaview-bake: " << error << "\n";
        return 1;
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "thecaview-bake: " << body.triangle_count() << " triangles (" << body.moving_triangle_count()
              << " moving), baked in " << s << " s, written to " << file.string() << "\n";
    return 0;
}
