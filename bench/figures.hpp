// The figures with a target (README, Performance). Each benchmark repetition adds the figure it
// measured; after every benchmark has run, print_figures prints one table: each figure's median
// over the repetitions beside its target. Ratios are computed inside one repetition, from two
// measurements taken back to back, so both sides see the same machine state; the scaling figure,
// which compares whole rows, is the exception (scaling_bench.hpp).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace qosbed::bench {

enum class Goal { at_least, at_most, none };

// Declares a figure of the table, in the order the table lists them.
void declare_figure(std::string key, std::string what, std::string unit, double target, Goal goal);

// One repetition's value of a declared figure.
void add_figure(std::string_view key, double value);

// The middle value; for an even count, the mean of the two middle ones.
double median(std::vector<double> values);

// The table: figure, target, median (with the spread and the number of repetitions), met or not.
void print_figures(std::ostream& out);

}  // namespace qosbed::bench
