// provider::CompletionRoutine: what it holds is called with the routine's four arguments, moved
// (never copied), and destroyed exactly once; a routine as small as the Monitor's is held without
// a heap allocation, a larger one on the heap.
#define BOOST_TEST_MODULE completion_routine
#include "provider/completion_routine.hpp"
#include "provider/provider.hpp"

#include <array>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <functional>
#include <memory>
#include <new>

using qosbed::provider::CompletionRoutine;
using qosbed::provider::Overlapped;

namespace {

std::size_t allocations = 0;

struct Call {
  std::uint32_t error = 0, bytes = 0, flags = 0;
  Overlapped* overlapped = nullptr;
};

}  // namespace

// Counts every allocation of this test program.
void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

BOOST_AUTO_TEST_CASE(an_empty_routine_is_null_and_throws_when_called) {
  CompletionRoutine routine;
  BOOST_TEST(!routine);
  BOOST_TEST((routine == nullptr));
  BOOST_CHECK_THROW(routine(0, 0, nullptr, 0), std::bad_function_call);
  CompletionRoutine from_null = nullptr;
  BOOST_TEST(!from_null);
}

BOOST_AUTO_TEST_CASE(a_routine_holding_a_shared_ptr_allocates_nothing_and_releases_it_once) {
  auto owned = std::make_shared<Call>();
  const std::size_t before = allocations;
  {
    CompletionRoutine routine = [owned](std::uint32_t error, std::uint32_t bytes,
                                        Overlapped* overlapped, std::uint32_t flags) {
      *owned = Call{error, bytes, flags, overlapped};
    };
    BOOST_TEST(allocations == before);
    BOOST_TEST(owned.use_count() == 2);
    CompletionRoutine moved = std::move(routine);
    BOOST_TEST(!routine);
    BOOST_TEST(owned.use_count() == 2);
    Overlapped overlapped;
    moved(7, 100, &overlapped, 3);
    BOOST_TEST(owned->error == 7u);
    BOOST_TEST(owned->bytes == 100u);
    BOOST_TEST(owned->flags == 3u);
    BOOST_TEST(owned->overlapped == &overlapped);
  }
  BOOST_TEST(owned.use_count() == 1);
  BOOST_TEST(allocations == before);
}

BOOST_AUTO_TEST_CASE(a_routine_larger_than_the_inline_room_lives_on_the_heap) {
  auto owned = std::make_shared<Call>();
  std::array<std::uint64_t, 8> bulk{};  // 64 bytes: more than inline_size
  bulk[7] = 42;
  const std::size_t before = allocations;
  {
    CompletionRoutine routine = [owned, bulk](std::uint32_t error, std::uint32_t, Overlapped*,
                                              std::uint32_t) {
      owned->error = error + static_cast<std::uint32_t>(bulk[7]);
    };
    BOOST_TEST(allocations == before + 1);
    CompletionRoutine moved;
    moved = std::move(routine);  // the pointer moves; nothing is copied or allocated
    BOOST_TEST(allocations == before + 1);
    BOOST_TEST(!routine);
    moved(1, 0, nullptr, 0);
    BOOST_TEST(owned->error == 43u);
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
