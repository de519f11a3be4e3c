// An output file that is either whole or absent: written under a temporary name in the same
// folder (so the rename stays on one file system) and renamed over FILE only by commit(). A run
// that crashes or is interrupted leaves at most the temporary file, never half a report.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace qosbed::report {

class OutputFile {
 public:
  // Check ok() before writing: the temporary file may not be creatable.
  explicit OutputFile(std::filesystem::path path);
  ~OutputFile();  // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  bool ok() const { return stream_.is_open() && stream_.good(); }
  // Why the file cannot be written, when !ok(): "PATH: cannot be written: REASON", the reason
  // as the system gives it ("No such file or directory", "Permission denied").
  std::string open_error() const;
  std::ostream& stream() { return stream_; }
  // Flushes, closes and renames; "PATH: reason" in `error` when that fails.
  bool commit(std::string& error);

 private:
  std::filesystem::path path_;
  std::filesystem::path temporary_;
  std::ofstream stream_;
  int open_errno_ = 0;  // errno of a failed open, 0 when it opened
  bool committed_ = false;
};

// "PATH: cannot be written: REASON" for an errno value; REASON is left out when it is 0.
std::string cannot_be_written(const std::filesystem::path& path, int error_number);

}  // namespace qosbed::report
