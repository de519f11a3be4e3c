// The fields of one JSON object, as a golden trace difference names them: each scalar under its
// path ("t_us", "receiving.token_rate", "objects[1].type") with its JSON text, in document order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qosbed::report {

struct JsonField {
  std::string path;
  std::string_view value;  // the scalar as written: 10000, "rx", true, null; {} or [] when empty
};

// nullopt unless `line` is one JSON object and nothing else but whitespace.
std::optional<std::vector<JsonField>> json_fields(std::string_view line);

}  // namespace qosbed::report
