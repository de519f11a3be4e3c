// The client's platform layer on POSIX: the FIFOs opened with open(2), batons as semaphores,
// threads as detached pthreads.
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "win32/client/platform.hpp"
#include "win32/protocol.hpp"

namespace qosbed::win32::client::platform {
namespace {

int requests = -1;
int responses = -1;
thread_local std::uint32_t thread_error = 0;

struct Start {
  void (*entry)(void*);
  void* argument;
};

void* run_thread(void* start) {
  const Start copy = *static_cast<Start*>(start);
  delete static_cast<Start*>(start);
  copy.entry(copy.argument);
  return nullptr;
}

}  // namespace

bool open_channel(std::string& error) {
  const char* folder = std::getenv(channel_variable);
  if (!folder || !*folder) {
    error = std::string(channel_variable) +
            " is not set: run the program with `qosbed run SCENARIO.yaml -- PROGRAM`";
    return false;
  }
  const std::string base(folder);
  // qosbed holds both FIFOs open already, so neither open blocks.
  requests = ::open((base + "/" + requests_name).c_str(), O_WRONLY | O_CLOEXEC);
  responses = ::open((base + "/" + responses_name).c_str(), O_RDONLY | O_CLOEXEC);
  if (requests < 0 || responses < 0) {
    error = "cannot open the channel in " + base + ": " + std::strerror(errno);
    return false;
  }
  // Line by line, so that what the program printed is out when qosbed has to stop it, and in
  // order with qosbed's own output.
  std::setvbuf(stdout, nullptr, _IOLBF, BUFSIZ);
  return true;
}

bool write_all(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t written = ::write(requests, bytes, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    bytes += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

bool read_exact(void* data, std::size_t size) {
  auto* bytes = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t got = ::read(responses, bytes, size);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    bytes += got;
    size -= static_cast<std::size_t>(got);
  }
  return true;
}

struct Baton {
  sem_t semaphore;
};

Baton* new_baton() {
  auto* baton = new Baton;
  sem_init(&baton->semaphore, 0, 0);
  return baton;
}
void hand_over(Baton* baton) {
  sem_post(&baton->semaphore);
}
void take(Baton* baton) {
  while (sem_wait(&baton->semaphore) != 0 && errno == EINTR) {
  }
}

bool start_thread(void (*entry)(void*), void* argument) {
  pthread_t thread;
  auto* start = new Start{entry, argument};
  if (pthread_create(&thread, nullptr, run_thread, start) != 0) {
    delete start;
    return false;
  }
  pthread_detach(thread);
  return true;
}

void end_thread() {
  pthread_exit(nullptr);
}

void end_process(int code) {
  _exit(code);
}

std::uint32_t last_error() {
  return thread_error;
}

void set_last_error(std::uint32_t error) {
  thread_error = error;
}

void tell(const std::string& line) {
  const std::string text = line + "\n";
  [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, text.data(), text.size());
}

}  // namespace qosbed::win32::client::platform
