// A one-line progress bar for kb-index on a terminal: "[#####.....] 120/400 path", redrawn in
// place on stderr with \r, at most ten times a second. clear() wipes it before any other line
// is printed so messages never interleave with the bar. Used only when stderr is a TTY.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace kb {

class ProgressBar {
 public:
  explicit ProgressBar(std::FILE* out, std::size_t width = 30) : out_(out), width_(width) {}

  void update(std::size_t done, std::size_t total, const std::string& path) {
    const auto now = std::chrono::steady_clock::now();
    if (done != total && shown_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const std::size_t filled = total == 0 ? width_ : done * width_ / total;
    std::string line = "\r[" + std::string(filled, '#') + std::string(width_ - filled, '.') + "] " +
                       std::to_string(done) + "/" + std::to_string(total) + " ";
    std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
    if (name.size() > 40) {
      std::size_t cut = 40;
      while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 only
      name.resize(cut);
    }
    line += name;
    std::fprintf(out_, "%s\x1b[K", line.c_str());  // ESC[K: erase the rest of the old line
    std::fflush(out_);
    shown_ = true;
  }

  void clear() {
    if (!shown_) return;
    std::fprintf(out_, "\r\x1b[K");
    std::fflush(out_);
    shown_ = false;
  }

 private:
  std::FILE* out_;
  std::size_t width_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace kb
