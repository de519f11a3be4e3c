#include "cli/arguments.hpp"

#include "scenario/loader.hpp"

namespace qosbed::cli {

namespace po = boost::program_options;

void add_help_option(po::options_description& options) {
  options.add_options()("help,h", "show this help");
}

std::optional<int> parse(const std::vector<std::string>& args, po::options_description options,
                         std::string_view usage, Parsed& parsed, std::ostream& out,
                         std::ostream& err) {
  add_help_option(options);
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>(&parsed.paths));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);
  try {
    po::store(
        po::command_line_parser(args)
            .options(all)
            .positional(positional)
            // A misspelt flag is an error, never a guess at the flag meant.
            .style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing)
            .run(),
        parsed.values);
    po::notify(parsed.values);
  } catch (const po::error& error) {
    err << "qosbed: " << error.what() << "\n" << usage << "\n";
    return exit_bad_input;
  }
  if (parsed.values.count("help")) {
    out << usage << "\n\n" << options;
    return exit_ok;
  }
  if (parsed.paths.empty()) {
    err << "qosbed: no scenario file or folder given\n" << usage << "\n";
    return exit_bad_input;
  }
  return std::nullopt;
}

std::optional<std::string> trace_format(const po::variables_map& values, std::ostream& err) {
  std::string format = values.count("verbose") ? "text" : "";
  if (values.count("trace")) format = values["trace"].as<std::string>();
  if (!format.empty() && format != "json" && format != "text") {
    err << "qosbed: --trace takes json or text, not '" << format << "'\n";
    return std::nullopt;
  }
  return format;
}

std::optional<FileList> files_of(const std::vector<std::string>& paths, std::ostream& err) {
  FileList list = expand_scenario_paths(paths);
  for (const std::string& error : list.errors) err << "qosbed: " << error << "\n";
  if (!list.errors.empty()) return std::nullopt;
  if (list.files.empty()) {
    err << "qosbed: no .yaml scenario found\n";
    return std::nullopt;
  }
  return list;
}

std::optional<scenario::Scenario> load(const std::string& file, std::ostream& err) {
  scenario::LoadResult loaded = scenario::load_file(file);
  for (const scenario::Diagnostic& diagnostic : loaded.diagnostics) {
    err << scenario::format(diagnostic) << "\n";
  }
  if (!loaded.diagnostics.empty()) return std::nullopt;
  return std::move(loaded.scenario);
}

}  // namespace qosbed::cli
