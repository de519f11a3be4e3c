#include "program/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "program/wine.hpp"

extern char** environ;

namespace qosbed::program {
namespace {

std::string system_error(const std::string& what, int error) {
  return what + ": " + std::strerror(error);
}

// The inherited environment with `set` (NAME=VALUE each) in place of what it held of theirs.
std::vector<std::string> environment_with(const std::vector<std::string>& set) {
  std::vector<std::string> environment;
  for (char** entry = environ; *entry; ++entry) {
    const char* equals = std::strchr(*entry, '=');
    const std::size_t name = equals ? static_cast<std::size_t>(equals - *entry + 1) : 0;
    const bool replaced = std::any_of(set.begin(), set.end(), [&](const std::string& ours) {
      return name > 0 && ours.compare(0, name, *entry, name) == 0;
    });
    if (!replaced) environment.push_back(*entry);
  }
  environment.insert(environment.end(), set.begin(), set.end());
  return environment;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::string describe(const Ending& ending) {
  if (ending.exited) return "exited with code " + std::to_string(ending.code);
  const char* abbreviation = sigabbrev_np(ending.code);
  return std::string("was killed by ") +
         (abbreviation ? "SIG" + std::string(abbreviation) : "a signal") + " (signal " +
         std::to_string(ending.code) + ")";
}

std::unique_ptr<Process> Process::start(const std::vector<std::string>& command,
                                        const std::string& wine_prefix, std::string& error) {
  std::unique_ptr<Process> process(new Process);
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/qosbed-XXXXXX";
  if (!mkdtemp(pattern.data())) {
    error = system_error("cannot make the channel's folder " + pattern, errno);
    return nullptr;
  }
  process->folder_ = pattern;
  const std::string requests = pattern + "/" + win32::requests_name;
  const std::string responses = pattern + "/" + win32::responses_name;
  if (mkfifo(requests.c_str(), 0600) != 0 || mkfifo(responses.c_str(), 0600) != 0) {
    error = system_error("cannot make the channel's FIFOs in " + pattern, errno);
    return nullptr;
  }
  process->requests_ = ::open(requests.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  process->responses_ = ::open(responses.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (process->requests_ < 0 || process->responses_ < 0) {
    error = system_error("cannot open the channel's FIFOs in " + pattern, errno);
    return nullptr;
  }
  std::vector<std::string> arguments = command;
  std::vector<std::string> settings = {std::string(win32::channel_variable) + "=" + pattern};
  if (is_windows_program(command.front())) {
    std::optional<WineLaunch> wine = prepare_wine(command, pattern, wine_prefix, error);
    if (!wine) return nullptr;
    process->under_wine_ = true;
    if (wine->own_prefix) process->own_prefix_ = wine->prefix;
    arguments = wine->command;
    settings.insert(settings.end(), wine->environment.begin(), wine->environment.end());
  }
  std::vector<std::string> environment = environment_with(settings);
  const std::vector<char*> argv = pointers(arguments);
  const std::vector<char*> envp = pointers(environment);
  pid_t pid = -1;
  if (const int failed = posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), envp.data())) {
    error = system_error("cannot start " + arguments.front(), failed);
    return nullptr;
  }
  process->pid_ = pid;
  process->pidfd_ = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (process->pidfd_ < 0) {
    error = system_error("cannot watch the program (pidfd_open needs Linux 5.3)", errno);
    return nullptr;  // the destructor kills it
  }
  return process;
}

Process::~Process() {
  kill();
  for (const int fd : {requests_, responses_, pidfd_}) {
    if (fd >= 0) ::close(fd);
  }
  if (!own_prefix_.empty()) end_wine_session(own_prefix_);
  if (!folder_.empty()) {
    // Links are removed, not followed.
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
}

Process::Ready Process::wait_for(int fd, short events, WallClock::time_point deadline,
                                 const volatile std::sig_atomic_t* interrupt) {
  for (;;) {
    if (interrupt && *interrupt) return Ready::interrupted;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - WallClock::now());
    if (left.count() <= 0) return Ready::timed_out;
    pollfd watched[] = {{fd, events, 0}, {pidfd_, POLLIN, 0}};
    const int ready = ::poll(watched, 2, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) return Ready::ended;
    if (ready <= 0) continue;
    if (watched[0].revents & (events | POLLERR)) return Ready::data;
    if (watched[1].revents) return Ready::ended;
  }
}

bool Process::read_exact(std::byte* data, std::size_t size, WallClock::time_point deadline,
                         const volatile std::sig_atomic_t* interrupt, Read& why) {
  while (size > 0) {
    const ssize_t got = ::read(requests_, data, size);
    if (got > 0) {
      data += got;
      size -= static_cast<std::size_t>(got);
      continue;
    }
    if (got < 0 && errno != EAGAIN && errno != EINTR) {
      why = Read::ended;
      return false;
    }
    switch (wait_for(requests_, POLLIN, deadline, interrupt)) {
      case Ready::data:
        break;
      case Ready::ended:
        why = Read::ended;
        return false;
      case Ready::timed_out:
        why = Read::timed_out;
        return false;
      case Ready::interrupted:
        why = Read::interrupted;
        return false;
    }
  }
  return true;
}

Process::Read Process::read(win32::FrameHead& head, std::vector<std::byte>& body,
                            WallClock::time_point deadline,
                            const volatile std::sig_atomic_t* interrupt, std::string& error) {
  std::byte head_bytes[win32::frame_head_bytes];
  Read why = Read::frame;
  if (!read_exact(head_bytes, sizeof head_bytes, deadline, interrupt, why)) return why;
  head = win32::read_head(head_bytes);
  constexpr std::uint32_t head_after_size = win32::frame_head_bytes - 4;
  if (head.size < head_after_size || head.size > win32::max_frame_bytes) {
    error = "a request frame of " + std::to_string(head.size) + " bytes (a frame holds " +
            std::to_string(head_after_size) + " to " + std::to_string(win32::max_frame_bytes) + ")";
    return Read::broken;
  }
  body.resize(head.size - head_after_size);
  if (!read_exact(body.data(), body.size(), deadline, interrupt, why)) return why;
  return Read::frame;
}

bool Process::write(const std::vector<std::byte>& frame, WallClock::time_point deadline) {
  const std::byte* data = frame.data();
  std::size_t size = frame.size();
  while (size > 0) {
    const ssize_t written = ::write(responses_, data, size);
    if (written > 0) {
      data += written;
      size -= static_cast<std::size_t>(written);
      continue;
    }
    if (written < 0 && errno != EAGAIN && errno != EINTR) return false;
    if (wait_for(responses_, POLLOUT, deadline, nullptr) != Ready::data) return false;
  }
  return true;
}

void Process::kill() {
  if (pid_ < 0 || ending_) return;
  ::kill(pid_, SIGKILL);
  ending();
}

Ending Process::ending() {
  if (ending_) return *ending_;
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  Ending ending;
  ending.exited = WIFEXITED(status);
  ending.code = ending.exited ? WEXITSTATUS(status) : WTERMSIG(status);
  ending_ = ending;
  return ending;
}

}  // namespace qosbed::program
