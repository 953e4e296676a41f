// Issue 16: record layout 2 (passages are the only Xapian documents). An index written by an
// older kb (layout 1: a record per document, figure and quote beside the passages) is turned into
// layout 2 when kb-index opens it — its files are found and re-indexed, the old records are gone —
// and kb-search refuses it until then, saying what to do.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include <xapian.h>

#include "index_writer.h"
#include "schema/schema.h"
#include "support/test_support.h"

namespace kb::test {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

// A layout-1 index of one file as kb wrote it before: document, passage, figure and quote records.
void write_layout_one(const fs::path& db_dir, const fs::path& file) {
  Xapian::WritableDatabase db(db_dir.string(), Xapian::DB_CREATE_OR_OPEN);
  const std::string id = schema::document_id_for_path(fs::canonical(file).string());
  Xapian::Document doc;
  doc.add_boolean_term("Q" + id);
  doc.add_boolean_term(schema::parent_term(id));
  doc.add_boolean_term(schema::type_term(schema::kTypeLegacyDocument));
  doc.add_value(schema::kDocIdSlot, id);
  doc.set_data(json{{"path", fs::canonical(file).string()}, {"hash", "old-a9"}, {"passages", 1}}.dump());
  db.add_document(doc);
  Xapian::Document passage;
  passage.add_boolean_term(schema::passage_uid_term(id, 0));
  passage.add_boolean_term(schema::parent_term(id));
  passage.add_boolean_term(schema::type_term(schema::kTypePassage));
  passage.add_posting("실리콘밸리", 1);
  passage.add_value(schema::kDocIdSlot, id);
  passage.set_data(json{{"doc", id}, {"path", fs::canonical(file).string()}}.dump());
  db.add_document(passage);
  for (const std::string_view type : {schema::kTypeFigure, schema::kTypeQuote}) {
    Xapian::Document record;
    record.add_boolean_term(schema::parent_term(id));
    record.add_boolean_term(schema::type_term(type));
    db.add_document(record);
  }
  db.commit();
}

TEST(Issue16_LayoutMigration, KbSearchRefusesAnOlderLayout) {
  TempDir tmp;
  const fs::path file = tmp.write("docs/a.txt", "실리콘밸리가 다시 부상했다.\n");
  write_layout_one(tmp / "db", file);
  const CommandResult r = run_program("kb-search", {"--db", (tmp / "db").string(), "실리콘밸리"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("older kb-index"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("run kb-index"), std::string::npos) << r.err;
}

TEST(Issue16_LayoutMigration, KbIndexTurnsItIntoLayoutTwo) {
  TempDir tmp;
  const fs::path file = tmp.write("docs/a.txt", "실리콘밸리가 다시 부상했다. 투자는 1,090억달러에 이르렀다.\n");
  const fs::path gone = tmp.write("docs/gone.txt", "이 파일은 곧 지워진다.\n");
  write_layout_one(tmp / "db", file);
  write_layout_one(tmp / "db", gone);
  fs::remove(gone);
  {
    IndexWriter writer((tmp / "db").string());
    // The old document records became doc: entries, so both files are known (and the deleted
    // one can be removed); figure and quote records are gone.
    EXPECT_EQ(writer.documents().size(), 2u);
  }
  const CommandResult r = run_program("kb-index", {"--db", (tmp / "db").string(), "--json", (tmp / "docs").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Xapian::Database db((tmp / "db").string());
  EXPECT_EQ(db.get_metadata(schema::kMetaLayout), std::to_string(schema::kLayout));
  EXPECT_EQ(db.get_termfreq(schema::type_term(schema::kTypeLegacyDocument)), 0u);
  EXPECT_EQ(db.get_termfreq(schema::type_term(schema::kTypePassage)), db.get_doccount());
  const std::string gone_id = schema::document_id_for_path((tmp / "docs").string() + "/gone.txt");
  EXPECT_TRUE(db.get_metadata(schema::document_metadata_key(gone_id)).empty());
  const CommandResult search = run_program("kb-search", {"--db", (tmp / "db").string(), "--json", "실리콘밸리"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
  const CommandResult figures =
      run_program("kb-search", {"--db", (tmp / "db").string(), "--figures", "--figure", "USD>=1e11"});
  EXPECT_EQ(figures.exit_code, 0) << figures.err;
  EXPECT_NE(figures.out.find("1,090억달러"), std::string::npos) << figures.out;
}

}  // namespace
}  // namespace kb::test
