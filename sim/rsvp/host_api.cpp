#include "rsvp/host_api.hpp"

#include "rsvp/adspec.hpp"
#include "rsvp/session_map.hpp"

namespace qosbed::rsvp {

std::size_t HostApi::SenderKeyHash::operator()(const SenderKey& key) const {
  const std::uint64_t sender = (std::uint64_t{key.second.address} << 16) | key.second.port;
  return SessionHash{}(key.first) ^ static_cast<std::size_t>(sender * 0x9e3779b97f4a7c15ULL);
}

std::size_t HostApi::ReceiverKeyHash::operator()(const ReceiverKey& key) const {
  return SessionHash{}(key.second) ^ static_cast<std::size_t>(key.first * 0x9e3779b97f4a7c15ULL);
}

HostApi::HostApi(engine::Scheduler& queue, const Topology& topology, NodeProtocol& protocol,
                 Random& random, engine::TimeUs refresh_us)
    : queue_(queue),
      topology_(topology),
      protocol_(protocol),
      random_(random),
      refresh_us_(refresh_us),
      path_refreshes_(queue, [this](SenderApps::value_type& app) { refresh_path(app); }),
      resv_refreshes_(queue, [this](ReceiverApps::value_type& app) { refresh_resv(app); }),
      host_policies_(topology.nodes().size(), no_policy) {}

HostApi::~HostApi() {
  halt();
}

void HostApi::halt() {
  for (auto& [key, app] : senders_) app.timer = 0;
  for (auto& [key, app] : receivers_) app.timer = 0;
  path_refreshes_.cancel_all();
  resv_refreshes_.cancel_all();
}

engine::TimeUs HostApi::next_refresh_us() {
  return queue_.now_us() + random_.refresh_interval(refresh_us_);
}

HostApi::SenderKey HostApi::sender_key(NodeId host, const Session& session,
                                       std::uint16_t port) const {
  return SenderKey{session, SenderId{topology_.node(host).address, port}};
}

void HostApi::start_sender(NodeId host, const Session& session, std::uint16_t port,
                           const gqos::FlowSpec& tspec) {
  auto& entry = *senders_.try_emplace(sender_key(host, session, port)).first;
  path_refreshes_.cancel(entry.second.timer);
  entry.second.host = host;
  entry.second.tspec = tspec;
  refresh_path(entry);
}

void HostApi::refresh_path(SenderApps::value_type& entry) {
  const auto& [session, sender] = entry.first;
  SenderApp& app = entry.second;
  protocol_.originate_path(
      app.host, Path{session, sender, app.tspec, PathAdspec{}, host_policies_[app.host]});
  app.timer = path_refreshes_.start(next_refresh_us(), entry);
}

void HostApi::silence_sender(NodeId host, const Session& session, std::uint16_t port) {
  const SenderKey key = sender_key(host, session, port);
  if (auto it = senders_.find(key); it != senders_.end()) {
    path_refreshes_.cancel(it->second.timer);
    senders_.erase(it);
  }
  protocol_.forget_local_sender(host, key);
}

void HostApi::stop_sender(NodeId host, const Session& session, std::uint16_t port) {
  const SenderKey key = sender_key(host, session, port);
  if (auto it = senders_.find(key); it != senders_.end()) {
    path_refreshes_.cancel(it->second.timer);
    senders_.erase(it);
  }
  protocol_.tear_local_sender(host, PathTear{session, key.second});
}

void HostApi::reserve(NodeId host, const Session& session, ReservationRequest request) {
  protocol_.set_local_request(host, session, request.style, std::move(request.descriptors),
                              host_policies_[host]);
  auto& entry = *receivers_.try_emplace(ReceiverKey{host, session}).first;
  resv_refreshes_.cancel(entry.second.timer);
  entry.second.receiver.confirm_pending = request.confirm;
  refresh_resv(entry);
}

void HostApi::change_request(NodeId host, const Session& session, ReservationRequest request) {
  protocol_.set_local_request(host, session, request.style, std::move(request.descriptors),
                              host_policies_[host]);
  auto& entry = *receivers_.try_emplace(ReceiverKey{host, session}).first;
  entry.second.receiver.confirm_pending = request.confirm;
  if (entry.second.timer == 0) schedule_resv_refresh(entry);
}

void HostApi::refresh_resv(ReceiverApps::value_type& entry) {
  const auto& [host, session] = entry.first;
  protocol_.forward_resv(host, session,
                         entry.second.receiver.confirm_pending ? std::optional{host} : std::nullopt,
                         Cause::teardown);
  schedule_resv_refresh(entry);
}

void HostApi::schedule_resv_refresh(ReceiverApps::value_type& entry) {
  entry.second.timer = resv_refreshes_.start(next_refresh_us(), entry);
}

void HostApi::silence_receiver(NodeId host, const Session& session) {
  if (auto it = receivers_.find(ReceiverKey{host, session}); it != receivers_.end()) {
    resv_refreshes_.cancel(it->second.timer);
    receivers_.erase(it);
  }
  protocol_.forget_local_request(host, session);
}

void HostApi::release(NodeId host, const Session& session) {
  silence_receiver(host, session);
  protocol_.forward_resv(host, session, std::nullopt, Cause::teardown);
}

const LocalReceiver* HostApi::local_receiver(NodeId host, const Session& session) const {
  const auto app = receivers_.find(ReceiverKey{host, session});
  return app == receivers_.end() ? nullptr : &app->second.receiver;
}

void HostApi::on_resv_conf(NodeId host, const ResvConf& conf) {
  auto app = receivers_.find(ReceiverKey{host, conf.session});
  if (app == receivers_.end() || !app->second.receiver.confirm_pending) return;
  app->second.receiver.confirm_pending = false;
  if (HostObserver* observer = protocol_.host_observer(host)) {
    observer->on_confirmed(conf.session, conf);
  }
}

}  // namespace qosbed::rsvp
