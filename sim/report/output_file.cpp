#include "report/output_file.hpp"

#include <unistd.h>

#include <system_error>

namespace qosbed::report {

OutputFile::OutputFile(std::filesystem::path path)
    : path_(std::move(path)),
      // Hidden and unique per process, so two runs writing the same report do not collide.
      temporary_(path_.parent_path() /
                 ("." + path_.filename().string() + ".tmp-" + std::to_string(::getpid()))),
      stream_(temporary_, std::ios::binary | std::ios::trunc) {}

OutputFile::~OutputFile() {
  if (committed_) return;
  stream_.close();
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

bool OutputFile::commit(std::string& error) {
  stream_.flush();
  const bool written = stream_.good();
  stream_.close();
  if (!written) {
    error = path_.string() + ": could not be written";
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
