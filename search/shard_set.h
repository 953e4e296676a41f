// Opens a kb index for searching: one Xapian database, or a folder whose stub file `XAPIANDB`
// lists shards (schema.h, "Shards") — local databases and databases served by Xapian's
// `xapian-tcpsrv` (`remote HOST:PORT`). Each shard is opened here rather than by Xapian's own
// stub reader, so that a shard that is missing or does not answer is named in the error, and so
// that per-shard metadata (`doc:` entries, which a multi-database reads from its first shard
// only) can be read shard by shard.
//
// Checks what would make an answer wrong: shards of another record layout or of different
// analysis versions are refused, naming them. With `allow_partial`, a shard that cannot be opened
// is left out with a warning and the set says it is partial (searches then mark their results);
// without it, it is an error.
//
// Known weaknesses: a shard that dies during a query makes that query fail (Xapian's
// NetworkError, reported with the shards' names), even with allow_partial; the same document
// in two shards is found only when both copies are among a query's hits (Searcher checks its
// results), not when the set is opened.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace kb::search {

class ShardSet {
 public:
  struct Shard {
    std::string name;  // the stub line's target as written (`shard-00`, `127.0.0.1:8100`) or the folder
    Xapian::Database db;
    bool remote = false;  // served by xapian-tcpsrv
  };

  // Throws SearchError (searcher.h) naming the index or the shard and the reason.
  static ShardSet open(const std::string& db_dir, bool allow_partial = false);

  // Every opened shard searched as one.
  const Xapian::Database& combined() const { return combined_; }
  const std::vector<Shard>& shards() const { return shards_; }
  // Shards left out (allow_partial), each as "NAME: reason".
  const std::vector<std::string>& missing() const { return missing_; }
  bool partial() const { return !missing_.empty(); }
  // Whether a shard is remote: Xapian 1.4's remote backend runs no MatchDecider or KeyMaker.
  bool remote() const;
  // A one-line description of the shards for an error message: "shard-00, shard-01".
  std::string names() const;

 private:
  std::vector<Shard> shards_;
  std::vector<std::string> missing_;
  Xapian::Database combined_;
};

}  // namespace kb::search
