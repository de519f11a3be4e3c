#include "cli/option_facts.hpp"

#include "cli/arguments.hpp"

namespace qosbed::cli {

namespace po = boost::program_options;

std::vector<OptionFacts> option_facts(po::options_description options) {
  add_help_option(options);
  std::vector<OptionFacts> facts;
  for (const auto& option : options.options()) {
    OptionFacts fact;
    fact.long_name = "--" + option->long_name();
    // Without a short name this gives the long one, without its dashes.
    const std::string short_name =
        option->canonical_display_name(po::command_line_style::allow_dash_for_short);
    if (short_name.starts_with('-')) fact.short_name = short_name;
    if (option->semantic()->max_tokens() > 0) fact.value = option->format_parameter();
    fact.description = option->description();
    facts.push_back(std::move(fact));
  }
  return facts;
}

}  // namespace qosbed::cli
