// Interned values: equal values are held once, for as long as anyone holds them.
#define BOOST_TEST_MODULE rsvp_interned
#include <boost/test/unit_test.hpp>
#include <string>
#include <utility>

#include "rsvp/interned.hpp"

using namespace qosbed::rsvp;

namespace {

struct StringHash {
  std::size_t operator()(const std::string& text) const {
    WordHash hash;
    for (char c : text) hash.add(static_cast<unsigned char>(c));
    return hash.value();
  }
};
using Strings = InternTable<std::string, StringHash>;

}  // namespace

BOOST_AUTO_TEST_CASE(equal_values_share_one_entry) {
  Strings table;
  const Strings::Ref a = table.intern("tspec");
  const Strings::Ref b = table.intern(std::string("tspec"));
  const Strings::Ref c = table.intern("adspec");
  BOOST_TEST(table.size() == 2u);
  BOOST_TEST((a == b));
  BOOST_TEST(!(a == c));
  BOOST_TEST(&*a == &*b);
  BOOST_TEST(*c == "adspec");
  BOOST_TEST(a->size() == 5u);
}

BOOST_AUTO_TEST_CASE(a_value_is_freed_with_its_last_holder) {
  Strings table;
  {
    Strings::Ref first = table.intern("shared");
    {
      const Strings::Ref copy = first;
      BOOST_TEST(table.size() == 1u);
    }
    BOOST_TEST(table.size() == 1u);  // `first` still holds it
    Strings::Ref moved = std::move(first);
    BOOST_TEST(!first);  // a ref moved from is empty
    BOOST_TEST(*moved == "shared");
    BOOST_TEST(table.size() == 1u);
  }
  BOOST_TEST(table.size() == 0u);
}

BOOST_AUTO_TEST_CASE(assigning_a_ref_releases_what_it_held) {
  Strings table;
  Strings::Ref ref = table.intern("old");
  ref = table.intern("new");
  BOOST_TEST(table.size() == 1u);
  BOOST_TEST(*ref == "new");

  Strings::Ref other = table.intern("other");
  ref = other;  // copy: both hold "other", "new" has no holder left
  BOOST_TEST(table.size() == 1u);
  const Strings::Ref& same = ref;
  ref = same;  // assigning a ref to itself keeps what it holds
  BOOST_TEST(*ref == "other");
  ref = Strings::Ref();
  other = Strings::Ref();
  BOOST_TEST(table.size() == 0u);
}
