// The program `qosbed run SCENARIO -- PROGRAM` runs, as a child process, and the channel to it:
// a private folder holding two FIFOs, named to the program in QOSBED_CHANNEL. qosbed keeps both
// FIFOs open for reading and writing, so the program's opens never block and a dead program
// never leaves qosbed blocked on a pipe; the program's end is watched through a pidfd, and every
// wait on it has a wall-clock deadline. A Windows program (PROGRAM.exe) runs under Wine, started
// from the same folder (wine.hpp). Linux only (pidfd_open, Linux 5.3).
#pragma once

#include <chrono>
#include <csignal>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "win32/protocol.hpp"

namespace qosbed::program {

using WallClock = std::chrono::steady_clock;

// How the program ended.
struct Ending {
  bool exited = false;  // else killed by a signal
  int code = 0;         // the exit code, or the signal's number
};
std::string describe(const Ending& ending);  // "exited with code 3", "was killed by SIGSEGV"

class Process {
 public:
  // Makes the channel and starts `command` (PROGRAM ARGS..., PROGRAM looked up on PATH when it
  // names no folder) with its standard streams shared with qosbed's; PROGRAM.exe under Wine, in
  // `wine_prefix` (empty: a fresh one). Null, with `error` saying why, when either cannot be done.
  static std::unique_ptr<Process> start(const std::vector<std::string>& command,
                                        const std::string& wine_prefix, std::string& error);
  // Kills the program if it still runs, ends the Wine session of a fresh prefix, and removes the
  // channel's folder with all it holds.
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  enum class Read { frame, ended, timed_out, interrupted, broken };
  // Waits for the program's next request until `deadline`. `broken`: a framing error, said in
  // `error`.
  Read read(win32::FrameHead& head, std::vector<std::byte>& body, WallClock::time_point deadline,
            const volatile std::sig_atomic_t* interrupt, std::string& error);
  // False when the program is gone or does not read within `deadline`.
  bool write(const std::vector<std::byte>& frame, WallClock::time_point deadline);

  // Ends the program (SIGKILL) if it runs, and reaps it.
  void kill();
  // Waits for the program to end (it has, or was killed) and says how.
  Ending ending();
  const std::string& channel() const { return folder_; }
  bool under_wine() const { return under_wine_; }

 private:
  Process() = default;
  enum class Ready { data, ended, timed_out, interrupted };
  Ready wait_for(int fd, short events, WallClock::time_point deadline,
                 const volatile std::sig_atomic_t* interrupt);
  bool read_exact(std::byte* data, std::size_t size, WallClock::time_point deadline,
                  const volatile std::sig_atomic_t* interrupt, Read& why);

  std::string folder_;
  int requests_ = -1;
  int responses_ = -1;
  int pid_ = -1;
  int pidfd_ = -1;
  std::optional<Ending> ending_;
  bool under_wine_ = false;
  std::string own_prefix_;  // a Wine prefix made for this run, whose session ends with it
};

}  // namespace qosbed::program
