#include "cli/terminal.hpp"

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#else
#include <sys/ioctl.h>
#include <unistd.h>
#endif

#include <charconv>
#include <cstdlib>

namespace qosbed::cli {

namespace {

bool set_and_not_empty(const char* name) {
  const char* value = std::getenv(name);
  return value && *value;
}

bool is_tty(int fd) {
#ifdef _WIN32
  return ::_isatty(fd) != 0;
#else
  return ::isatty(fd) == 1;
#endif
}

// The terminal's own width, or 0 when it does not say.
std::size_t window_columns(int fd) {
#ifdef _WIN32
  const HANDLE handle = ::GetStdHandle(fd == 2 ? STD_ERROR_HANDLE : STD_OUTPUT_HANDLE);
  CONSOLE_SCREEN_BUFFER_INFO info{};
  if (!::GetConsoleScreenBufferInfo(handle, &info)) return 0;
  return static_cast<std::size_t>(info.srWindow.Right - info.srWindow.Left + 1);
#else
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
#endif
}

bool continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Where the character after the first `characters` ones of `text` starts.
std::size_t byte_of(std::string_view text, std::size_t characters) {
  std::size_t at = 0;
  for (std::size_t n = 0; at < text.size() && n < characters; ++n) {
    ++at;
    while (at < text.size() && continuation_byte(text[at])) ++at;
  }
  return at;
}

}  // namespace

std::optional<ColorChoice> color_choice(std::string_view text) {
  if (text == "auto") return ColorChoice::automatic;
  if (text == "always") return ColorChoice::always;
  if (text == "never") return ColorChoice::never;
  return std::nullopt;
}

Terminal terminal_of(int fd) {
  Terminal terminal;
  terminal.tty = is_tty(fd);
  const char* term = std::getenv("TERM");
  terminal.cursor_control = terminal.tty && term && *term && std::string_view(term) != "dumb";
  terminal.no_color = set_and_not_empty("NO_COLOR");
  return terminal;
}

std::size_t columns_of(int fd) {
  if (const char* columns = std::getenv("COLUMNS")) {
    std::size_t value = 0;
    const std::string_view text(columns);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc{} && end == text.data() + text.size() && value > 0) return value;
  }
  if (const std::size_t columns = window_columns(fd); columns > 0) return columns;
  return 80;
}

bool colors(ColorChoice choice, const Terminal& terminal) {
  switch (choice) {
    case ColorChoice::always:
      return true;
    case ColorChoice::never:
      return false;
    case ColorChoice::automatic:
      break;
  }
  return terminal.cursor_control && !terminal.no_color;
}

std::string painted(std::string_view text, Color color, bool on) {
  if (!on) return std::string(text);
  return std::string(color == Color::red ? "\x1b[31m" : "\x1b[32m") + std::string(text) + "\x1b[0m";
}

std::size_t width_of(std::string_view text) {
  std::size_t width = 0;
  for (char c : text) {
    if (!continuation_byte(c)) ++width;
  }
  return width;
}

std::string middle_cut(std::string_view text, std::size_t width) {
  const std::size_t characters = width_of(text);
  if (characters <= width) return std::string(text);
  if (width < 5) return std::string(text.substr(0, byte_of(text, width)));
  const std::size_t head = (width - 3) / 2;
  const std::size_t tail = width - 3 - head;
  return std::string(text.substr(0, byte_of(text, head))) + "..." +
         std::string(text.substr(byte_of(text, characters - tail)));
}

}  // namespace qosbed::cli
