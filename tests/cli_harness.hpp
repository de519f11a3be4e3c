// What the command-line tests share: running `qosbed` in-process with its streams captured, and a
// temporary folder of scenario files that is removed when the test ends.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace qosbed::test {

struct CommandResult {
  int code;
  std::string out;
  std::string err;
};

inline CommandResult command(std::vector<std::string> args) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::main_command(args, out, err);
  return {code, out.str(), err.str()};
}

// A folder under the system's temporary directory, named for the test and the process.
class TempFolder {
 public:
  explicit TempFolder(const std::string& name)
      : path(std::filesystem::temp_directory_path() /
             ("qosbed-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path);
  }
  ~TempFolder() { std::filesystem::remove_all(path); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  // Writes `text` to NAME below the folder, creating the folders NAME names.
  void write(const std::string& name, const std::string& text) const {
    std::filesystem::create_directories((path / name).parent_path());
    std::ofstream(path / name) << text;
  }
  std::string file(const std::string& name) const { return (path / name).string(); }

  const std::filesystem::path path;
};

// The sockets and steps of a scenario that binds a receiver and expects bind to return `result`:
// "0" passes, "-1" fails.
inline std::string bind_expecting(const std::string& result) {
  return "sockets:\n  rx: {role: receiver}\nsteps:\n  - {app: bind, socket: rx}\n"
         "  - {expect: call, result: " +
         result + "}\n";
}

}  // namespace qosbed::test
