#include "cli/scenario_files.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>

#include "scenario/loader.hpp"

namespace qosbed::cli {

namespace fs = std::filesystem;

FileList expand_scenario_paths(const std::vector<std::string>& paths) {
  FileList list;
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_regular_file(path, error)) {
      list.files.push_back(path);
      continue;
    }
    if (!fs::is_directory(path, error)) {
      list.errors.push_back(path + ": no such file or folder");
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_directory() && it->path().filename() == "invalid") {
        it.disable_recursion_pending();
        continue;
      }
      const auto extension = it->path().extension();
      if (it->is_regular_file() && (extension == ".yaml" || extension == ".yml")) {
        found.push_back(it->path().string());
      }
    }
    if (error) list.errors.push_back(path + ": " + error.message());
    std::sort(found.begin(), found.end());
    list.files.insert(list.files.end(), found.begin(), found.end());
  }
  return list;
}

namespace {

// Whether the set at the start of `glob` (after its '[') holds `c`; `glob` is moved past its ']'.
// A set with no closing ']' is no set: nullopt, and '[' stands for itself.
std::optional<bool> in_set(std::string_view& glob, char c) {
  std::size_t i = 0;
  const bool negated = i < glob.size() && (glob[i] == '!' || glob[i] == '^');
  if (negated) ++i;
  bool found = false;
  for (bool first = true; i < glob.size() && (first || glob[i] != ']'); first = false) {
    char low = glob[i];
    char high = low;
    if (i + 2 < glob.size() && glob[i + 1] == '-' && glob[i + 2] != ']') {
      high = glob[i + 2];
      i += 2;
    }
    found = found || (low <= c && c <= high);
    ++i;
  }
  if (i >= glob.size()) return std::nullopt;
  glob.remove_prefix(i + 1);
  return found != negated;
}

}  // namespace

bool glob_matches(std::string_view glob, std::string_view text) {
  // The last '*' seen and the text it stood for, to come back to with one character more.
  std::optional<std::pair<std::string_view, std::string_view>> star;
  while (!text.empty()) {
    if (!glob.empty() && glob.front() == '*') {
      glob.remove_prefix(1);
      star = {glob, text};
      continue;
    }
    bool matched = false;
    std::string_view rest = glob;
    if (!rest.empty()) {
      const char g = rest.front();
      rest.remove_prefix(1);
      if (g == '?') {
        matched = true;
      } else if (g == '[') {
        std::string_view set = rest;
        if (const auto in = in_set(set, text.front())) {
          matched = *in;
          rest = set;
        } else {
          matched = text.front() == '[';
        }
      } else {
        matched = g == text.front();
      }
    }
    if (matched) {
      glob = rest;
      text.remove_prefix(1);
    } else if (star) {
      star->second.remove_prefix(1);
      glob = star->first;
      text = star->second;
    } else {
      return false;
    }
  }
  return glob.find_first_not_of('*') == std::string_view::npos;
}

std::vector<std::string> filtered(const std::vector<std::string>& files,
                                  const std::vector<std::string>& globs) {
  const auto path_matches = [&](std::string_view path) {
    for (const std::string& glob : globs) {
      for (std::size_t from = 0; from != std::string_view::npos;) {
        if (glob_matches(glob, path.substr(from))) return true;
        from = path.find('/', from);
        if (from != std::string_view::npos) ++from;
      }
    }
    return false;
  };
  std::vector<std::string> kept;
  for (const std::string& file : files) {
    bool keep = path_matches(file);
    if (!keep) {
      const scenario::LoadResult loaded = scenario::load_file(file);
      keep = loaded.scenario && loaded.diagnostics.empty() &&
             std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
               return glob_matches(glob, loaded.scenario->name);
             });
    }
    if (keep) kept.push_back(file);
  }
  return kept;
}

}  // namespace qosbed::cli
