// The bash completion script for qosbed, written from the command table and each command's
// option descriptions (cli/command_table.hpp): it completes the commands, each command's options,
// the values of an option that names its choices (--trace json|text), files and folders.
#pragma once

#include <string>

namespace qosbed::cli {

std::string bash_completion();

}  // namespace qosbed::cli
