// A flat binary file: a header, then each part's arrays with their counts, then a checksum.
#include "core/geometry/mesh_cache.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/hash.hpp"

namespace thecaview {

namespace {

constexpr char kMagic[8] = {'T', 'H', 'E', 'C', 'A', 'M', 'S', 'H'};
constexpr std::uint32_t kMaxCount = 1u << 26;  // no part has 64 M vertices: a larger count is damage

class Writer {
public:
    template <typename T>
    void value(const T& v) { bytes_.append(reinterpret_cast<const char*>(&v), sizeof(T)); }
    template <typename T>
    void array(const std::vector<T>& v) {
        value(static_cast<std::uint32_t>(v.size()));
        bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    [[nodiscard]] const std::string& bytes() const { return bytes_; }

private:
    std::string bytes_;
};

class Reader {
public:
    Reader(const char* data, std::size_t size) : data_(data), size_(size) {}
    template <typename T>
    bool value(T& v) {
        if (size_ - at_ < sizeof(T)) return false;
        std::memcpy(&v, data_ + at_, sizeof(T));
        at_ += sizeof(T);
        return true;
    }
    template <typename T>
    bool array(std::vector<T>& v) {
        std::uint32_t n = 0;
        if (!value(n) || n > kMaxCount || (size_ - at_) / sizeof(T) < n) return false;
        v.resize(n);
        std::memcpy(v.data(), data_ + at_, n * sizeof(T));
        at_ += n * sizeof(T);
        return true;
    }
    [[nodiscard]] bool done() const { return at_ == size_; }

private:
    const char* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

std::string encode(const BodyMeshes& body) {
    Writer w;
    w.value(static_cast<std::uint32_t>(body.parts.size()));
    for (const StructureMesh& p : body.parts) {
        w.value(static_cast<std::uint32_t>(p.id));
        w.array(p.mesh.positions_mm);
        w.array(p.mesh.normals);
        w.array(p.mesh.indices);
        w.array(p.moving_indices);
        w.array(p.levels);
        w.array(p.ambient);
        for (const auto& key : p.key) w.array(key);
    }
    return w.bytes();
}

// Every array of a part as long as its vertices, every index within them.
bool consistent(const StructureMesh& p) {
    const std::size_t n = p.mesh.positions_mm.size();
    bool ok = p.mesh.normals.size() == n && p.levels.size() == n && p.ambient.size() == n &&
              p.mesh.indices.size() % 3 == 0 && p.moving_indices.size() % 3 == 0;
    for (const auto& key : p.key) ok = ok && key.size() == n;
    const auto in_range = [n](const std::vector<std::uint32_t>& v) {
        return std::all_of(v.begin(), v.end(), [n](std::uint32_t i) { return i < n; });
    };
    return ok && in_range(p.mesh.indices) && in_range(p.moving_indices);
}

std::optional<BodyMeshes> decode(const char* data, std::size_t size) {
    Reader r(data, size);
    std::uint32_t parts = 0;
    if (!r.value(parts) || parts > kStructureCount) return std::nullopt;
    BodyMeshes body;
    for (std::uint32_t k = 0; k < parts; ++k) {
        StructureMesh p;
        std::uint32_t id = 0;
        if (!r.value(id) || id == 0 || id > kStructureCount) return std::nullopt;
        p.id = static_cast<Structure>(id);
        bool ok = r.array(p.mesh.positions_mm) && r.array(p.mesh.normals) && r.array(p.mesh.indices) &&
                  r.array(p.moving_indices) && r.array(p.levels) && r.array(p.ambient);
        for (auto& key : p.key) ok = ok && r.array(key);
        if (!ok || !consistent(p)) return std::nullopt;
        body.parts.push_back(std::move(p));
    }
    if (!r.done()) return std::nullopt;
    return body;
}

}  // namespace

bool same_body(const AnatomyOptions& a, const AnatomyOptions& b) {
    return a.body == b.body && a.pump_reservoir_ml == b.pump_reservoir_ml;
}

std::string mesh_cache_name(const AnatomyOptions& o) {
    const std::string key = "v" + std::to_string(kGeometryVersion) + " body " + std::string(name_of(o.body)) + " pump " + std::to_string(o.pump_reservoir_ml) +
                            " table " + std::to_string(mesh_table_fingerprint());
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(key.data(), key.size())));
    return std::string("body-") + hex + ".mesh";
}

std::optional<BodyMeshes> read_body_meshes(const std::filesystem::path& file, std::string& error) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = file.string() + ": not in the cache";
        return std::nullopt;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    constexpr std::size_t header = sizeof kMagic + sizeof(std::uint32_t);
    constexpr std::size_t trailer = sizeof(std::uint64_t);
    std::uint32_t version = 0;
    std::uint64_t checksum = 0;
    if (bytes.size() < header + trailer || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
        error = file.string() + ": not a Thecaview mesh cache";
        return std::nullopt;
    }
    std::memcpy(&version, bytes.data() + sizeof kMagic, sizeof version);
    std::memcpy(&checksum, bytes.data() + bytes.size() - trailer, trailer);
    const char* body = bytes.data() + header;
    const std::size_t body_size = bytes.size() - header - trailer;
    if (version != kGeometryVersion) {
        error = file.string() + ": geometry version " + std::to_string(version) + ", this build's is " + std::to_string(kGeometryVersion);
        return std::nullopt;
    }
    if (fnv1a(body, body_size) != checksum) {
        error = file.string() + ": checksum does not match (a damaged or partly written file)";
        return std::nullopt;
    }
    auto decoded = decode(body, body_size);
    if (!decoded) error = file.string() + ": its counts do not add up";
    return decoded;
}

bool write_body_meshes(const std::filesystem::path& file, const BodyMeshes& body, std::string& error) {
    const std::string payload = encode(body);
    const std::uint64_t checksum = fnv1a(payload.data(), payload.size());
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    return write_atomically(
        file,
        [&](const std::filesystem::path& tmp) {
            std::ofstream out(tmp, std::ios::binary);
            out.write(kMagic, sizeof kMagic);
            out.write(reinterpret_cast<const char*>(&kGeometryVersion), sizeof kGeometryVersion);
            out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
            out.write(reinterpret_cast<const char*>(&checksum), sizeof checksum);
            return static_cast<bool>(out.flush());
        },
        error);
}

void evict_old_meshes(const std::filesystem::path& folder, std::size_t keep) {
    std::error_code ec;
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".mesh" && entry.path().filename().string().starts_with("body-")) {
            files.emplace_back(entry.last_write_time(ec), entry.path());
        }
    }
    if (files.size() <= keep) return;
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = keep; i < files.size(); ++i) std::filesystem::remove(files[i].second, ec);
}

namespace {
// The body of `options` with the default catheter, from the first folder that has it, else baked.
BodyMeshes stored_body(const AnatomyOptions& options, const MeshSources& sources, std::string& note) {
    AnatomyOptions base = options;
    base.catheter_tip = AnatomyOptions{}.catheter_tip;
    base.catheter_entry = AnatomyOptions{}.catheter_entry;
    const std::string name = mesh_cache_name(base);
    std::string why;
    for (const auto& dir : sources.read_dirs) {
        std::string error;
        if (auto body = read_body_meshes(dir / name, error)) {
            note = "meshes read from " + (dir / name).string();
            return std::move(*body);
        }
        why = error;
    }
    MeshingDesc meshing;
    BakeDesc bake = sources.bake;
    if (sources.progress) {  // about half the time meshes, half casts rays
        meshing.progress = [&](float f) { sources.progress(0.5f * f); };
        bake.progress = [&](float f) { sources.progress(0.5f + 0.5f * f); };
    }
    BodyMeshes body = mesh_body(BodyShape(build_anatomy(base)), meshing);
    bake_lighting(body, bake);
    note = "meshed and baked (" + why + ")";
    if (!sources.write_dir.empty()) {
        std::string error;
        if (write_body_meshes(sources.write_dir / name, body, error)) {
            evict_old_meshes(sources.write_dir, sources.keep);
            note += "; written to " + (sources.write_dir / name).string();
        } else {
            note += "; not cached: " + error;
        }
    }
    return body;
}
}  // namespace

BodyMeshes body_meshes_for(const Anatomy& anatomy, const MeshSources& sources, std::string& note) {
    BodyMeshes body = stored_body(anatomy.options, sources, note);
    const AnatomyOptions defaults;
    if (anatomy.options.catheter_tip != defaults.catheter_tip || anatomy.options.catheter_entry.upper != defaults.catheter_entry.upper) {
        replace_catheter(body, anatomy, sources.bake);
        note += "; the catheter meshed for its tip and entry";
    }
    return body;
}

}  // namespace thecaview
