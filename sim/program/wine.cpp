#include "program/wine.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

extern char** environ;

namespace qosbed::program {
namespace {

namespace fs = std::filesystem;

// `name` as a command finds it: itself when it names a folder, else the first on PATH.
std::optional<fs::path> find_program(const std::string& name) {
  if (name.find('/') != std::string::npos) {
    return fs::exists(name) ? std::optional<fs::path>(fs::absolute(name)) : std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "");
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    const fs::path candidate = fs::path(folder.empty() ? "." : folder) / name;
    if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) {
      return fs::absolute(candidate);
    }
  }
  return std::nullopt;
}

std::optional<fs::path> find_wine() {
  for (const char* name : {"wine64", "wine"}) {
    if (auto found = find_program(name)) return found;
  }
  return std::nullopt;
}

// qosbed's ws2_32.dll: beside the qosbed of a build tree, or where `cmake --install` put it
// (QOSBED_WS2_32_DLL: the places relative to qosbed's own folder, separated by ':').
std::optional<fs::path> find_dll() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) return std::nullopt;
  std::istringstream places(QOSBED_WS2_32_DLL);
  std::string place;
  while (std::getline(places, place, ':')) {
    const fs::path candidate = (self.parent_path() / place).lexically_normal();
    if (fs::is_regular_file(candidate)) return candidate;
  }
  return std::nullopt;
}

// The name Wine gives `path` in `prefix`: the drive that maps the deepest folder holding it (as
// Wine looks for one), then the rest. A prefix Wine has not made yet will map / to Z:.
std::optional<std::string> windows_path(const fs::path& path, const fs::path& prefix) {
  const fs::path devices = prefix / "dosdevices";
  const bool made = fs::exists(devices);
  for (fs::path folder = path;; folder = folder.parent_path()) {
    std::string drive;
    if (!made) {
      if (folder == folder.root_path()) drive = "Z:";
    } else {
      for (char letter = 'a'; letter <= 'z' && drive.empty(); ++letter) {
        std::error_code error;
        if (fs::equivalent(devices / (std::string(1, letter) + ":"), folder, error)) {
          drive = std::string(1, static_cast<char>(std::toupper(letter))) + ":";
        }
      }
    }
    if (!drive.empty()) {
      std::string rest = path.lexically_relative(folder).generic_string();
      if (rest == ".") rest.clear();
      std::replace(rest.begin(), rest.end(), '/', '\\');
      return drive + "\\" + rest;
    }
    if (folder == folder.root_path()) return std::nullopt;
  }
}

// `ours` after what the environment already holds in `name`, separated by `separator`.
std::string extended(const char* name, const std::string& ours, char separator) {
  const char* theirs = std::getenv(name);
  return std::string(name) + "=" + (theirs && *theirs ? theirs + std::string(1, separator) : "") +
         ours;
}

}  // namespace

bool is_windows_program(const std::string& program) {
  return program.size() > 4 && ::strcasecmp(program.c_str() + program.size() - 4, ".exe") == 0;
}

std::optional<WineLaunch> prepare_wine(const std::vector<std::string>& command,
                                       const std::string& folder, const std::string& prefix,
                                       std::string& error) {
  const std::string& program = command.front();
  const std::optional<fs::path> exe = find_program(program);
  if (!exe || !fs::is_regular_file(*exe)) {
    error = "cannot start " + program + ": " + std::strerror(ENOENT);
    return std::nullopt;
  }
  const std::optional<fs::path> dll = find_dll();
  if (!dll) {
    error = "cannot run " + program +
            " under Wine: this qosbed has no ws2_32.dll (it was built without mingw-w64; "
            "install g++-mingw-w64-x86-64 and build it again)";
    return std::nullopt;
  }
  const std::optional<fs::path> wine = find_wine();
  if (!wine) {
    error = "cannot run " + program + ": no Wine to run it under (no wine64 or wine on PATH)";
    return std::nullopt;
  }
  WineLaunch launch;
  launch.own_prefix = prefix.empty();
  launch.prefix = launch.own_prefix ? folder + "/prefix" : fs::absolute(prefix).string();

  // Copies, not links: Wine's server shares the image of a file among the processes that map
  // it, named as the first one named it, and WINEDLLOVERRIDES is matched against that name. Two
  // runs at once, both linking to one ws2_32.dll, would leave one of them with Wine's.
  std::error_code copy_error;
  const fs::path copy = fs::path(folder) / exe->filename();
  fs::copy_file(*dll, fs::path(folder) / "ws2_32.dll", copy_error);
  if (!copy_error) fs::copy_file(*exe, copy, copy_error);
  if (copy_error) {
    error = "cannot copy " + program + " into " + folder + ": " + copy_error.message();
    return std::nullopt;
  }
  const std::optional<std::string> windows_folder = windows_path(folder, launch.prefix);
  if (!windows_folder) {
    error = "cannot run " + program + ": no drive of the Wine prefix " + launch.prefix + " holds " +
            folder + " (a new prefix maps / to Z:)";
    return std::nullopt;
  }
  // WINEDLLOVERRIDES separates its entries with ; and , and its values with =.
  if (windows_folder->find_first_of(";,=") != std::string::npos) {
    error = "cannot run " + program + " from " + folder +
            ": WINEDLLOVERRIDES cannot name a folder whose name holds ; , or = (set TMPDIR)";
    return std::nullopt;
  }

  launch.command = {wine->string(), copy.string()};
  launch.command.insert(launch.command.end(), command.begin() + 1, command.end());
  // Wine's own diagnostics off unless asked for; no .NET or HTML engine, which a new prefix
  // would otherwise offer to install; and qosbed's ws2_32.dll for this program alone.
  const char* debug = std::getenv("WINEDEBUG");
  launch.environment = {
      "WINEPREFIX=" + launch.prefix, std::string("WINEDEBUG=") + (debug && *debug ? debug : "-all"),
      extended("WINEDLLOVERRIDES", "mscoree,mshtml=;" + *windows_folder + "\\ws2_32=n", ';')};
  // The DLLs beside the program, which Wine would look for in its own folder.
  if (const auto program_folder = windows_path(exe->parent_path(), launch.prefix)) {
    launch.environment.push_back(extended("WINEPATH", *program_folder, ';'));
  }
  return launch;
}

void end_wine_session(const std::string& prefix) {
  const char* named = std::getenv("WINESERVER");
  std::optional<fs::path> server =
      named && *named ? find_program(named) : find_program("wineserver");
  if (!server) {
    if (const auto wine = find_wine()) {
      const fs::path beside = fs::canonical(*wine).parent_path() / "wineserver";
      if (fs::exists(beside)) server = beside;
    }
  }
  if (!server) return;
  std::vector<std::string> environment;
  for (char** entry = environ; *entry; ++entry) {
    if (std::strncmp(*entry, "WINEPREFIX=", 11) != 0) environment.push_back(*entry);
  }
  environment.push_back("WINEPREFIX=" + prefix);
  std::vector<char*> envp;
  for (std::string& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t quiet;
  posix_spawn_file_actions_init(&quiet);
  for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    posix_spawn_file_actions_addopen(&quiet, fd, "/dev/null", O_RDWR, 0);
  }
  // -k ends the session's programs and server; -w waits until the server is gone.
  for (const char* option : {"-k", "-w"}) {
    std::string path = server->string();
    std::string flag = option;
    char* argv[] = {path.data(), flag.data(), nullptr};
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &quiet, nullptr, argv, envp.data()) != 0) break;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  posix_spawn_file_actions_destroy(&quiet);
}

std::string why_never_connected(bool exited, int code) {
  // STATUS_DLL_NOT_FOUND (0xC0000135), of which a Unix exit status keeps the low byte.
  if (exited && code == 0x35) {
    return "Wine did not find a DLL it imports (STATUS_DLL_NOT_FOUND; WINEDEBUG=err+module "
           "names it)";
  }
  return "does it import ws2_32.dll?";
}

}  // namespace qosbed::program
