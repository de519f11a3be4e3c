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
  std::ostream& stream() { return stream_; }
  // Flushes, closes and renames; "PATH: reason" in `error` when that fails.
  bool commit(std::string& error);

 private:
  std::filesystem::path path_;
  std::filesystem::path temporary_;
  std::ofstream stream_;
  bool committed_ = false;
};

}  // namespace qosbed::report
