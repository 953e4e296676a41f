// kb-formats: runs kb's readers over files and folders (recursively) and prints one Markdown
// table row per file: the reader chosen, what was extracted (characters, paragraphs, pages,
// title, date and where it came from) or why the file was refused, and the first warning. The
// title and date are those kb-index stores (readers/document_metadata.h). Reads only; touches no
// index.
//
// Usage: kb-formats [--max-file-size BYTES] [--show-text N [--text-width BYTES]] PATH...
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "readers/document_metadata.h"
#include "readers/registry.h"

namespace {
namespace fs = std::filesystem;

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string cell(std::string s, std::size_t max = 60) {
  std::replace(s.begin(), s.end(), '|', '/');
  std::replace(s.begin(), s.end(), '\n', ' ');
  if (s.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "…";
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kb-formats: what kb's readers extract from each file"};
  std::vector<std::string> paths;
  std::uint64_t max_bytes = 256ull << 20;
  std::size_t show_text = 0;
  std::size_t text_width = 200;
  app.add_option("paths", paths, "Files and folders")->required();
  app.add_option("--max-file-size", max_bytes, "Refuse files larger than this")->capture_default_str();
  app.add_option("--show-text", show_text, "Also print the first N paragraphs of each file");
  app.add_option("--text-width", text_width, "Cut printed paragraphs after this many bytes")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  std::vector<fs::path> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec) && it->path().filename() != "SOURCE.md") files.push_back(it->path());
      }
    } else {
      files.emplace_back(p);
    }
  }
  std::sort(files.begin(), files.end());

  const kb::ReaderRegistry& registry = kb::ReaderRegistry::standard();
  std::cout << "| file | reader | result | chars | paras | pages | title | date (source) | note |\n"
            << "|---|---|---|---:|---:|---:|---|---|---|\n";
  int refused = 0;
  for (const fs::path& file : files) {
    const std::string shown = file.parent_path().filename().string() + "/" + file.filename().string();
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    std::string bytes;
    std::string error;
    if (ec)
      error = ec.message();
    else if (size > max_bytes)
      error = "file too large (" + std::to_string(size) + " bytes)";
    else {
      std::ifstream in(file, std::ios::binary);
      if (!in)
        error = "cannot open";
      else
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    if (error.empty() && bytes.empty()) error = "empty file (0 bytes)";
    const kb::Reader* reader =
        error.empty() ? registry.find(file.string(), std::string_view(bytes).substr(0, 16)) : nullptr;
    if (error.empty() && reader == nullptr) error = "unsupported file type";
    if (!error.empty()) {
      ++refused;
      std::cout << "| " << shown << " | - | refused | | | | | | " << cell(error, 100) << " |\n";
      continue;
    }
    const auto start = std::chrono::steady_clock::now();
    const kb::ReadResult result = kb::read_document(*reader, bytes, file.string());
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!result.ok()) {
      ++refused;
      std::cout << "| " << shown << " | " << reader->name() << " | refused: " << kb::read_status_name(result.status)
                << " | | | | | | " << cell(result.message, 120) << " |\n";
      continue;
    }
    std::size_t chars = 0;
    std::set<int> pages;
    for (const kb::Paragraph& p : result.doc.paragraphs) {
      chars += code_points(p.text);
      if (p.page > 0) pages.insert(p.page);
    }
    std::ostringstream note;
    note << static_cast<int>(ms) << " ms";
    if (!result.doc.warnings.empty()) note << "; " << result.doc.warnings.front();
    if (result.doc.warnings.size() > 1) note << " (+" << result.doc.warnings.size() - 1 << ")";
    std::cout << "| " << shown << " | " << reader->name() << " | ok | " << chars << " | "
              << result.doc.paragraphs.size() << " | "
              << (pages.empty() ? std::string("-") : std::to_string(pages.size())) << " | "
              << cell(result.doc.title, 60) << " | "
              << (result.doc.date.empty() ? std::string("-") : result.doc.date + " (" + result.doc.date_source + ")")
              << " | " << cell(note.str(), 120) << " |\n";
    for (std::size_t i = 0; i < show_text && i < result.doc.paragraphs.size(); ++i)
      std::cout << "    " << (result.doc.paragraphs[i].heading ? "# " : "")
                << cell(result.doc.paragraphs[i].text, text_width) << "\n";
  }
  std::cerr << "kb-formats: " << files.size() << " file(s), " << refused << " refused\n";
  return 0;
}
