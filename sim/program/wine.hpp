// How `qosbed run SCENARIO -- PROGRAM.exe` starts a Windows program: under Wine, with qosbed's
// ws2_32.dll (sim/win32/dll) in place of Wine's for that program alone. The program is started
// from the run's private folder, which holds copies of it and of the DLL: Wine takes a program's
// DLLs from its own folder first, and WINEDLLOVERRIDES names the DLL by its path there, so no
// other program of the Wine session (wineboot, services) loads it. The Wine prefix is the one
// given, or a fresh one in the private folder, whose Wine session ends with the run.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace qosbed::program {

// PROGRAM names a Windows program: it ends in .exe, in any case.
bool is_windows_program(const std::string& program);

struct WineLaunch {
  std::vector<std::string> command;      // wine, the program's copy, its arguments
  std::vector<std::string> environment;  // NAME=VALUE, over the inherited environment
  std::string prefix;                    // the Wine prefix the program runs in
  bool own_prefix = false;               // made for this run: its session ends with it
};

// Prepares `command` (PROGRAM.exe ARGS...) to run in `folder`, the run's private folder, in the
// Wine prefix `prefix` (empty: a fresh one in `folder`). Null, with `error` saying why, when Wine,
// the program or qosbed's ws2_32.dll cannot be found, or the folder cannot be named to Wine.
std::optional<WineLaunch> prepare_wine(const std::vector<std::string>& command,
                                       const std::string& folder, const std::string& prefix,
                                       std::string& error);

// Ends the Wine session of a prefix made for one run (its wineserver and the programs Wine
// started with it), so that the prefix can be removed and nothing of the run stays behind.
void end_wine_session(const std::string& prefix);

// Why a Windows program may have ended before its first call to qosbed's ws2_32.dll, as far as
// its ending tells.
std::string why_never_connected(bool exited, int code);

}  // namespace qosbed::program
