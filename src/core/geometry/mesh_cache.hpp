// Meshes and baked lighting on disk: one file per body, keyed by the options that shape it (the
// body and the pump's size; not the catheter's tip or entry, whose tube is meshed on its own) and the geometry's
// version, checked whole when read, written atomically, the oldest evicted.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/anatomy.hpp"
#include "core/geometry/body_meshes.hpp"

namespace thecaview {

// Bumped whenever a shape, a mesh resolution or the bake changes: older files are then not read.
inline constexpr std::uint32_t kGeometryVersion = 6;

// The file name for an anatomy: the options that shape the body and the geometry version, hashed.
std::string mesh_cache_name(const AnatomyOptions& options);

// The body in `file`, or nullopt (with `error` saying why) when it is missing, truncated, from
// another version or fails its checksum.
std::optional<BodyMeshes> read_body_meshes(const std::filesystem::path& file, std::string& error);
// Writes atomically; false with `error` when the folder cannot be written.
bool write_body_meshes(const std::filesystem::path& file, const BodyMeshes& body, std::string& error);
// Removes the least recently written cache files beyond `keep`.
void evict_old_meshes(const std::filesystem::path& folder, std::size_t keep);

// Where meshes come from: folders read in order (the installed data's, baked at build time; the
// user's cache), and the folder a new bake is written to (empty: none).
struct MeshSources {
    std::vector<std::filesystem::path> read_dirs;
    std::filesystem::path write_dir;
    std::size_t keep = 8;  // cache files kept in write_dir
    BakeDesc bake;
    std::function<void(float)> progress;  // 0..1 of a bake (meshing, then the rays); not called for a read
};

// Whether two anatomies share a body file (they differ at most in the catheter's tip and entry).
bool same_body(const AnatomyOptions& a, const AnatomyOptions& b);

// The anatomy's meshes from the first folder that has them, else meshed and baked now (and
// written to the cache; a folder that cannot be written costs only the time). The body is stored
// with the default catheter; another tip or entry gets its own tube. `note` says which.
BodyMeshes body_meshes_for(const Anatomy& anatomy, const MeshSources& sources, std::string& note);

}  // namespace thecaview
