// Runs a loop's iterations on several threads: the mesher's blocks and the baker's vertices.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace thecaview {

// Calls body(i) for every i in [0, count) on `threads` threads (0: one per hardware thread),
// handing out indices one at a time so that uneven iterations balance.
template <typename Body>
void parallel_for(std::size_t count, int threads, Body body) {
    const unsigned n = threads > 0 ? static_cast<unsigned>(threads) : std::max(1u, std::thread::hardware_concurrency());
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++) body(i);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
}

}  // namespace thecaview
