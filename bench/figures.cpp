#include "figures.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace qosbed::bench {
namespace {

struct Figure {
  std::string key;
  std::string what;
  std::string unit;
  double target = 0;
  Goal goal = Goal::none;
  std::vector<double> values;
};

std::vector<Figure>& figures() {
  static std::vector<Figure> all;
  return all;
}

// Three significant digits, enough to compare with a target and no more than the noise allows.
std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", value);
  return text;
}

}  // namespace

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void declare_figure(std::string key, std::string what, std::string unit, double target, Goal goal) {
  figures().push_back(Figure{std::move(key), std::move(what), std::move(unit), target, goal, {}});
}

void add_figure(std::string_view key, double value) {
  for (Figure& figure : figures()) {
    if (figure.key == key) {
      figure.values.push_back(value);
      return;
    }
  }
  throw std::logic_error("undeclared benchmark figure " + std::string(key));
}

void print_figures(std::ostream& out) {
  out << "\n| figure | target | median | spread (runs) | met? |\n|---|---|---|---|---|\n";
  for (const Figure& figure : figures()) {
    if (figure.values.empty()) continue;  // its benchmark was filtered out
    const double value = median(figure.values);
    const auto [low, high] = std::minmax_element(figure.values.begin(), figure.values.end());
    std::string target = "-";
    std::string met = "-";
    if (figure.goal != Goal::none) {
      target = (figure.goal == Goal::at_least ? ">= " : "<= ") + number(figure.target) + " " +
               figure.unit;
      const bool ok =
          figure.goal == Goal::at_least ? value >= figure.target : value <= figure.target;
      met = ok ? "yes" : "no";
    }
    out << "| " << figure.what << " | " << target << " | " << number(value) << " " << figure.unit
        << " | " << number(*low) << "-" << number(*high) << " (" << figure.values.size() << ") | "
        << met << " |\n";
  }
}

}  // namespace qosbed::bench
