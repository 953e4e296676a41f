#include "analysis_worker.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <thread>

#include "readers/document_metadata.h"
#include "readers/registry.h"
#include "wire_format.h"

extern char** environ;

namespace kb {

ParsedFile parse_file(const Reader& reader, std::string_view bytes, const SourceInfo& source,
                      analysis::DocumentAnalyzer& analyzer) {
  ParsedFile parsed;
  parsed.read = read_document(reader, bytes, source.path);
  if (!parsed.read.ok()) return parsed;
  {
    const analysis::AnalyzedDocument doc = analyzer.analyze(parsed.read.doc);
    parsed.passages = doc.passages.size();
    parsed.text_bytes = doc.text.size();
    parsed.prepared = IndexWriter::prepare(source, doc);
  }
  std::vector<std::string> warnings = std::move(parsed.read.doc.warnings);
  parsed.read.doc = ExtractedDoc{};
  parsed.read.doc.warnings = std::move(warnings);
  return parsed;
}

namespace {

using Clock = std::chrono::steady_clock;

// Files are at most a few hundred MiB (--max-file-size); a frame header beyond this is garbage.
constexpr std::uint64_t kMaxFrameBytes = 16ull << 30;

// send() rather than write(): MSG_NOSIGNAL turns a peer that is gone into EPIPE instead of a
// SIGPIPE that would end kb-index.
bool send_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

enum class Received { kOk, kClosed, kTimedOut };

// Reads exactly `size` bytes, waiting until `deadline` at most (no deadline: Clock::time_point::max()).
Received receive_exactly(int fd, std::size_t size, std::string& out, Clock::time_point deadline) {
  out.resize(size);
  std::size_t got = 0;
  while (got < size) {
    if (deadline != Clock::time_point::max()) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return Received::kTimedOut;
      pollfd p{fd, POLLIN, 0};
      const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1 << 30)));
      if (ready < 0 && errno == EINTR) continue;
      if (ready == 0) return Received::kTimedOut;
      if (ready < 0) return Received::kClosed;
    }
    const ssize_t n = ::read(fd, out.data() + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Received::kClosed;
    got += static_cast<std::size_t>(n);
  }
  return Received::kOk;
}

Received receive_frame(int fd, std::string& out, Clock::time_point deadline) {
  std::string header;
  const Received r = receive_exactly(fd, 8, header, deadline);
  if (r != Received::kOk) return r;
  const std::uint64_t length = frame_length(header);
  if (length > kMaxFrameBytes) return Received::kClosed;  // not a message of ours: treat as a dead peer
  return receive_exactly(fd, length, out, deadline);
}

std::string encode_job(const SourceInfo& source, const std::string& bytes) {
  WireWriter w;
  w.reserve(bytes.size() + source.id.size() + source.path.size() + source.hash.size() + source.format.size() + 64);
  w.str(source.id);
  w.str(source.path);
  w.str(source.hash);
  w.u64(source.size);
  w.u64(static_cast<std::uint64_t>(source.mtime));
  w.str(source.format);
  w.str(bytes);
  return w.take();
}

std::string encode_result(const ParsedFile& parsed) {
  WireWriter w;
  w.u64(static_cast<std::uint64_t>(parsed.read.status));
  w.str(parsed.read.message);
  w.u64(parsed.read.doc.warnings.size());
  for (const std::string& warning : parsed.read.doc.warnings) w.str(warning);
  w.u64(parsed.passages);
  w.u64(parsed.text_bytes);
  if (parsed.read.ok()) parsed.prepared.encode(w);
  return w.take();
}

ParsedFile decode_result(const std::string& bytes) {
  WireReader r(bytes);
  ParsedFile parsed;
  const std::uint64_t status = r.u64();
  if (status > static_cast<std::uint64_t>(ReadStatus::kCrashed)) throw WireError("bad status");
  parsed.read.status = static_cast<ReadStatus>(status);
  parsed.read.message = r.str();
  const std::uint64_t warnings = r.u64();
  for (std::uint64_t i = 0; i < warnings; ++i) parsed.read.doc.warnings.push_back(r.str());
  parsed.passages = r.u64();
  parsed.text_bytes = r.u64();
  if (parsed.read.ok()) parsed.prepared = IndexWriter::Prepared::decode(r);
  if (!r.done()) throw WireError("trailing bytes");
  return parsed;
}

std::string signal_name(int sig) {
  const char* abbrev = ::sigabbrev_np(sig);
  return abbrev != nullptr ? "SIG" + std::string(abbrev) : "signal " + std::to_string(sig);
}

ParsedFile crashed(std::string message) {
  ParsedFile parsed;
  parsed.read = ReadResult::failure(ReadStatus::kCrashed, std::move(message));
  return parsed;
}

// The test hook of serve_analysis_worker(): KB_INJECT_FAULT=MODE:TEXT.
void maybe_inject_fault(const std::string& path) {
  static const char* spec = std::getenv("KB_INJECT_FAULT");
  if (spec == nullptr) return;
  const std::string_view s(spec);
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon + 1 == s.size()) return;
  if (path.find(s.substr(colon + 1)) == std::string::npos) return;
  const std::string_view mode = s.substr(0, colon);
  if (mode == "segv") ::raise(SIGSEGV);
  if (mode == "abort") std::abort();
  if (mode == "exit") ::_exit(3);
  if (mode == "hang")
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}

}  // namespace

AnalysisWorkerProcess::AnalysisWorkerProcess(WorkerCommand command) : command_(std::move(command)) {}

AnalysisWorkerProcess::~AnalysisWorkerProcess() { stop(false); }

void AnalysisWorkerProcess::start() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    throw std::runtime_error(std::string("socketpair: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // The child's end becomes its standard input and output (dup2 clears close-on-exec there).
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  std::vector<char*> argv;
  for (std::string& a : command_.argv) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    throw std::runtime_error("cannot start " + command_.argv[0] + ": " + std::strerror(rc));
  }
  socket_ = fds[0];
  pid_ = pid;
}

void AnalysisWorkerProcess::stop(bool kill) {
  if (pid_ < 0) return;
  if (kill) ::kill(pid_, SIGKILL);
  ::close(socket_);
  socket_ = -1;
  // A child that sees its input close exits at once; one that does not within a few seconds
  // is stuck, and is killed.
  int status = 0;
  for (int i = 0; i < 500 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  if (::waitpid(pid_, &status, WNOHANG) == 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
  }
  pid_ = -1;
}

std::string AnalysisWorkerProcess::death_of_child() {
  ::close(socket_);
  socket_ = -1;
  int status = 0;
  std::string how = "died";
  if (::waitpid(pid_, &status, 0) == pid_) {
    if (WIFSIGNALED(status))
      how = "died of " + signal_name(WTERMSIG(status));
    else if (WIFEXITED(status))
      how = "exited with status " + std::to_string(WEXITSTATUS(status));
  }
  pid_ = -1;
  return how;
}

AnalysisWorkerProcess::Outcome AnalysisWorkerProcess::attempt(const std::string& job, ParsedFile& out,
                                                              std::string& how) {
  if (pid_ < 0) start();
  const Clock::time_point deadline = Clock::now() + command_.timeout;
  if (!send_all(socket_, frame_header(job.size())) || !send_all(socket_, job)) {
    how = death_of_child();
    return Outcome::kDied;
  }
  switch (receive_frame(socket_, reply_, deadline)) {
    case Received::kTimedOut:
      stop(true);
      return Outcome::kTimedOut;
    case Received::kClosed:
      how = death_of_child();
      return Outcome::kDied;
    case Received::kOk:
      break;
  }
  try {
    out = decode_result(reply_);
  } catch (const WireError& e) {
    stop(true);
    how = std::string("sent a malformed result (") + e.what() + ")";
    return Outcome::kDied;
  }
  return Outcome::kDone;
}

ParsedFile AnalysisWorkerProcess::parse(const SourceInfo& source, const std::string& bytes) {
  const std::string job = encode_job(source, bytes);
  std::string first;
  for (int attempt_no = 0; attempt_no < 2; ++attempt_no) {
    ParsedFile out;
    std::string how;
    Outcome outcome;
    try {
      outcome = attempt(job, out, how);
    } catch (const std::exception& e) {  // the child could not be started
      return crashed(std::string("crashed: ") + e.what());
    }
    if (outcome == Outcome::kDone) return out;
    if (outcome == Outcome::kTimedOut)
      return crashed("crashed: reading and analysing took longer than " + std::to_string(command_.timeout.count()) +
                     " s; the worker was stopped");
    if (attempt_no == 0) {
      first = how;
      continue;
    }
    return crashed("crashed: the analysis worker " + (first == how ? how + " twice" : first + ", then " + how) +
                   " on this file");
  }
  return crashed("crashed");  // not reached
}

int serve_analysis_worker() {
  // Results go to the standard output we were started with; anything a library prints to
  // standard output from now on lands on standard error instead of corrupting a result.
  const int results = ::dup(STDOUT_FILENO);
  if (results < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) return 2;
  const ReaderRegistry& readers = ReaderRegistry::standard();
  analysis::DocumentAnalyzer analyzer;
  std::string job;  // kept across files: large buffers are not faulted in again for each file
  for (;;) {
    const Received r = receive_frame(STDIN_FILENO, job, Clock::time_point::max());
    if (r != Received::kOk) return 0;  // kb-index closed our input: the run is over
    SourceInfo source;
    std::string_view bytes;
    try {
      WireReader in(job);
      source.id = in.str();
      source.path = in.str();
      source.hash = in.str();
      source.size = in.u64();
      source.mtime = static_cast<std::int64_t>(in.u64());
      source.format = in.str();
      bytes = in.str_view();
    } catch (const WireError&) {
      return 2;
    }
    maybe_inject_fault(source.path);
    ParsedFile parsed;
    const Reader* reader = readers.find(source.path, bytes.substr(0, 16));
    if (reader == nullptr) {
      parsed.read = ReadResult::failure(ReadStatus::kUnsupported, "no reader for this file");
    } else {
      try {
        parsed = parse_file(*reader, bytes, source, analyzer);
      } catch (const std::bad_alloc&) {
        parsed = ParsedFile{};
        parsed.read = ReadResult::failure(ReadStatus::kTooLarge, "out of memory while reading or analysing it");
      } catch (const std::exception& e) {
        parsed = ParsedFile{};
        parsed.read = ReadResult::failure(ReadStatus::kCorrupt, std::string("reader failed: ") + e.what());
      }
    }
    const std::string result = encode_result(parsed);
    if (!send_all(results, frame_header(result.size())) || !send_all(results, result)) return 0;
  }
}

}  // namespace kb
