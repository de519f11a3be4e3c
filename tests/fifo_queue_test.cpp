// FifoQueue: first in, first out across the compactions that give back taken space.
#define BOOST_TEST_MODULE fifo_queue
#include "provider_stub/fifo_queue.hpp"

#include <boost/test/unit_test.hpp>
#include <memory>
#include <vector>

using qosbed::provider_stub::FifoQueue;

namespace {

std::vector<int> contents(const FifoQueue<int>& queue) {
  return {queue.begin(), queue.end()};
}

}  // namespace

BOOST_AUTO_TEST_CASE(items_leave_in_the_order_they_came_while_others_arrive) {
  FifoQueue<int> queue;
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

BOOST_AUTO_TEST_CASE(erase_takes_an_item_out_of_the_middle) {
  FifoQueue<int> queue;
  for (int i = 0; i < 6; ++i) queue.push_back(i);
  queue.pop_front();
  queue.erase(queue.begin() + 2);  // the item 3
  BOOST_TEST(contents(queue) == (std::vector<int>{1, 2, 4, 5}), boost::test_tools::per_element());
  queue.clear();
  BOOST_TEST(queue.empty());
  BOOST_TEST(queue.size() == 0u);
  queue.push_back(7);
  BOOST_TEST(queue.front() == 7);
}

BOOST_AUTO_TEST_CASE(pop_front_releases_what_the_item_held) {
  FifoQueue<std::shared_ptr<int>> queue;
  auto first = std::make_shared<int>(1);
  queue.push_back(first);
  queue.push_back(std::make_shared<int>(2));
  queue.push_back(std::make_shared<int>(3));
  BOOST_TEST(first.use_count() == 2);
  queue.pop_front();
  BOOST_TEST(first.use_count() == 1);
  BOOST_TEST(*queue.front() == 2);
}
