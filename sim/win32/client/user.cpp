// user32 over the channel: window classes and message-only windows live here in the program
// (their procedures are the program's), their message queues in qosbed, which also posts the
// WSAAsyncSelect notifications to them.
// <winsock2.h> brings <windows.h>: the SDK wants it that way round.
#include <winsock2.h>

#include <map>
#include <string>

#include "win32/client/hooked.hpp"
#include "win32/client/session.hpp"

using namespace qosbed::win32;
using namespace qosbed::win32::client;

namespace {

// Class names in either form, compared as 16-bit text.
using ClassName = std::u16string;

ClassName name_of(LPCSTR name) {
  ClassName out;
  for (; name && *name; ++name) out += static_cast<char16_t>(static_cast<unsigned char>(*name));
  return out;
}
ClassName name_of(LPCWSTR name) {
  ClassName out;
  for (; name && *name; ++name) out += static_cast<char16_t>(*name);
  return out;
}

struct Window {
  WNDPROC procedure = nullptr;
  LONG_PTR user_data = 0;
};

std::map<ClassName, WNDPROC>& classes() {
  static auto* registered = new std::map<ClassName, WNDPROC>;
  return *registered;
}
std::map<HWND, Window>& windows() {
  static auto* created = new std::map<HWND, Window>;
  return *created;
}

ATOM register_class(const ClassName& name, WNDPROC procedure) {
  if (!procedure || name.empty()) return fail(ERROR_INVALID_PARAMETER, ATOM{0});
  if (classes().count(name)) return fail(ERROR_CLASS_ALREADY_EXISTS, ATOM{0});
  classes()[name] = procedure;
  return static_cast<ATOM>(0xC000 + classes().size());  // atoms of registered classes
}

template <typename CreateStruct, typename Text>
HWND create_window(const char* function, const ClassName& class_name, DWORD ex_style, Text title,
                   Text class_text, DWORD style, HWND parent, HMENU menu, HINSTANCE instance,
                   LPVOID parameter) {
  if (parent && parent != HWND_MESSAGE) {
    unsupported(std::string(function) +
                " of a child window (only top-level and message-only "
                "windows, which are never shown, are modelled)");
  }
  const auto found = classes().find(class_name);
  if (found == classes().end()) return fail(ERROR_CANNOT_FIND_WND_CLASS, HWND{nullptr});
  Writer writer = request(Call::create_window);
  const auto hwnd = reinterpret_cast<HWND>(static_cast<std::uintptr_t>(send(writer).body.u64()));
  windows()[hwnd].procedure = found->second;
  CreateStruct create{};
  create.lpCreateParams = parameter;
  create.hInstance = instance;
  create.hMenu = menu;
  create.hwndParent = parent;
  create.style = static_cast<LONG>(style);
  create.lpszName = title;
  create.lpszClass = class_text;
  create.dwExStyle = ex_style;
  const auto lparam = reinterpret_cast<LPARAM>(&create);
  if (!found->second(hwnd, WM_NCCREATE, 0, lparam) ||
      found->second(hwnd, WM_CREATE, 0, lparam) == -1) {
    QOSBED_HOOKED(DestroyWindow)(hwnd);
    return nullptr;
  }
  return hwnd;
}

LRESULT default_procedure(HWND hWnd, UINT Msg) {
  if (Msg == WM_NCCREATE) return TRUE;
  if (Msg == WM_CLOSE) QOSBED_HOOKED(DestroyWindow)(hWnd);
  return 0;
}

BOOL get_message(LPMSG lpMsg, HWND hWnd, UINT min, UINT max, UINT remove, bool wait) {
  if (!lpMsg) return fail(ERROR_INVALID_PARAMETER, wait ? -1 : FALSE);
  Writer writer = request(Call::get_message);
  writer.u64(reinterpret_cast<std::uintptr_t>(hWnd)).u32(min).u32(max);
  writer.u32(remove & PM_REMOVE).u32(wait ? 1 : 0);
  Answer answer = send(writer);
  const int result = answer.body.i32();
  const WireMessage message = get_message(answer.body);
  if (result == -1 || (!wait && result == 0)) return result;
  lpMsg->hwnd = reinterpret_cast<HWND>(static_cast<std::uintptr_t>(message.window));
  lpMsg->message = message.message;
  lpMsg->wParam = message.wparam;
  lpMsg->lParam = message.lparam;
  lpMsg->time = message.time_ms;
  lpMsg->pt.x = lpMsg->pt.y = 0;
  return result;
}

BOOL post(HWND hWnd, DWORD thread, UINT Msg, WPARAM wParam, LPARAM lParam) {
  Writer writer = request(Call::post_message);
  writer.u64(reinterpret_cast<std::uintptr_t>(hWnd)).u32(thread);
  put(writer, WireMessage{reinterpret_cast<std::uintptr_t>(hWnd), Msg, wParam, lParam, 0});
  return send(writer).body.u32() ? TRUE : FALSE;
}

LRESULT dispatch(const MSG* lpMsg) {
  if (!lpMsg) return 0;
  const auto found = windows().find(lpMsg->hwnd);
  if (found == windows().end()) return 0;  // a thread message, or a window destroyed since
  return found->second.procedure(lpMsg->hwnd, lpMsg->message, lpMsg->wParam, lpMsg->lParam);
}

LONG_PTR window_long(const char* function, HWND hWnd, int nIndex, const LONG_PTR* replace) {
  if (nIndex != GWLP_USERDATA) {
    unsupported(std::string(function) + " index " + std::to_string(nIndex));
  }
  const auto found = windows().find(hWnd);
  if (found == windows().end()) return fail(ERROR_INVALID_WINDOW_HANDLE, LONG_PTR{0});
  const LONG_PTR old = found->second.user_data;
  if (replace) found->second.user_data = *replace;
  return old;
}

}  // namespace

extern "C" {

ATOM WINAPI QOSBED_HOOKED(RegisterClassA)(const WNDCLASSA* lpWndClass) {
  if (!lpWndClass) return fail(ERROR_INVALID_PARAMETER, ATOM{0});
  return register_class(name_of(lpWndClass->lpszClassName), lpWndClass->lpfnWndProc);
}
ATOM WINAPI QOSBED_HOOKED(RegisterClassW)(const WNDCLASSW* lpWndClass) {
  if (!lpWndClass) return fail(ERROR_INVALID_PARAMETER, ATOM{0});
  return register_class(name_of(lpWndClass->lpszClassName), lpWndClass->lpfnWndProc);
}
ATOM WINAPI QOSBED_HOOKED(RegisterClassExA)(const WNDCLASSEXA* lpWndClass) {
  if (!lpWndClass || lpWndClass->cbSize != sizeof *lpWndClass) {
    return fail(ERROR_INVALID_PARAMETER, ATOM{0});
  }
  return register_class(name_of(lpWndClass->lpszClassName), lpWndClass->lpfnWndProc);
}
ATOM WINAPI QOSBED_HOOKED(RegisterClassExW)(const WNDCLASSEXW* lpWndClass) {
  if (!lpWndClass || lpWndClass->cbSize != sizeof *lpWndClass) {
    return fail(ERROR_INVALID_PARAMETER, ATOM{0});
  }
  return register_class(name_of(lpWndClass->lpszClassName), lpWndClass->lpfnWndProc);
}

HWND WINAPI QOSBED_HOOKED(CreateWindowExA)(DWORD dwExStyle, LPCSTR lpClassName, LPCSTR lpWindowName,
                                           DWORD dwStyle, int, int, int, int, HWND hWndParent,
                                           HMENU hMenu, HINSTANCE hInstance, LPVOID lpParam) {
  return create_window<CREATESTRUCTA>("CreateWindowExA", name_of(lpClassName), dwExStyle,
                                      lpWindowName, lpClassName, dwStyle, hWndParent, hMenu,
                                      hInstance, lpParam);
}
HWND WINAPI QOSBED_HOOKED(CreateWindowExW)(DWORD dwExStyle, LPCWSTR lpClassName,
                                           LPCWSTR lpWindowName, DWORD dwStyle, int, int, int, int,
                                           HWND hWndParent, HMENU hMenu, HINSTANCE hInstance,
                                           LPVOID lpParam) {
  return create_window<CREATESTRUCTW>("CreateWindowExW", name_of(lpClassName), dwExStyle,
                                      lpWindowName, lpClassName, dwStyle, hWndParent, hMenu,
                                      hInstance, lpParam);
}

BOOL WINAPI QOSBED_HOOKED(DestroyWindow)(HWND hWnd) {
  const auto found = windows().find(hWnd);
  if (found == windows().end()) return fail(ERROR_INVALID_WINDOW_HANDLE, FALSE);
  const WNDPROC procedure = found->second.procedure;
  procedure(hWnd, WM_DESTROY, 0, 0);
  procedure(hWnd, WM_NCDESTROY, 0, 0);
  windows().erase(hWnd);
  Writer writer = request(Call::destroy_window);
  writer.u64(reinterpret_cast<std::uintptr_t>(hWnd));
  return send(writer).body.u32() ? TRUE : FALSE;
}

LRESULT WINAPI QOSBED_HOOKED(DefWindowProcA)(HWND hWnd, UINT Msg, WPARAM, LPARAM) {
  return default_procedure(hWnd, Msg);
}
LRESULT WINAPI QOSBED_HOOKED(DefWindowProcW)(HWND hWnd, UINT Msg, WPARAM, LPARAM) {
  return default_procedure(hWnd, Msg);
}

LONG_PTR WINAPI QOSBED_HOOKED(SetWindowLongPtrA)(HWND hWnd, int nIndex, LONG_PTR dwNewLong) {
  return window_long("SetWindowLongPtrA", hWnd, nIndex, &dwNewLong);
}
LONG_PTR WINAPI QOSBED_HOOKED(SetWindowLongPtrW)(HWND hWnd, int nIndex, LONG_PTR dwNewLong) {
  return window_long("SetWindowLongPtrW", hWnd, nIndex, &dwNewLong);
}
LONG_PTR WINAPI QOSBED_HOOKED(GetWindowLongPtrA)(HWND hWnd, int nIndex) {
  return window_long("GetWindowLongPtrA", hWnd, nIndex, nullptr);
}
LONG_PTR WINAPI QOSBED_HOOKED(GetWindowLongPtrW)(HWND hWnd, int nIndex) {
  return window_long("GetWindowLongPtrW", hWnd, nIndex, nullptr);
}

BOOL WINAPI QOSBED_HOOKED(GetMessageA)(LPMSG lpMsg, HWND hWnd, UINT wMsgFilterMin,
                                       UINT wMsgFilterMax) {
  return get_message(lpMsg, hWnd, wMsgFilterMin, wMsgFilterMax, PM_REMOVE, true);
}
BOOL WINAPI QOSBED_HOOKED(GetMessageW)(LPMSG lpMsg, HWND hWnd, UINT wMsgFilterMin,
                                       UINT wMsgFilterMax) {
  return get_message(lpMsg, hWnd, wMsgFilterMin, wMsgFilterMax, PM_REMOVE, true);
}
BOOL WINAPI QOSBED_HOOKED(PeekMessageA)(LPMSG lpMsg, HWND hWnd, UINT wMsgFilterMin,
                                        UINT wMsgFilterMax, UINT wRemoveMsg) {
  return get_message(lpMsg, hWnd, wMsgFilterMin, wMsgFilterMax, wRemoveMsg, false);
}
BOOL WINAPI QOSBED_HOOKED(PeekMessageW)(LPMSG lpMsg, HWND hWnd, UINT wMsgFilterMin,
                                        UINT wMsgFilterMax, UINT wRemoveMsg) {
  return get_message(lpMsg, hWnd, wMsgFilterMin, wMsgFilterMax, wRemoveMsg, false);
}
BOOL WINAPI QOSBED_HOOKED(TranslateMessage)(const MSG*) {
  return FALSE;  // no keyboard: nothing to translate
}
LRESULT WINAPI QOSBED_HOOKED(DispatchMessageA)(const MSG* lpMsg) {
  return dispatch(lpMsg);
}
LRESULT WINAPI QOSBED_HOOKED(DispatchMessageW)(const MSG* lpMsg) {
  return dispatch(lpMsg);
}
BOOL WINAPI QOSBED_HOOKED(PostMessageA)(HWND hWnd, UINT Msg, WPARAM wParam, LPARAM lParam) {
  return post(hWnd, 0, Msg, wParam, lParam);
}
BOOL WINAPI QOSBED_HOOKED(PostMessageW)(HWND hWnd, UINT Msg, WPARAM wParam, LPARAM lParam) {
  return post(hWnd, 0, Msg, wParam, lParam);
}
BOOL WINAPI QOSBED_HOOKED(PostThreadMessageA)(DWORD idThread, UINT Msg, WPARAM wParam,
                                              LPARAM lParam) {
  return post(nullptr, idThread, Msg, wParam, lParam);
}
BOOL WINAPI QOSBED_HOOKED(PostThreadMessageW)(DWORD idThread, UINT Msg, WPARAM wParam,
                                              LPARAM lParam) {
  return post(nullptr, idThread, Msg, wParam, lParam);
}
void WINAPI QOSBED_HOOKED(PostQuitMessage)(int nExitCode) {
  Writer writer = request(Call::post_quit);
  writer.i32(nExitCode);
  send(writer);
}

}  // extern "C"
