// Runs per-file work on a pool of threads, keeping results in input order (deterministic output).
#pragma once

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>
#include <vector>

namespace pcl::cli {

/// Number of worker threads for --jobs 0 (= one per core).
inline unsigned DefaultJobs() { return std::max(1u, std::thread::hardware_concurrency()); }

/// Calls `work(i)` for i in [0, count) on up to `jobs` threads; returns when all are done.
inline void RunParallel(size_t count, unsigned jobs, const std::function<void(size_t)>& work) {
  jobs = std::max(1u, std::min<unsigned>(jobs == 0 ? DefaultJobs() : jobs, static_cast<unsigned>(count)));
  if (jobs <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++) work(i);
    });
  }
  for (auto& thread : threads) thread.join();
}

}  // namespace pcl::cli
