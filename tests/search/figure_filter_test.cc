// Issue 4: the --figure filter syntax.
#include <gtest/gtest.h>

#include <cmath>

#include "figure_filter.h"

namespace kb::search {
namespace {

struct FilterCase {
  std::string spec;
  std::string term;
  std::optional<double> low, high;
};

void PrintTo(const FilterCase& c, std::ostream* os) { *os << c.spec; }

class FigureFilterParse : public ::testing::TestWithParam<FilterCase> {};

TEST_P(FigureFilterParse, Parses) {
  const FilterCase& c = GetParam();
  const auto parsed = parse_figure_filter(c.spec);
  ASSERT_TRUE(std::holds_alternative<FigureFilter>(parsed)) << std::get<FigureFilterError>(parsed).message;
  const FigureFilter& f = std::get<FigureFilter>(parsed);
  EXPECT_EQ(f.term, c.term);
  EXPECT_EQ(f.low.has_value(), c.low.has_value());
  EXPECT_EQ(f.high.has_value(), c.high.has_value());
  if (f.low && c.low) {
    EXPECT_NEAR(*f.low, *c.low, std::abs(*c.low) * 1e-12);
  }
  if (f.high && c.high) {
    EXPECT_NEAR(*f.high, *c.high, std::abs(*c.high) * 1e-12);
  }
}

INSTANTIATE_TEST_SUITE_P(Issue4, FigureFilterParse,
                         ::testing::Values(FilterCase{"USD>=1e9", "XUUSD", 1e9, std::nullopt},
                                           FilterCase{"usd:1e11..1.2e11", "XUUSD", 1e11, 1.2e11},
                                           FilterCase{"KRW:..1,000,000", "XUKRW", std::nullopt, 1e6},
                                           FilterCase{"percent<50", "XUpercent", std::nullopt, 50},
                                           FilterCase{"%>10", "XUpercent", 10, std::nullopt},
                                           FilterCase{"pp=0.5", "XUpercentage-point", 0.5, 0.5},
                                           FilterCase{"count", "XUcount", std::nullopt, std::nullopt},
                                           FilterCase{"money>=0", "XKmoney", 0, std::nullopt},
                                           FilterCase{"any:1..2", "", 1, 2},
                                           // Issue 14's new units: a speed, a pressure.
                                           FilterCase{"m/s>=30", "XUm/s", 30, std::nullopt},
                                           FilterCase{"hPa<1000", "XUhPa", std::nullopt, std::nextafter(1000.0, 0.0)}));

class FigureFilterReject : public ::testing::TestWithParam<std::string> {};

TEST_P(FigureFilterReject, GivesAMessageNamingTheSpec) {
  const auto parsed = parse_figure_filter(GetParam());
  ASSERT_TRUE(std::holds_alternative<FigureFilterError>(parsed));
  EXPECT_NE(std::get<FigureFilterError>(parsed).message.find(GetParam()), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Issue4, FigureFilterReject,
                         ::testing::Values("parsecs>1", "USD>=", "USD>=abc", "USD:5..1", "USD:..", "USD:1e400..",
                                           "USD!1", "USD=>1"));

}  // namespace
}  // namespace kb::search
