#pragma once

namespace qosbed::rsvp {

// A visitor built from lambdas, one per message type.
template <typename... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};

// Clang before 17 does not deduce aggregate template arguments (P1816), so the guide stays.
template <typename... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace qosbed::rsvp
