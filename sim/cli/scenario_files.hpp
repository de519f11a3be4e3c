// Which files a command works on: files named on the command line as they are, and every
// .yaml/.yml file below a named folder, in sorted order. Folders named `invalid` are skipped when
// walking, since they hold scenarios that must fail validation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qosbed::cli {

struct FileList {
  std::vector<std::string> files;
  std::vector<std::string> errors;  // "PATH: no such file or folder"
};

FileList expand_scenario_paths(const std::vector<std::string>& paths);

// Whether `glob` matches all of `text`: `*` any characters ('/' too), `?` one character,
// `[abc]`, `[a-z]` and `[!abc]` one character of a set or not of it; anything else itself.
bool glob_matches(std::string_view glob, std::string_view text);

// The files, in order, that one of the globs selects: by the whole path as listed, by a tail of
// it that starts after a '/' ("rsvp/*.yaml", "fails.yaml"), or by the scenario's `scenario:` name
// (not for an invalid file).
std::vector<std::string> filtered(const std::vector<std::string>& files,
                                  const std::vector<std::string>& globs);

}  // namespace qosbed::cli
