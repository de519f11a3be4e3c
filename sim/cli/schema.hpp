// `qosbed schema`'s JSON Schema (draft 2020-12) of the scenario language, made from the table the
// loader checks files against (scenario/language.hpp): every map's keys and the kind of value
// each takes, the keys each needs, the step kinds and their verbs with the keys each takes.
#pragma once

#include <string>

namespace qosbed::cli {

// The schema as indented JSON text, without a final newline.
std::string scenario_schema();

}  // namespace qosbed::cli
