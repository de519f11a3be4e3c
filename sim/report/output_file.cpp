#include "report/output_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace qosbed::report {

std::string cannot_be_written(const std::filesystem::path& path, int error_number) {
  std::string text = path.string() + ": cannot be written";
  if (error_number != 0) text += std::string(": ") + std::strerror(error_number);
  return text;
}

OutputFile::OutputFile(std::filesystem::path path)
    : path_(std::move(path)),
      // Hidden and unique per process, so two runs writing the same report do not collide.
      temporary_(path_.parent_path() /
                 ("." + path_.filename().string() + ".tmp-" + std::to_string(::getpid()))) {
  errno = 0;
  stream_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!stream_.is_open()) open_errno_ = errno;
}

OutputFile::~OutputFile() {
  if (committed_) return;
  stream_.close();
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

std::string OutputFile::open_error() const {
  return cannot_be_written(path_, open_errno_);
}

bool OutputFile::commit(std::string& error) {
  if (!stream_.is_open()) {
    error = open_error();
    return false;
  }
  errno = 0;
  stream_.flush();
  const bool written = stream_.good();
  stream_.close();
  if (!written) {
    error = cannot_be_written(path_, errno);
    return false;
  }
  std::error_code rename_error;
  std::filesystem::rename(temporary_, path_, rename_error);
  if (rename_error) {
    error = path_.string() + ": " + rename_error.message();
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace qosbed::report
