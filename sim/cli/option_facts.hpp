// One option of a command as the man page and the bash completion show it, read off the
// boost::program_options description the command parses with.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace qosbed::cli {

struct OptionFacts {
  std::string long_name;   // "--trace"
  std::string short_name;  // "-j", or empty
  std::string value;       // what follows it: "N", "FILE", "json|text"; empty for a flag
  std::string description;
};

// Every option of `options` and the -h/--help every command takes, in their order.
std::vector<OptionFacts> option_facts(boost::program_options::options_description options);

}  // namespace qosbed::cli
