#include "readers/html_reader.h"

#include <gumbo.h>

#include <memory>

#include "readers/html_blocks.h"
#include "readers/text_decoding.h"

namespace kb {
namespace {

struct OutputCloser {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

std::string_view tag_name(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece original = element.original_tag;
  gumbo_tag_from_original_text(&original);  // strips < and attributes
  return {original.data, original.length};
}

// Iterative walk over gumbo's tree (hostile HTML nests deeply; the stack would not survive).
void walk(const GumboNode* root, HtmlBlockBuilder& builder) {
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    bool opened;
  };
  std::vector<Frame> stack{{root, 0, false}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* node = f.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
      builder.text(node->v.text.text);
      stack.pop_back();
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE && node->type != GUMBO_NODE_DOCUMENT) {
      stack.pop_back();
      continue;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (!f.opened) {
      f.opened = true;
      if (node->type != GUMBO_NODE_DOCUMENT) {
        const GumboElement& element = node->v.element;
        auto attribute = [&](std::string_view name) -> std::string {
          const std::string key(name);
          const GumboAttribute* a = gumbo_get_attribute(&element.attributes, key.c_str());
          return a != nullptr ? std::string(a->value) : std::string();
        };
        if (!builder.open(tag_name(element), attribute)) {
          stack.pop_back();
          continue;
        }
      }
    }
    if (f.next_child < children.length) {
      const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
      stack.push_back({child, 0, false});
      continue;
    }
    if (node->type != GUMBO_NODE_DOCUMENT) builder.close(tag_name(node->v.element));
    stack.pop_back();
  }
}

}  // namespace

std::string declared_html_charset(std::string_view bytes) {
  const std::string head = ascii_lower(bytes.substr(0, 2048));
  std::size_t at = head.find("charset=");
  if (at == std::string::npos) return {};
  at += 8;
  while (at < head.size() && (head[at] == '"' || head[at] == '\'' || head[at] == ' ')) ++at;
  std::size_t end = at;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' || head[end] == '_'))
    ++end;
  return head.substr(at, end - at);
}

ReadResult HtmlReader::read(std::string_view bytes) const {
  DecodedText decoded = decode_text(bytes, declared_html_charset(bytes));
  if (decoded.status != ReadStatus::kOk) return ReadResult::failure(decoded.status, decoded.message);
  // Default options: a max_errors limit would make gumbo stop parsing, not just stop recording.
  std::unique_ptr<GumboOutput, OutputCloser> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, decoded.text.data(), decoded.text.size()));
  if (!output) return ReadResult::failure(ReadStatus::kCorrupt, "HTML parser failed");
  HtmlBlockBuilder builder;
  walk(output->document, builder);
  ExtractedDoc doc = builder.finish();
  doc.description = builder.description();
  doc.warnings.insert(doc.warnings.begin(), decoded.warnings.begin(), decoded.warnings.end());
  if (doc.paragraphs.empty()) return ReadResult::failure(ReadStatus::kEmpty, "HTML page has no body text");
  return ReadResult::success(std::move(doc));
}

}  // namespace kb
