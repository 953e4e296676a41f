#include "worker_pool.h"

namespace kb {

WorkerPool::WorkerPool(std::size_t workers) {
  threads_.reserve(workers);
  for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this, i] { run(i); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void WorkerPool::submit(Task task, std::uint64_t weight) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({weight, std::move(task)});
  }
  ready_.notify_one();
}

void WorkerPool::run(std::size_t worker) {
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      auto pick = queue_.begin();
      if (worker != 0)
        for (auto it = queue_.begin(); it != queue_.end(); ++it)
          if (it->weight > pick->weight) pick = it;
      task = std::move(pick->task);
      queue_.erase(pick);
    }
    task(worker);
  }
}

}  // namespace kb
