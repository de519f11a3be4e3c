// The qosbed command.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const int code = qosbed::cli::main_command(args, std::cout, std::cerr);
  std::cout.flush();
  return code;
}
