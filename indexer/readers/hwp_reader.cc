#include "readers/hwp_reader.h"

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input-proxy.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-utils.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>

#include "analysis/unicode_text.h"
#include "readers/html_blocks.h"
#include "readers/xml_util.h"

namespace kb {
namespace {

constexpr std::uint32_t kTagParaText = 67;    // HWPTAG_BEGIN (16) + 51
constexpr std::uint32_t kTagCtrlHeader = 71;  // + 55: a control; its records sit one level deeper
constexpr std::uint32_t kTagListHeader = 72;  // + 56: a paragraph list (table cell, note, header …)
constexpr std::uint32_t kTagTable = 77;       // + 61: table properties, before the cell lists
constexpr std::uint64_t kMaxStreamBytes = 256ull << 20;

struct ObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
using InputPtr = std::unique_ptr<GsfInput, ObjectUnref>;
using InfilePtr = std::unique_ptr<GsfInfile, ObjectUnref>;

std::uint32_t le32(std::string_view s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3])) << 24;
}
std::uint16_t le16(std::string_view s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) |
                                    static_cast<unsigned char>(s[at + 1]) << 8);
}

struct StreamData {
  bool ok = false;
  std::string data;
};

StreamData read_stream(GsfInput* input) {
  StreamData out;
  const gsf_off_t size = gsf_input_size(input);
  if (size < 0 || static_cast<std::uint64_t>(size) > kMaxStreamBytes) return out;
  out.data.resize(static_cast<std::size_t>(size));
  if (size > 0 && gsf_input_read(input, static_cast<size_t>(size), reinterpret_cast<guint8*>(out.data.data())) == nullptr)
    return out;
  out.ok = true;
  return out;
}

InputPtr child(GsfInfile* infile, const char* name) {
  return InputPtr(gsf_infile_child_by_name(infile, name));
}

// Raw deflate (no zlib header), bounded output.
StreamData inflate_raw(std::string_view in) {
  StreamData out;
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) return out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  char buffer[64 * 1024];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.data.append(buffer, sizeof buffer - z.avail_out);
    if (out.data.size() > kMaxStreamBytes) break;
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) break;  // truncated input
  }
  inflateEnd(&z);
  out.ok = rc == Z_STREAM_END;
  return out;
}

// One PARA_TEXT record: UTF-16LE code units with HWP control characters.
std::string para_text(std::string_view body) {
  std::u16string units;
  const std::size_t n = body.size() / 2;
  for (std::size_t i = 0; i < n;) {
    const char16_t c = le16(body, i * 2);
    if (c >= 32) {
      units.push_back(c);
      ++i;
      continue;
    }
    switch (c) {
      case 0: case 13: ++i; break;                       // unused, paragraph end
      case 10: case 30: case 31: units.push_back(u' '); ++i; break;  // line break, fixed spaces
      case 24: units.push_back(u'-'); ++i; break;        // hyphen
      case 25: case 26: case 27: case 28: case 29: ++i; break;  // reserved single units
      case 9: units.push_back(u' '); i += 8; break;      // tab: an inline control
      default: i += 8; break;                            // other inline / extended controls
    }
  }
  std::string utf8;
  for (std::size_t i = 0; i < units.size(); ++i) {
    char32_t cp = units[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (units[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    analysis::append_utf8(utf8, cp);
  }
  return collapse_whitespace(utf8);
}

// HwpSummaryInformation: an OLE property set stream (one section). Reads the string and time
// properties kb uses: 2 title, 3 subject, 4 author, 12 creation time, 13 last-saved time.
void read_summary(std::string_view s, ExtractedDoc& doc) {
  if (s.size() < 48) return;
  const std::uint32_t section = le32(s, 44);
  if (section + 8 > s.size()) return;
  const std::uint32_t count = le32(s, section + 4);
  for (std::uint32_t i = 0; i < count && i < 64; ++i) {
    const std::size_t entry = section + 8 + i * 8;
    if (entry + 8 > s.size()) return;
    const std::uint32_t id = le32(s, entry);
    const std::size_t at = section + le32(s, entry + 4);
    if (at + 8 > s.size()) continue;
    const std::uint32_t type = le32(s, at);
    if (type == 0x1F && (id == 2 || id == 3 || id == 4)) {  // VT_LPWSTR: count (with NUL) then UTF-16LE
      const std::uint32_t chars = le32(s, at + 4);
      if (chars == 0 || chars > 4096 || at + 8 + chars * 2 > s.size()) continue;
      std::string text;
      for (std::uint32_t k = 0; k < chars; ++k) {
        const char16_t c = le16(s, at + 8 + k * 2);
        if (c == 0) break;
        analysis::append_utf8(text, c >= 0xD800 && c <= 0xDFFF ? U'\uFFFD' : static_cast<char32_t>(c));
      }
      text = collapse_whitespace(text);
      if (id == 2) doc.title = is_meaningful_title(text) ? text : std::string();
      else if (id == 3) doc.description = text;
      else doc.author = text;
    } else if (type == 0x40 && (id == 12 || id == 13) && at + 12 <= s.size()) {  // VT_FILETIME
      const std::uint64_t ft = le32(s, at + 4) | static_cast<std::uint64_t>(le32(s, at + 8)) << 32;
      if (ft == 0) continue;
      const std::int64_t unix_seconds = static_cast<std::int64_t>(ft / 10000000ull) - 11644473600ll;
      const std::time_t t = static_cast<std::time_t>(unix_seconds);
      std::tm tm{};
      if (gmtime_r(&t, &tm) != nullptr && tm.tm_year > 70 && tm.tm_year < 200) {
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        (id == 12 ? doc.date : doc.modified) = buf;
        doc.date_source = kDateFromMetadata;
      }
    }
  }
}

void ignore_glib_message(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

}  // namespace

HwpReader::HwpReader() {
  // libgsf reports damaged containers through g_log as well as through GError; the GError is
  // what kb reports, so the log lines (which would interleave with kb's output) are dropped.
  static std::once_flag once;
  std::call_once(once, [] {
    const auto levels = static_cast<GLogLevelFlags>(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
    for (const char* domain : {"libgsf", "libgsf:msole", "libgsf:utils", "GLib-GObject"})
      g_log_set_handler(domain, levels, ignore_glib_message, nullptr);
    // libgsf registers its GObject types on first use without a lock: two kb-index workers
    // opening their first HWP files at once could both register one (GsfInputMemory, or the
    // GsfInputProxy the OLE2 reader makes for each stream), and the loser crashed
    // (`gsf_input_set_modtime: assertion 'GSF_IS_INPUT (input)'`, or a segfault in
    // gsf_input_proxy_new_section). Every type an HWP read creates is registered here, on the
    // one thread that builds the readers before any worker starts.
    for (const GType type : {GSF_INPUT_MEMORY_TYPE, GSF_INPUT_PROXY_TYPE, GSF_INFILE_MSOLE_TYPE})
      g_type_class_unref(g_type_class_ref(type));
  });
}

namespace {

// Control ids are four characters stored as a little-endian UINT32 ("tbl " reads " lbt").
constexpr std::uint32_t ctrl_id(const char (&s)[5]) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[0])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[3]));
}

// Turns a section's record stream into paragraphs. Records nest by level: a control header at
// level L owns the records after it at levels above L. A table control ("tbl ") holds a TABLE
// record (row count, then the number of cells in each row) and one LIST_HEADER per cell, each
// followed by the cell's paragraphs; the cell's row address sits in the LIST_HEADER after the
// 8-byte list header (column at +8, row at +10). Cells of one row become one paragraph joined
// by " | ", as the DOCX and HWPX readers do; a nested table's rows join its cell's text. Notes
// ("fn  ", "en  ") inside a table follow the table instead of joining a cell. Captions (a list
// before the TABLE record) stay paragraphs of their own. Headers and footers ("head", "foot")
// go to a list of their own, for the end of the document.
class RecordWalker {
 public:
  explicit RecordWalker(HwpSectionText& out) : out_(out.body), page_(out.headers) {}

  void record(std::uint32_t tag, std::uint32_t level, std::string_view body) {
    while (!frames_.empty() && level <= frames_.back().level) close_frame();
    if (tag == kTagParaText) {
      std::string text = para_text(body);
      if (!text.empty()) sink(frames_.size()).push_back(std::move(text));
    } else if (tag == kTagCtrlHeader && body.size() >= 4 && frames_.size() < kMaxFrames) {
      const std::uint32_t id = le32(body, 0);
      if (id == ctrl_id("tbl "))
        frames_.emplace_back(Frame::kTable, level);
      else if (id == ctrl_id("fn  ") || id == ctrl_id("en  "))
        frames_.emplace_back(Frame::kNote, level);
      else if (id == ctrl_id("head") || id == ctrl_id("foot"))
        frames_.emplace_back(Frame::kPage, level);
    } else if (!frames_.empty() && frames_.back().kind == Frame::kTable && level == frames_.back().level + 1) {
      Frame& table = frames_.back();
      if (tag == kTagTable)
        table_properties(table, body);
      else if (tag == kTagListHeader && table.has_table_record)
        start_cell(table, body);
    }
  }

  void finish() {
    while (!frames_.empty()) close_frame();
  }

 private:
  static constexpr std::size_t kMaxFrames = 64;

  struct Frame {
    enum Kind { kTable, kNote, kPage };
    Frame(Kind k, std::uint32_t l) : kind(k), level(l) {}
    Kind kind;
    std::uint32_t level;  // of the control header; the control's records are deeper
    bool has_table_record = false;
    bool in_cell = false;
    std::vector<std::uint16_t> cells_per_row;  // from the TABLE record, for lists without an address
    std::size_t row_index = 0;                 // by count
    std::size_t cells_in_row = 0;
    int row = -1;                        // the current row's address
    std::vector<std::string> cell;       // paragraphs of the current cell
    std::vector<std::string> row_cells;  // finished cells of the current row
    std::vector<std::string> rows;
    std::vector<std::string> notes;
  };

  // Where text goes when `depth` frames are open: the innermost open cell, a header or footer,
  // else the body; a note goes where notes_sink says.
  std::vector<std::string>& sink(std::size_t depth) {
    for (std::size_t i = depth; i > 0; --i) {
      Frame& f = frames_[i - 1];
      if (f.kind == Frame::kNote) return notes_sink(i - 1);
      if (f.kind == Frame::kPage) return page_;
      if (f.in_cell) return f.cell;
    }
    return out_;
  }

  // Notes wait in the innermost open table until it closes, else go where their paragraph is.
  std::vector<std::string>& notes_sink(std::size_t depth) {
    for (std::size_t i = depth; i > 0; --i) {
      if (frames_[i - 1].kind == Frame::kTable) return frames_[i - 1].notes;
      if (frames_[i - 1].kind == Frame::kPage) return page_;
    }
    return out_;
  }

  static void table_properties(Frame& table, std::string_view body) {
    table.has_table_record = true;
    if (body.size() < 8) return;
    const std::size_t rows = le16(body, 4);
    for (std::size_t r = 0; r < rows && 18 + 2 * r + 2 <= body.size(); ++r)
      table.cells_per_row.push_back(le16(body, 18 + 2 * r));
  }

  static void start_cell(Frame& table, std::string_view body) {
    end_cell(table);
    int row;
    if (body.size() >= 12) {
      row = le16(body, 10);
    } else {  // no cell address: count cells against the TABLE record's cells per row
      if (table.row_index < table.cells_per_row.size() && table.cells_in_row >= table.cells_per_row[table.row_index]) {
        ++table.row_index;
        table.cells_in_row = 0;
      }
      row = static_cast<int>(table.row_index);
    }
    if (row != table.row) end_row(table);
    table.row = row;
    ++table.cells_in_row;
    table.in_cell = true;
  }

  static void end_cell(Frame& table) {
    if (!table.in_cell) return;
    std::string text;
    for (const std::string& p : table.cell) text += (text.empty() ? "" : " ") + p;
    table.row_cells.push_back(std::move(text));
    table.cell.clear();
    table.in_cell = false;
  }

  static void end_row(Frame& table) {
    std::string line;
    for (std::size_t i = 0; i < table.row_cells.size(); ++i) line += (i == 0 ? "" : " | ") + table.row_cells[i];
    table.row_cells.clear();
    std::string text = collapse_whitespace(line);
    if (!text.empty() && text.find_first_not_of(" |") != std::string::npos) table.rows.push_back(std::move(text));
  }

  void close_frame() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (frame.kind != Frame::kTable) return;
    end_cell(frame);
    end_row(frame);
    std::vector<std::string>& rows_to = sink(frames_.size());
    rows_to.insert(rows_to.end(), std::make_move_iterator(frame.rows.begin()),
                   std::make_move_iterator(frame.rows.end()));
    std::vector<std::string>& notes_to = notes_sink(frames_.size());
    notes_to.insert(notes_to.end(), std::make_move_iterator(frame.notes.begin()),
                    std::make_move_iterator(frame.notes.end()));
  }

  std::vector<std::string>& out_;
  std::vector<std::string>& page_;
  std::vector<Frame> frames_;
};

}  // namespace

HwpSectionText hwp_section_text(std::string_view records) {
  HwpSectionText out;
  RecordWalker walker(out);
  std::size_t at = 0;
  while (at + 4 <= records.size()) {
    const std::uint32_t header = le32(records, at);
    at += 4;
    const std::uint32_t tag = header & 0x3FF;
    const std::uint32_t level = (header >> 10) & 0x3FF;
    std::uint64_t size = header >> 20;
    if (size == 0xFFF) {
      if (at + 4 > records.size()) break;
      size = le32(records, at);
      at += 4;
    }
    if (size > records.size() - at) break;  // truncated record: keep what came before
    walker.record(tag, level, records.substr(at, static_cast<std::size_t>(size)));
    at += static_cast<std::size_t>(size);
  }
  walker.finish();
  return out;
}

std::vector<std::string> hwp_paragraph_texts(std::string_view records) {
  HwpSectionText section = hwp_section_text(records);
  HeaderFooterText kept;
  for (std::string& text : section.headers)
    if (kept.keep(text)) section.body.push_back(std::move(text));
  return std::move(section.body);
}

ReadResult HwpReader::read(std::string_view bytes) const {
  if (bytes.starts_with("HWP Document File V3"))
    return ReadResult::failure(ReadStatus::kUnsupported, "HWP 3.0 (Hangul 97 and older) format is not supported; save it as HWPX");
  if (!bytes.starts_with(kOle2Magic))
    return ReadResult::failure(ReadStatus::kCorrupt, "not an HWP 5 file (no OLE2 compound-file signature)");
  InputPtr input(gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()), static_cast<gsf_off_t>(bytes.size()), FALSE));
  if (!input) return ReadResult::failure(ReadStatus::kCorrupt, "cannot read the OLE2 container");
  GError* error = nullptr;
  InfilePtr ole(gsf_infile_msole_new(input.get(), &error));
  if (!ole) {
    std::string why = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) g_error_free(error);
    return ReadResult::failure(ReadStatus::kCorrupt, "damaged or truncated OLE2 compound file (" + why + ")");
  }
  InputPtr header = child(ole.get(), "FileHeader");
  if (!header) {
    if (InputPtr p = child(ole.get(), "EncryptedPackage"))
      return ReadResult::failure(ReadStatus::kEncrypted, "password-protected Office document (OLE2 EncryptedPackage)");
    if (InputPtr p = child(ole.get(), "WordDocument"))
      return ReadResult::failure(ReadStatus::kUnsupported, "legacy Word .doc (OLE2) is not supported");
    return ReadResult::failure(ReadStatus::kUnsupported, "OLE2 compound file that is not an HWP 5 document");
  }
  const StreamData head = read_stream(header.get());
  if (!head.ok || head.data.size() < 40 || !head.data.starts_with("HWP Document File"))
    return ReadResult::failure(ReadStatus::kCorrupt, "HWP FileHeader is missing its signature");
  const std::uint32_t flags = le32(head.data, 36);
  if (flags & 0x2) return ReadResult::failure(ReadStatus::kEncrypted, "password-protected HWP document");
  if (flags & 0x4)
    return ReadResult::failure(ReadStatus::kEncrypted, "HWP distribution document (배포용 문서): its body is encrypted");
  const bool compressed = flags & 0x1;

  ExtractedDoc doc;
  if (InputPtr summary = child(ole.get(), "\x05HwpSummaryInformation")) {
    const StreamData s = read_stream(summary.get());
    if (s.ok) read_summary(s.data, doc);
  }
  InputPtr body_input = child(ole.get(), "BodyText");
  if (!body_input || !GSF_IS_INFILE(body_input.get()))
    return ReadResult::failure(ReadStatus::kCorrupt, "HWP file has no BodyText storage");
  GsfInfile* body = GSF_INFILE(body_input.get());
  int sections = 0;
  std::vector<std::string> headers;  // of all sections, for the end
  for (int i = 0; i < 10000; ++i) {
    const std::string name = "Section" + std::to_string(i);
    InputPtr section = child(body, name.c_str());
    if (!section) break;
    ++sections;
    StreamData raw = read_stream(section.get());
    if (!raw.ok) return ReadResult::failure(ReadStatus::kCorrupt, "cannot read BodyText/" + name);
    if (compressed) {
      raw = inflate_raw(raw.data);
      if (!raw.ok) {
        if (raw.data.size() > kMaxStreamBytes)
          return ReadResult::failure(ReadStatus::kTooLarge, "BodyText/" + name + " inflates past the limit");
        doc.warnings.push_back("BodyText/" + name + " is damaged: text after the damage is lost");
      }
    }
    HwpSectionText text_of = hwp_section_text(raw.data);
    for (std::string& text : text_of.body) doc.paragraphs.push_back({std::move(text), 0, false});
    headers.insert(headers.end(), std::make_move_iterator(text_of.headers.begin()),
                   std::make_move_iterator(text_of.headers.end()));
  }
  HeaderFooterText kept;
  for (std::string& text : headers)
    if (kept.keep(text)) doc.paragraphs.push_back({std::move(text), 0, false});
  if (sections == 0) return ReadResult::failure(ReadStatus::kCorrupt, "HWP file has no BodyText/Section0 stream");
  if (doc.paragraphs.empty()) return ReadResult::failure(ReadStatus::kEmpty, "HWP document has no text");
  return ReadResult::success(std::move(doc));
}

}  // namespace kb
