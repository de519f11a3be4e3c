#include "rsvp/traffic_control.hpp"

#include <algorithm>

namespace qosbed::rsvp {

namespace {

std::uint64_t total_rate(const std::vector<Reservation>& reservations) {
  std::uint64_t sum = 0;
  for (const auto& r : reservations) sum += r.flowspec.token_rate;
  return sum;
}

// `list` as interned: its reservations without their session.
std::vector<Reservation> without_session(std::vector<Reservation> list) {
  for (Reservation& reservation : list) reservation.session = Session{};
  return list;
}

// Appends an interned list's reservations to `out` with their session.
void append_with_session(const std::vector<Reservation>& list, const Session& session,
                         std::vector<Reservation>& out) {
  for (const Reservation& reservation : list) {
    out.push_back(reservation);
    out.back().session = session;
  }
}

// A node has few interfaces: a vector searched by interface beats a map.
auto wanted_on(TrafficControl::Wanted& wanted, const Interface& itf) {
  return std::find_if(wanted.begin(), wanted.end(),
                      [&itf](const auto& entry) { return entry.first == itf; });
}

}  // namespace

TrafficControl::TrafficControl(const Topology& topology)
    : topology_(topology),
      installed_(2 * topology.links().size()),
      reserved_(2 * topology.links().size()) {}

std::optional<std::size_t> TrafficControl::index_of(Interface itf) const {
  if (itf.link >= topology_.links().size()) return std::nullopt;
  const Link& link = topology_.link(itf.link);
  if (itf.from != link.a && itf.from != link.b) return std::nullopt;
  return 2 * std::size_t{itf.link} + (itf.from == link.a ? 0 : 1);
}

std::size_t TrafficControl::ListHash::operator()(const std::vector<Reservation>& list) const {
  WordHash hash;
  for (const Reservation& reservation : list) {
    hash.add(static_cast<std::uint64_t>(reservation.style));
    add_to(hash, reservation.flowspec);
    add_to(hash, reservation.filters);
  }
  return hash.value();
}

const std::vector<Reservation>* TrafficControl::list_of(std::size_t index,
                                                        const Session& session) const {
  const Lists::Ref* list = installed_[index].find(session);
  return list ? &**list : nullptr;
}

std::vector<Reservation> TrafficControl::installed(Interface itf, const Session& session) const {
  const auto index = index_of(itf);
  std::vector<Reservation> with_session;
  if (const auto* list = index ? list_of(*index, session) : nullptr) {
    append_with_session(*list, session, with_session);
  }
  return with_session;
}

bool TrafficControl::admits(const Session& session, Interface itf,
                            const std::vector<Reservation>& list) const {
  const auto index = index_of(itf);
  const auto* old = index ? list_of(*index, session) : nullptr;
  const std::uint64_t before = old ? total_rate(*old) : 0;
  const std::uint64_t after = total_rate(list);
  return after <= before || reserved(itf) - before + after <= topology_.link(itf.link).reservable();
}

void TrafficControl::install(NodeId node, const Session& session, Wanted& wanted) {
  for (LinkId link : topology_.links_at(node)) {
    const Interface itf{link, node};
    const std::size_t index = *index_of(itf);
    const auto* old = list_of(index, session);
    auto list = wanted_on(wanted, itf);
    const std::uint64_t before = old ? total_rate(*old) : 0;
    const bool none = list == wanted.end() || list->second.empty();
    const std::uint64_t after = none ? 0 : total_rate(list->second);
    if (!old && none) continue;
    reserved_[index] = reserved_[index] - before + after;
    if (none) {
      installed_[index].erase(session);
    } else {
      installed_[index][session] = lists_.intern(without_session(std::move(list->second)));
    }
  }
}

std::vector<Reservation> TrafficControl::reservations(Interface itf) const {
  const auto index = index_of(itf);
  if (!index) return {};
  std::vector<std::pair<Session, const std::vector<Reservation>*>> by_session;
  installed_[*index].for_each([&by_session](const Session& session, const Lists::Ref& list) {
    by_session.emplace_back(session, &*list);
  });
  std::sort(by_session.begin(), by_session.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Reservation> all;
  for (const auto& [session, list] : by_session) append_with_session(*list, session, all);
  return all;
}

std::uint64_t TrafficControl::reserved(Interface itf) const {
  const auto index = index_of(itf);
  return index ? reserved_[*index] : 0;
}

}  // namespace qosbed::rsvp
