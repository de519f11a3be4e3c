#include "cli/scenario_files.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

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

}  // namespace qosbed::cli
