#include "rsvp/policy_data.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace qosbed::rsvp {

PolicyRef PolicyTable::intern(PolicyElements elements) {
  std::sort(elements.begin(), elements.end());
  elements.erase(std::unique(elements.begin(), elements.end()), elements.end());
  if (elements.empty()) return no_policy;
  if (const auto found = refs_.find(elements); found != refs_.end()) return found->second;
  const auto ref = static_cast<PolicyRef>(sets_.size() + 1);
  sets_.push_back(elements);
  refs_.emplace(std::move(elements), ref);
  return ref;
}

const PolicyElements& PolicyTable::elements(PolicyRef ref) const {
  static const PolicyElements none;
  if (ref == no_policy) return none;
  if (ref > sets_.size()) throw std::out_of_range("unknown PolicyRef");
  return sets_[ref - 1];
}

PolicyRef PolicyTable::merged(PolicyRef a, PolicyRef b) {
  if (a == b || b == no_policy) return a;
  if (a == no_policy) return b;
  PolicyElements both = elements(a);
  const PolicyElements& more = elements(b);
  both.insert(both.end(), more.begin(), more.end());
  return intern(std::move(both));
}

bool names_a_user(const PolicyElements& elements, const std::vector<std::string>& users) {
  return std::any_of(elements.begin(), elements.end(), [&users](const PolicyElement& element) {
    return std::find(users.begin(), users.end(), element.user) != users.end();
  });
}

}  // namespace qosbed::rsvp
