// RunOrdered: results come out in input order whatever order the threads finish in, no more than
// two per thread wait, and an exception stops the run and reaches the caller.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "cli/run_files.h"

namespace pcl::cli {
namespace {

TEST_CASE("RunOrdered hands results over in input order with a bounded number waiting", "[cli][parallel]") {
  for (unsigned jobs : {1u, 2u, 4u}) {
    INFO(jobs << " jobs");
    const size_t count = 200;
    std::atomic<int> in_flight{0}, most_in_flight{0};
    std::vector<size_t> order;
    std::vector<bool> own_result;
    RunOrdered<size_t>(
        count, jobs,
        [&](size_t i, size_t& result) {
          int now = ++in_flight;
          for (int seen = most_in_flight; now > seen && !most_in_flight.compare_exchange_weak(seen, now);) {}
          // Early inputs finish last now and then, so later ones must wait for them.
          if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
          result = i * 10;
        },
        [&](size_t i, size_t& result) {
          own_result.push_back(result == i * 10);
          order.push_back(i);
          --in_flight;  // worked and not yet done: the results held
        });
    REQUIRE(order.size() == count);
    for (size_t i = 0; i < count; ++i) {
      CHECK(order[i] == i);
      CHECK(own_result[i]);
    }
    CHECK(most_in_flight <= static_cast<int>(2 * jobs));
  }
}

TEST_CASE("RunOrdered stops at an exception and rethrows it to the caller", "[cli][parallel]") {
  for (unsigned jobs : {1u, 2u}) {
    for (bool in_done : {false, true}) {
      INFO(jobs << " jobs, thrown in " << (in_done ? "done" : "work"));
      std::vector<size_t> order;
      auto run = [&] {
        RunOrdered<int>(
            1000, jobs,
            [&](size_t i, int&) {
              if (!in_done && i == 50) throw std::runtime_error("boom");
            },
            [&](size_t i, int&) {
              if (in_done && i == 50) throw std::runtime_error("boom");
              order.push_back(i);
            });
      };
      CHECK_THROWS_WITH(run(), "boom");
      // Nothing after the failed input; before it, all when done failed (done runs in order).
      CHECK(order.size() <= 50);
      if (in_done || jobs == 1) CHECK(order.size() == 50);
      for (size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
    }
  }
}

}  // namespace
}  // namespace pcl::cli
