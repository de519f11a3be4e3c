// What qosbed knows of the terminal it writes to, and the rules it writes by there: a stream is a
// terminal that takes cursor control only when it is a tty and TERM names a terminal (set, and not
// "dumb"); a line drawn on it never runs past its width; and colour follows --color auto|always|
// never, auto meaning a terminal, TERM not dumb and NO_COLOR unset or empty (https://no-color.org).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace qosbed::cli {

enum class ColorChoice { automatic, always, never };

// "auto", "always" or "never"; nullopt for anything else.
std::optional<ColorChoice> color_choice(std::string_view text);

struct Terminal {
  bool tty = false;             // the stream is a terminal
  bool cursor_control = false;  // a tty whose TERM is set and not "dumb"
  bool no_color = false;        // NO_COLOR is set and not empty
};

// The terminal behind file descriptor `fd`, with the process's TERM and NO_COLOR.
Terminal terminal_of(int fd);

// How many columns a line drawn on `fd` may take: COLUMNS when it is a positive number, else the
// terminal's width (TIOCGWINSZ), else 80. Read again at each line, so a resize is followed.
std::size_t columns_of(int fd);

bool colors(ColorChoice choice, const Terminal& terminal);

enum class Color { red, green };

// `text` in `color` (SGR 31/32, reset after) when `on`, else `text` as it is.
std::string painted(std::string_view text, Color color, bool on);

// How many columns `text` takes: its UTF-8 characters.
std::size_t width_of(std::string_view text);

// `text` in at most `width` columns: whole when it fits, else its start and end with "..." in
// place of the middle (the file name at the end of a path stays readable), or cut at `width` when
// that is under 5 columns.
std::string middle_cut(std::string_view text, std::size_t width);

}  // namespace qosbed::cli
