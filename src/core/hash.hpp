// FNV-1a, 64 bits: a quick fingerprint of bytes (cache keys and checksums, what a frame drew).
#pragma once

#include <cstddef>
#include <cstdint>

namespace thecaview {

inline constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;

inline std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t h = kFnvOffset) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        h ^= bytes[i];
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace thecaview
