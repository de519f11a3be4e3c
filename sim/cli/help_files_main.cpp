// Writes the files the build makes from qosbed's command table: `qosbed_help_files man` prints
// the man page qosbed(1), `qosbed_help_files bash-completion` the bash completion script.
#include <iostream>
#include <string_view>

#include "cli/bash_completion.hpp"
#include "cli/man_page.hpp"

int main(int argc, char** argv) {
  const std::string_view what = argc == 2 ? argv[1] : "";
  if (what == "man") {
    std::cout << qosbed::cli::man_page();
  } else if (what == "bash-completion") {
    std::cout << qosbed::cli::bash_completion();
  } else {
    std::cerr << "usage: qosbed_help_files man|bash-completion\n";
    return 2;
  }
  return std::cout.flush() ? 0 : 1;
}
