// A fixed set of worker threads taking tasks from one queue. Each task is told which worker runs
// it (0 … size()-1), so a caller can give every worker its own state (kb-index: one analyzer per
// worker) without locks. Results travel however the task chooses (IndexingRun uses a promise per
// file).
//
// Order: worker 0 takes the oldest task, the others the heaviest (by the weight given to
// submit(), oldest first among equals). A consumer that needs results in submission order (the
// index writer) is fed by worker 0 while the others start the slow tasks early, so that a big
// file met late does not end a run alone.
//
// Known weaknesses: the queue is unbounded (the caller bounds what it submits) and a pick scans it
// (fine for the few dozen tasks kb-index keeps in flight); tasks still queued when the pool is
// destroyed are dropped, not run.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kb {

class WorkerPool {
 public:
  using Task = std::function<void(std::size_t worker)>;

  explicit WorkerPool(std::size_t workers);
  ~WorkerPool();  // drops queued tasks, waits for running ones
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void submit(Task task, std::uint64_t weight = 0);
  std::size_t size() const { return threads_.size(); }

 private:
  void run(std::size_t worker);

  std::mutex mutex_;
  std::condition_variable ready_;
  struct Queued {
    std::uint64_t weight;
    Task task;
  };
  std::deque<Queued> queue_;  // oldest first
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kb
