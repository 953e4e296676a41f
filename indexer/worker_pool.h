// A fixed set of worker threads taking tasks from one queue, first in first out. Each task is
// told which worker runs it (0 … size()-1), so a caller can give every worker its own state
// (kb-index: one analyzer per worker) without locks. Results travel however the task chooses
// (IndexingRun uses a promise per file).
//
// Known weaknesses: the queue is unbounded (the caller bounds what it submits); tasks still
// queued when the pool is destroyed are dropped, not run.
#pragma once

#include <condition_variable>
#include <cstddef>
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

  void submit(Task task);
  std::size_t size() const { return threads_.size(); }

 private:
  void run(std::size_t worker);

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Task> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kb
