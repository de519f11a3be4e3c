// qosbed(1): the man page, written in roff from the command table and each command's usage text
// and option descriptions (cli/command_table.hpp), so it says what `--help` says.
#pragma once

#include <string>

namespace qosbed::cli {

std::string man_page();

}  // namespace qosbed::cli
