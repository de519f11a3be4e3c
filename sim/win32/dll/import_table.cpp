// Rewrites a module's import address table: each slot of a hooked function, found by the name it
// was imported under, gets the replacement's address. The loader has filled the table by the time
// a DLL the module imports starts, so the change stands for the module's whole life.
#include <cstdint>

#include "hooks.hpp"

namespace qosbed::win32::dll {
namespace {

template <typename T>
T* at(BYTE* base, DWORD offset) {
  return reinterpret_cast<T*>(base + offset);
}

const Hook* find(std::span<const Hook> hooks, const char* library, const char* function) {
  for (const Hook& hook : hooks) {
    if (lstrcmpiA(hook.library, library) == 0 && lstrcmpA(hook.function, function) == 0) {
      return &hook;
    }
  }
  return nullptr;
}

void replace(ULONGLONG* slot, void* replacement) {
  DWORD protection = 0;
  if (!VirtualProtect(slot, sizeof *slot, PAGE_READWRITE, &protection)) return;
  *slot = reinterpret_cast<std::uintptr_t>(replacement);
  VirtualProtect(slot, sizeof *slot, protection, &protection);
}

}  // namespace

void patch_imports(HMODULE module, std::span<const Hook> hooks) {
  auto* base = reinterpret_cast<BYTE*>(module);
  const auto* dos = reinterpret_cast<const IMAGE_DOS_HEADER*>(base);
  const auto* nt = at<const IMAGE_NT_HEADERS>(base, static_cast<DWORD>(dos->e_lfanew));
  const IMAGE_DATA_DIRECTORY& imports =
      nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
  if (imports.VirtualAddress == 0) return;
  for (auto* library = at<IMAGE_IMPORT_DESCRIPTOR>(base, imports.VirtualAddress); library->Name;
       ++library) {
    // The names stay in the lookup table; the address table holds what the loader bound. A
    // module without a lookup table (bound by an old linker) has no names left to match.
    if (library->OriginalFirstThunk == 0) continue;
    const char* library_name = at<const char>(base, library->Name);
    auto* names = at<IMAGE_THUNK_DATA>(base, library->OriginalFirstThunk);
    auto* slots = at<IMAGE_THUNK_DATA>(base, library->FirstThunk);
    for (; names->u1.AddressOfData != 0; ++names, ++slots) {
      if (IMAGE_SNAP_BY_ORDINAL(names->u1.Ordinal)) continue;
      const auto* by_name =
          at<const IMAGE_IMPORT_BY_NAME>(base, static_cast<DWORD>(names->u1.AddressOfData));
      if (const Hook* hook =
              find(hooks, library_name, reinterpret_cast<const char*>(by_name->Name))) {
        replace(&slots->u1.Function, hook->replacement);
      }
    }
  }
}

}  // namespace qosbed::win32::dll
