// LPWSAOVERLAPPED_COMPLETION_ROUTINE as a callable the application hands to the provider with
// each overlapped request. Like std::function, but move-only and with room for 48 bytes of state
// inside it: std::function keeps on the heap anything that is not trivially copyable, so a
// routine that holds a std::shared_ptr (the Monitor's) cost an allocation per request, and with
// thousands of sockets each request's routine landed on a cold line of its own. Move-only also
// lets a wrapper own the routine it wraps without copying it.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <new>
#include <type_traits>
#include <utility>

namespace qosbed::provider {

struct Overlapped;

class CompletionRoutine {
 public:
  static constexpr std::size_t inline_size = 48;

  CompletionRoutine() = default;
  CompletionRoutine(std::nullptr_t) {}

  // Any callable as (dwError, cbTransferred, lpOverlapped, dwFlags).
  template <typename F>
  requires(
      !std::same_as<std::remove_cvref_t<F>, CompletionRoutine> &&
      std::invocable<std::decay_t<F>&, std::uint32_t, std::uint32_t, Overlapped*, std::uint32_t>)
      CompletionRoutine(F&& f) {
    using Fn = std::decay_t<F>;
    if constexpr (fits_inline<Fn>) {
      ::new (static_cast<void*>(storage_)) Fn(std::forward<F>(f));
      ops_ = &inline_ops<Fn>;
    } else {
      ::new (static_cast<void*>(storage_)) Fn*(new Fn(std::forward<F>(f)));
      ops_ = &heap_ops<Fn>;
    }
  }

  CompletionRoutine(CompletionRoutine&& other) noexcept { take(other); }
  CompletionRoutine& operator=(CompletionRoutine&& other) noexcept {
    if (this != &other) {
      reset();
      take(other);
    }
    return *this;
  }
  CompletionRoutine& operator=(std::nullptr_t) noexcept {
    reset();
    return *this;
  }
  ~CompletionRoutine() { reset(); }

  explicit operator bool() const { return ops_ != nullptr; }
  friend bool operator==(const CompletionRoutine& routine, std::nullptr_t) { return !routine; }

  // std::bad_function_call when empty, as std::function.
  void operator()(std::uint32_t error, std::uint32_t bytes, Overlapped* overlapped,
                  std::uint32_t flags) const {
    if (!ops_) throw std::bad_function_call();
    ops_->invoke(storage_, error, bytes, overlapped, flags);
  }

 private:
  struct Ops {
    void (*invoke)(std::byte* storage, std::uint32_t, std::uint32_t, Overlapped*, std::uint32_t);
    void (*move)(std::byte* to, std::byte* from) noexcept;  // and destroys `from`
    void (*destroy)(std::byte* storage) noexcept;
  };

  template <typename Fn>
  static constexpr bool fits_inline =
      sizeof(Fn) <= inline_size &&
      alignof(Fn) <= alignof(std::max_align_t) && std::is_nothrow_move_constructible_v<Fn>;

  template <typename Fn>
  static Fn& held(std::byte* storage) {
    return *std::launder(reinterpret_cast<Fn*>(storage));
  }

  template <typename Fn>
  static constexpr Ops inline_ops{[](std::byte* s, std::uint32_t e, std::uint32_t b, Overlapped* o,
                                     std::uint32_t f) { held<Fn>(s)(e, b, o, f); },
                                  [](std::byte* to, std::byte* from) noexcept {
                                    ::new (static_cast<void*>(to)) Fn(std::move(held<Fn>(from)));
                                    held<Fn>(from).~Fn();
                                  },
                                  [](std::byte* s) noexcept { held<Fn>(s).~Fn(); }};

  template <typename Fn>
  static constexpr Ops heap_ops{[](std::byte* s, std::uint32_t e, std::uint32_t b, Overlapped* o,
                                   std::uint32_t f) { (*held<Fn*>(s))(e, b, o, f); },
                                [](std::byte* to, std::byte* from) noexcept {
                                  ::new (static_cast<void*>(to)) Fn*(held<Fn*>(from));
                                },
                                [](std::byte* s) noexcept { delete held<Fn*>(s); }};

  void take(CompletionRoutine& other) noexcept {
    if (!other.ops_) return;
    other.ops_->move(storage_, other.storage_);
    ops_ = std::exchange(other.ops_, nullptr);
  }
  void reset() noexcept {
    if (const Ops* ops = std::exchange(ops_, nullptr)) ops->destroy(storage_);
  }

  alignas(std::max_align_t) mutable std::byte storage_[inline_size];
  const Ops* ops_ = nullptr;
};

}  // namespace qosbed::provider
