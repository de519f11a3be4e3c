// FifoQueue and SmallFifoQueue: first in, first out across the compactions that give back taken
// space, and across the front item moving in and out of SmallFifoQueue's own storage.
#define BOOST_TEST_MODULE fifo_queue
#include "provider_stub/fifo_queue.hpp"

#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>
#include <iterator>
#include <memory>
#include <vector>

#include "provider_stub/small_fifo_queue.hpp"

using qosbed::provider_stub::FifoQueue;
using qosbed::provider_stub::SmallFifoQueue;

namespace {

using IntQueues = boost::mpl::list<FifoQueue<int>, SmallFifoQueue<int>>;
using SharedQueues =
    boost::mpl::list<FifoQueue<std::shared_ptr<int>>, SmallFifoQueue<std::shared_ptr<int>>>;

template <typename Queue>
std::vector<int> contents(const Queue& queue) {
  return {queue.begin(), queue.end()};
}

}  // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(items_leave_in_the_order_they_came_while_others_arrive, Queue,
                              IntQueues) {
  Queue queue;
  BOOST_TEST(queue.empty());
  int next_in = 0;
  int next_out = 0;
  // Three in, two out, many times over: the taken front is compacted away again and again.
  for (int round = 0; round < 1000; ++round) {
    for (int i = 0; i < 3; ++i) queue.push_back(next_in++);
    for (int i = 0; i < 2; ++i) {
      BOOST_REQUIRE(queue.front() == next_out);
      queue.pop_front();
      ++next_out;
    }
    BOOST_REQUIRE(queue.size() == static_cast<std::size_t>(next_in - next_out));
  }
  std::vector<int> rest;
  for (int i = next_out; i < next_in; ++i) rest.push_back(i);
  BOOST_TEST(contents(queue) == rest, boost::test_tools::per_element());
  while (!queue.empty()) {
    BOOST_REQUIRE(queue.front() == next_out++);
    queue.pop_front();
  }
  BOOST_TEST(next_out == next_in);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(erase_takes_an_item_out_of_the_middle, Queue, IntQueues) {
  Queue queue;
  for (int i = 0; i < 6; ++i) queue.push_back(i);
  queue.pop_front();
  queue.erase(std::next(queue.begin(), 2));  // the item 3
  BOOST_TEST(contents(queue) == (std::vector<int>{1, 2, 4, 5}), boost::test_tools::per_element());
  queue.clear();
  BOOST_TEST(queue.empty());
  BOOST_TEST(queue.size() == 0u);
  queue.push_back(7);
  BOOST_TEST(queue.front() == 7);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(erase_at_the_front_brings_the_next_item_forward, Queue, IntQueues) {
  Queue queue;
  for (int i = 0; i < 3; ++i) queue.push_back(i);
  queue.erase(queue.begin());
  BOOST_TEST(contents(queue) == (std::vector<int>{1, 2}), boost::test_tools::per_element());
  queue.erase(queue.begin());
  queue.erase(queue.begin());
  BOOST_TEST(queue.empty());
  BOOST_TEST((queue.begin() == queue.end()));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(pop_front_releases_what_the_item_held, Queue, SharedQueues) {
  Queue queue;
  auto first = std::make_shared<int>(1);
  auto second = std::make_shared<int>(2);
  queue.push_back(first);
  queue.push_back(second);
  queue.push_back(std::make_shared<int>(3));
  BOOST_TEST(first.use_count() == 2);
  queue.pop_front();
  BOOST_TEST(first.use_count() == 1);
  BOOST_TEST(second.use_count() == 2);  // moved forward, not copied
  BOOST_TEST(*queue.front() == 2);
  queue.clear();
  BOOST_TEST(second.use_count() == 1);
}

BOOST_AUTO_TEST_CASE(small_fifo_queue_keeps_its_front_inside_itself) {
  SmallFifoQueue<int> queue;
  const auto* begin = reinterpret_cast<const std::byte*>(&queue);
  auto inside = [&](const int& item) {
    const auto* at = reinterpret_cast<const std::byte*>(&item);
    return at >= begin && at < begin + sizeof queue;
  };
  queue.push_back(1);
  queue.push_back(2);
  BOOST_TEST(inside(queue.front()));
  BOOST_TEST(!inside(*std::next(queue.begin())));
  queue.pop_front();
  BOOST_TEST(queue.front() == 2);
  BOOST_TEST(inside(queue.front()));
}

BOOST_AUTO_TEST_CASE(small_fifo_queue_holds_move_only_items) {
  SmallFifoQueue<std::unique_ptr<int>> queue;
  for (int i = 0; i < 4; ++i) queue.push_back(std::make_unique<int>(i));
  int sum = 0;
  for (const auto& item : queue) sum += *item;
  BOOST_TEST(sum == 6);
  queue.erase(std::next(queue.begin()));
  std::unique_ptr<int> taken = std::move(queue.front());
  queue.pop_front();
  BOOST_TEST(*taken == 0);
  BOOST_TEST(*queue.front() == 2);
  BOOST_TEST(queue.size() == 2u);
}
