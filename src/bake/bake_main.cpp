// thecaview-bake: meshes both bodies (with the default catheter and pump) and bakes their lighting
// at build time, into the data folder, so that a fresh install starts warm with either body.
// Usage: thecaview-bake OUTPUT_FOLDER
#include <chrono>
#include <iostream>

#include "core/geometry/mesh_cache.hpp"

int main(int argc, char** argv) {
    using namespace thecaview;
    if (argc != 2) {
        std::cerr << "usage: thecaview-bake OUTPUT_FOLDER\n";
        return 2;
    }
    for (const BodyType type : kBodyTypes) {
        const auto start = std::chrono::steady_clock::now();
        AnatomyOptions options;
        options.body = type;
        const Anatomy anatomy = build_anatomy(options);
        BodyMeshes body = mesh_body(BodyShape(anatomy));
        bake_lighting(body);
        const std::filesystem::path file = std::filesystem::path(argv[1]) / mesh_cache_name(anatomy.options);
        std::string error;
        if (!write_body_meshes(file, body, error)) {
            std::cerr << "thecaview-bake: " << error << "\n";
            return 1;
        }
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << "thecaview-bake: the " << name_of(type) << " body, " << body.triangle_count() << " triangles ("
                  << body.moving_triangle_count() << " moving), baked in " << s << " s, written to " << file.string() << "\n";
    }
    return 0;
}
