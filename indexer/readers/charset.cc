// The readers' only use of ICU: charset detection (ucsdet) and conversion (ucnv). Everything
// else on the reader side sees UTF-8. (The analysis chain has its own ICU file,
// analysis/unicode_text.cc, for segmentation and folding.)
#include "readers/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <memory>

namespace kb {
namespace {

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

}  // namespace

std::vector<CharsetMatch> detect_charsets(std::string_view bytes, std::string_view declared) {
  std::vector<CharsetMatch> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return out;
  // The detector only needs a sample; 64 KiB is plenty and bounds the work.
  const std::string_view sample = bytes.substr(0, 64 * 1024);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const std::string declared_copy(declared);
  if (!declared.empty())
    ucsdet_setDeclaredEncoding(detector.get(), declared_copy.data(), static_cast<int32_t>(declared_copy.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) return out;
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode s = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &s);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &s);
    if (U_SUCCESS(s) && name != nullptr) out.push_back({name, confidence});
  }
  return out;
}

std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset) {
  UErrorCode status = U_ZERO_ERROR;
  const std::string name(charset);
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::u16string utf16(bytes.size() * 2 + 2, u'\0');
  const int32_t n = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                                  static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  utf16.resize(static_cast<std::size_t>(n));
  std::string utf8(utf16.size() * 3 + 1, '\0');
  int32_t len = 0;
  u_strToUTF8(utf8.data(), static_cast<int32_t>(utf8.size()), &len, utf16.data(), static_cast<int32_t>(utf16.size()),
              &status);
  if (U_FAILURE(status)) return std::nullopt;
  utf8.resize(static_cast<std::size_t>(len));
  return utf8;
}

}  // namespace kb
