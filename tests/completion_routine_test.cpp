// provider::CompletionRoutine: what it holds is called with the routine's four arguments, moved
// (never copied), and destroyed exactly once; a routine as small as the Monitor's is held inside
// the routine, a larger one on the heap.
#define BOOST_TEST_MODULE completion_routine
#include "provider/completion_routine.hpp"

#include <array>
#include <boost/test/unit_test.hpp>
#include <functional>
#include <memory>

#include "provider/provider.hpp"

using qosbed::provider::CompletionRoutine;
using qosbed::provider::Overlapped;

namespace {

struct Call {
  std::uint32_t error = 0, bytes = 0, flags = 0;
  Overlapped* overlapped = nullptr;
};

// Records its arguments, and where it was when called: inside the routine's own bytes when it is
// held inline, elsewhere (the heap) when not.
template <std::size_t Padding>
struct Probe {
  std::shared_ptr<Call> owned;
  const void** called_at;
  std::array<char, Padding> padding{};
  void operator()(std::uint32_t error, std::uint32_t bytes, Overlapped* overlapped,
                  std::uint32_t flags) {
    *owned = Call{error, bytes, flags, overlapped};
    *called_at = this;
  }
};

bool inside(const void* at, const CompletionRoutine& routine) {
  const auto* begin = reinterpret_cast<const char*>(&routine);
  const auto* p = static_cast<const char*>(at);
  return p >= begin && p < begin + sizeof routine;
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_empty_routine_is_null_and_throws_when_called) {
  CompletionRoutine routine;
  BOOST_TEST(!routine);
  BOOST_TEST((routine == nullptr));
  BOOST_CHECK_THROW(routine(0, 0, nullptr, 0), std::bad_function_call);
  CompletionRoutine from_null = nullptr;
  BOOST_TEST(!from_null);
}

BOOST_AUTO_TEST_CASE(a_routine_holding_a_shared_ptr_is_held_inline_and_released_once) {
  auto owned = std::make_shared<Call>();
  const void* called_at = nullptr;
  {
    CompletionRoutine routine = Probe<8>{owned, &called_at};
    BOOST_TEST(owned.use_count() == 2);
    CompletionRoutine moved = std::move(routine);
    BOOST_TEST(!routine);
    BOOST_TEST(owned.use_count() == 2);
    Overlapped overlapped;
    moved(7, 100, &overlapped, 3);
    BOOST_TEST(inside(called_at, moved));
    BOOST_TEST(owned->error == 7u);
    BOOST_TEST(owned->bytes == 100u);
    BOOST_TEST(owned->flags == 3u);
    BOOST_TEST(owned->overlapped == &overlapped);
  }
  BOOST_TEST(owned.use_count() == 1);
}

BOOST_AUTO_TEST_CASE(a_routine_larger_than_the_inline_room_lives_on_the_heap) {
  auto owned = std::make_shared<Call>();
  const void* called_at = nullptr;
  {
    CompletionRoutine routine = Probe<CompletionRoutine::inline_size>{owned, &called_at};
    routine(1, 0, nullptr, 0);
    const void* first = called_at;
    BOOST_TEST(!inside(first, routine));
    CompletionRoutine moved;
    moved = std::move(routine);  // the pointer moves: the callable stays where it is
    BOOST_TEST(!routine);
    moved(2, 0, nullptr, 0);
    BOOST_TEST(called_at == first);
    BOOST_TEST(owned->error == 2u);
    BOOST_TEST(owned.use_count() == 2);
  }
  BOOST_TEST(owned.use_count() == 1);
}

BOOST_AUTO_TEST_CASE(a_move_only_callable_is_held_and_assigning_null_destroys_it) {
  auto owned = std::make_shared<Call>();
  auto unique = std::make_unique<std::shared_ptr<Call>>(owned);
  CompletionRoutine routine = [held = std::move(unique)](std::uint32_t error, std::uint32_t,
                                                         Overlapped*,
                                                         std::uint32_t) { (*held)->error = error; };
  routine(9, 0, nullptr, 0);
  BOOST_TEST(owned->error == 9u);
  BOOST_TEST(owned.use_count() == 2);
  routine = nullptr;
  BOOST_TEST(!routine);
  BOOST_TEST(owned.use_count() == 1);
}

BOOST_AUTO_TEST_CASE(moving_a_routine_onto_itself_keeps_it) {
  int calls = 0;
  CompletionRoutine routine = [&calls](std::uint32_t, std::uint32_t, Overlapped*, std::uint32_t) {
    ++calls;
  };
  CompletionRoutine& same = routine;
  routine = std::move(same);
  routine(0, 0, nullptr, 0);
  BOOST_TEST(calls == 1);
}
