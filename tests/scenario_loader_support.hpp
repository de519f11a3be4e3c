// What the loader's tests share: loading a text that must load or must fail, the diagnostics as
// FILE:LINE:COL lines, and a step's action as the kind a test expects.
#pragma once

#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "gqos/constants.hpp"
#include "scenario/loader.hpp"

namespace loader_test {

using namespace qosbed::scenario;

inline std::vector<std::string> formatted(const LoadResult& result) {
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : result.diagnostics) lines.push_back(format(diagnostic));
  return lines;
}

inline Scenario load_ok(std::string_view text) {
  LoadResult result = load_text(text, "test.yaml");
  BOOST_TEST_INFO_SCOPE("diagnostics: " << (result.diagnostics.empty()
                                                ? std::string("none")
                                                : format(result.diagnostics.front())));
  BOOST_REQUIRE(result.diagnostics.empty());
  BOOST_REQUIRE(result.scenario.has_value());
  return std::move(*result.scenario);
}

inline std::vector<std::string> errors_of(std::string_view text) {
  return formatted(load_text(text, "test.yaml"));
}

inline void check_mark(const Mark& mark, int line, int column) {
  BOOST_TEST(mark.file == "test.yaml");
  BOOST_TEST(mark.line == line);
  BOOST_TEST(mark.column == column);
}

template <typename T, typename Variant>
const T& as(const Variant& action) {
  BOOST_REQUIRE(std::holds_alternative<T>(action));
  return std::get<T>(action);
}

template <typename T>
const T& app(const Step& step) {
  return as<T>(as<AppAction>(step.action));
}
template <typename T>
const T& sp(const Step& step) {
  return as<T>(as<SpAction>(step.action));
}
template <typename T>
const T& expect(const Step& step) {
  return as<T>(as<Expectation>(step.action));
}

inline constexpr std::uint32_t ns = qosbed::gqos::qos_not_specified;

inline const std::string one_socket =
    "scenario: t\n"
    "sockets:\n"
    "  rx: {role: receiver}\n"
    "steps:\n";

}  // namespace loader_test
