#include "shard_set.h"

#include <filesystem>
#include <fstream>
#include <optional>

#include "schema/schema.h"
#include "searcher.h"

namespace kb::search {
namespace {

namespace fs = std::filesystem;

struct StubLine {
  std::string kind;   // "local" or "remote"
  std::string where;  // a folder, or HOST:PORT
};

std::vector<StubLine> read_stub(const fs::path& dir) {
  std::ifstream in(dir / schema::kStubFile);
  if (!in) throw SearchError("cannot open index " + dir.string() + ": cannot read its " + schema::kStubFile);
  std::vector<StubLine> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::size_t space = line.find(' ');
    const std::string kind = line.substr(0, space);
    std::string where = space == std::string::npos ? std::string() : line.substr(space + 1);
    if (where.empty()) throw SearchError("index " + dir.string() + ": shard line '" + line + "' names no database");
    if (kind == "auto" || kind == "glass" || kind == "chert") {
      const fs::path p(where);
      lines.push_back({"local", p.is_absolute() ? p.string() : (dir / p).string()});
    } else if (kind == "remote") {
      if (where.rfind("tcp://", 0) == 0) where.erase(0, 6);
      lines.push_back({"remote", where});
    } else {
      throw SearchError("index " + dir.string() + ": shard line '" + line +
                        "' is neither a local database (auto PATH) nor a remote one (remote HOST:PORT)");
    }
  }
  if (lines.empty()) throw SearchError("index " + dir.string() + ": its " + schema::kStubFile + " names no shard");
  return lines;
}

Xapian::Database open_remote(const std::string& where) {
  const std::size_t colon = where.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == where.size())
    throw Xapian::InvalidArgumentError("'" + where + "' is not HOST:PORT");
  const std::string port_text = where.substr(colon + 1);
  if (port_text.find_first_not_of("0123456789") != std::string::npos || port_text.size() > 5)
    throw Xapian::InvalidArgumentError("'" + port_text + "' is not a port number");
  const unsigned port = static_cast<unsigned>(std::stoul(port_text));
  // Ten seconds for an answer, five to connect: a stopped server is reported, not waited for.
  return Xapian::Remote::open(where.substr(0, colon), port, 10000, 5000);
}

// Why a shard cannot be searched with the others, or nothing.
std::optional<std::string> layout_problem(const Xapian::Database& db) {
  const std::string layout = db.get_metadata(schema::kMetaLayout);
  if (layout == std::to_string(schema::kLayout)) return std::nullopt;
  if (layout.empty() && db.get_doccount() == 0) return std::nullopt;  // never written
  return "it was built by an older kb-index (record layout " + (layout.empty() ? std::string("1") : layout) +
         "); run kb-index on its folders again to update it";
}

}  // namespace

ShardSet ShardSet::open(const std::string& db_dir, bool allow_partial) {
  std::error_code ec;
  if (!fs::is_directory(db_dir, ec)) throw SearchError("no index at " + db_dir + " (run kb-index first, or pass --db)");
  ShardSet set;
  std::vector<StubLine> lines;
  const bool stub = fs::exists(fs::path(db_dir) / schema::kStubFile, ec);
  if (stub)
    lines = read_stub(db_dir);
  else
    lines.push_back({"local", db_dir});
  for (const StubLine& line : lines) {
    const std::string name = !stub                   ? db_dir
                             : line.kind == "remote" ? line.where
                                                     : fs::path(line.where).filename().string();
    try {
      Xapian::Database db = line.kind == "remote" ? open_remote(line.where) : Xapian::Database(line.where);
      if (const auto problem = layout_problem(db))
        throw SearchError("cannot search index " + db_dir + (stub ? ", shard " + name : std::string()) + ": " +
                          *problem);
      set.shards_.push_back({name, std::move(db), line.kind == "remote"});
    } catch (const Xapian::Error& e) {
      const std::string why = e.get_type() + std::string(": ") + e.get_msg();
      if (!stub) throw SearchError("cannot open index " + db_dir + ": " + e.get_msg());
      if (!allow_partial)
        throw SearchError("index " + db_dir + ": shard " + name + " cannot be opened (" + why +
                          "); --allow-partial searches the others");
      set.missing_.push_back(name + ": " + why);
    }
  }
  if (set.shards_.empty()) throw SearchError("index " + db_dir + ": no shard can be opened");
  // Shards analysed by different versions index different terms for the same words.
  std::string version;
  std::string first;
  for (const Shard& shard : set.shards_) {
    const std::string v = shard.db.get_metadata(schema::kMetaAnalysis);
    if (v.empty()) continue;
    if (version.empty()) {
      version = v;
      first = shard.name;
    } else if (v != version) {
      throw SearchError("index " + db_dir + ": shard " + shard.name + " was analysed by version " + v + " and shard " +
                        first + " by version " + version + "; run kb-index on the older one again");
    }
  }
  for (const Shard& shard : set.shards_) set.combined_.add_database(shard.db);
  return set;
}

bool ShardSet::remote() const {
  for (const Shard& shard : shards_)
    if (shard.remote) return true;
  return false;
}

std::string ShardSet::names() const {
  std::string out;
  for (const Shard& shard : shards_) {
    if (!out.empty()) out += ", ";
    out += shard.name;
  }
  return out;
}

}  // namespace kb::search
