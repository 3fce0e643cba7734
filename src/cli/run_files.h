// Runs per-file work on a pool of threads, keeping results in input order (deterministic output).
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pcl::cli {

/// Number of worker threads for --jobs 0 (= one per core).
inline unsigned DefaultJobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

/// The worker threads for `count` inputs and --jobs `jobs`: at least 1, at most one per input.
inline unsigned WorkerCount(size_t count, unsigned jobs) {
  return std::max(1u, std::min<unsigned>(jobs == 0 ? DefaultJobs() : jobs, static_cast<unsigned>(count)));
}

/// Calls `work(i)` for i in [0, count) on up to `jobs` threads; returns when all are done.
inline void RunParallel(size_t count, unsigned jobs, const std::function<void(size_t)>& work) {
  jobs = WorkerCount(count, jobs);
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

/// Calls `work(i, result)` for i in [0, count) on up to `jobs` threads, and `done(i, result)` in
/// input order, one call at a time, as soon as input i and every one before it are worked: results
/// are used and dropped as they come, so memory does not grow with `count`. Work runs at most two
/// inputs per thread ahead of the last one done, so that many results wait at most. An exception
/// stops the run (no later input is done) and is rethrown here once every thread has stopped.
template <typename Result>
void RunOrdered(size_t count, unsigned jobs, const std::function<void(size_t, Result&)>& work,
                const std::function<void(size_t, Result&)>& done) {
  jobs = WorkerCount(count, jobs);
  if (jobs <= 1) {
    for (size_t i = 0; i < count; ++i) {
      Result result;
      work(i, result);
      done(i, result);
    }
    return;
  }
  const size_t window = 2 * static_cast<size_t>(jobs);
  std::vector<Result> slots(window);  // input i uses slot i % window: at most `window` are in flight
  std::vector<char> ready(window, 0);
  std::mutex mutex;
  std::condition_variable room;
  size_t next = 0;        // the next input to work
  size_t finished = 0;    // inputs done (passed to `done`), in order
  bool emitting = false;  // one thread calls `done` at a time; the others keep working
  std::exception_ptr error;
  auto worker = [&] {
    std::unique_lock lock(mutex);
    bool mine = false;  // this thread is the one calling `done`
    try {
      for (;;) {
        room.wait(lock, [&] { return next >= count || next < finished + window; });
        if (next >= count) return;
        const size_t i = next++;
        lock.unlock();
        work(i, slots[i % window]);
        lock.lock();
        ready[i % window] = 1;
        if (emitting) continue;  // that thread sees this result when its turn comes
        emitting = mine = true;
        while (!error && finished < count && ready[finished % window]) {
          const size_t j = finished;
          lock.unlock();
          done(j, slots[j % window]);
          slots[j % window] = Result();
          lock.lock();
          ready[j % window] = 0;
          ++finished;
          room.notify_all();
        }
        emitting = mine = false;
      }
    } catch (...) {
      if (!lock.owns_lock()) lock.lock();
      if (!error) error = std::current_exception();
      if (mine) emitting = false;
      next = count;  // nothing more is handed out; the waiting threads leave
      room.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& thread : threads) thread.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace pcl::cli
