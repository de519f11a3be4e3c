// Which files a command works on: files named on the command line as they are, and every
// .yaml/.yml file below a named folder, in sorted order. Folders named `invalid` are skipped when
// walking, since they hold scenarios that must fail validation.
#pragma once

#include <string>
#include <vector>

namespace qosbed::cli {

struct FileList {
  std::vector<std::string> files;
  std::vector<std::string> errors;  // "PATH: no such file or folder"
};

FileList expand_scenario_paths(const std::vector<std::string>& paths);

}  // namespace qosbed::cli
