#define BOOST_TEST_MODULE gqos_codec
#include <boost/test/unit_test.hpp>
#include <cstring>
#include <vector>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "gqos/format.hpp"

using namespace qosbed::gqos;

namespace {

FlowSpec controlled_load_8000() {
  return FlowSpec{
      8000, 2048, 16000, qos_not_specified, qos_not_specified, service_type::controlled_load,
      1500, 64};
}

QosContent senders_indication() {
  QosContent content;
  content.sending = unspecified_flowspec(service_type::no_change);
  content.receiving = controlled_load_8000();
  content.objects.push_back(make_status_info(status::senders, 0, 0));
  return content;
}

void put_u64(std::vector<std::byte>& buffer, std::size_t offset, std::uint64_t value) {
  std::memcpy(buffer.data() + offset, &value, sizeof value);
}

// An encoded indication whose ProviderSpecific list the test then edits by hand.
std::vector<std::byte> encoded(const QosContent& content, std::size_t size = 0) {
  std::vector<std::byte> buffer(size ? size : required_size(content));
  BOOST_REQUIRE(encode(content, buffer).has_value());
  return buffer;
}

}  // namespace

BOOST_AUTO_TEST_CASE(status_info_indication_needs_100_bytes) {
  BOOST_TEST(required_size(senders_indication()) == 100u);
}

BOOST_AUTO_TEST_CASE(encode_writes_the_win64_layout) {
  auto buffer = encoded(senders_indication());
  BOOST_TEST(load_u32(buffer, 0 + 20) == service_type::no_change);         // sending ServiceType
  BOOST_TEST(load_u32(buffer, 0) == qos_not_specified);                    // sending TokenRate
  BOOST_TEST(load_u32(buffer, 32) == 8000u);                               // receiving TokenRate
  BOOST_TEST(load_u32(buffer, 32 + 20) == service_type::controlled_load);  // receiving ServiceType
  BOOST_TEST(load_u32(buffer, 64) == 20u);                                 // ProviderSpecific.len
  BOOST_TEST(load_u32(buffer, 68) == 0u);                                  // padding before buf
  std::uint64_t buf = 0;
  std::memcpy(&buf, buffer.data() + 72, 8);
  BOOST_TEST(buf == reinterpret_cast<std::uintptr_t>(buffer.data() + 80));
  BOOST_TEST(load_u32(buffer, 80) == object_type::status_info);
  BOOST_TEST(load_u32(buffer, 84) == 20u);
  BOOST_TEST(load_u32(buffer, 88) == status::senders);
}

BOOST_AUTO_TEST_CASE(encode_refuses_a_short_buffer_and_writes_nothing) {
  std::vector<std::byte> buffer(99, std::byte{0xAA});
  BOOST_TEST(!encode(senders_indication(), buffer).has_value());
  for (std::byte b : buffer) BOOST_TEST(static_cast<int>(b) == 0xAA);
}

BOOST_AUTO_TEST_CASE(round_trip_with_adspec_and_end_of_list) {
  QosContent content = senders_indication();
  content.objects[0] =
      make_status_info(status::admission_failure, extended_status::net_admission, 56103);
  Adspec adspec;
  adspec.general_params = {3, 125000, 100, 1500, 0};
  ControlService guaranteed{};
  guaranteed.service = service_type::guaranteed;
  guaranteed.guaranteed = {10, 20, 30, 40};
  adspec.services.push_back(guaranteed);
  content.objects.push_back(make_adspec(adspec));
  content.objects.push_back(make_shaping_rate(64000));
  content.objects.push_back(make_end_of_list());
  BOOST_TEST(required_size(content) == 80u + 20u + 76u + 12u + 8u);

  auto buffer = encoded(content, 400);
  auto result = decode(std::span<const std::byte>(buffer).first(required_size(content)));
  BOOST_REQUIRE(result.ok());
  const DecodedQos& qos = result.qos;
  BOOST_TEST(qos.receiving == controlled_load_8000());
  BOOST_TEST(qos.sending.service_type == service_type::no_change);
  BOOST_TEST(qos.provider_specific_offset == 80u);
  BOOST_TEST(qos.provider_specific_len == 116u);
  BOOST_REQUIRE(qos.status_info.has_value());
  BOOST_TEST(qos.status_info->status_code == status::admission_failure);
  BOOST_TEST(qos.status_info->extended_status1 == extended_status::net_admission);
  BOOST_TEST(qos.status_info->extended_status2 == 56103u);
  BOOST_REQUIRE(qos.objects.size() == 4u);
  BOOST_TEST(qos.objects[1].offset == 100u);
  BOOST_TEST(qos.objects[1].length == 76u);
  auto read_back = read_adspec(qos.objects[1]);
  BOOST_REQUIRE(read_back.has_value());
  BOOST_TEST(read_back->general_params.path_bandwidth_estimate == 125000u);
  BOOST_REQUIRE(read_back->services.size() == 1u);
  BOOST_TEST(read_back->services[0].guaranteed.d_sum == 40u);
  BOOST_TEST(qos.objects[2].type == object_type::shaping_rate);
  BOOST_TEST(load_u32(qos.objects[2].body, 0) == 64000u);
  BOOST_TEST(qos.objects[3].type == object_type::end_of_list);
}

BOOST_AUTO_TEST_CASE(reserve_info_round_trips) {
  QosContent content;
  content.sending = unspecified_flowspec(service_type::no_change);
  content.receiving = controlled_load_8000();
  content.objects.push_back(make_reserve_info(rsvp_style::fixed_filter, true));
  auto buffer = encoded(content);
  auto result = decode(buffer);
  BOOST_REQUIRE(result.ok());
  BOOST_REQUIRE(result.qos.objects.size() == 1u);
  BOOST_TEST(result.qos.objects[0].length == 40u);
  BOOST_TEST(load_u32(result.qos.objects[0].body, 0) == rsvp_style::fixed_filter);
  BOOST_TEST(load_u32(result.qos.objects[0].body, 4) == 1u);
}

BOOST_AUTO_TEST_CASE(the_required_size_follows_wsaenobufs_in_the_first_4_bytes) {
  std::vector<std::byte> buffer(16);
  store_u32(buffer, 0, 100);
  BOOST_TEST(required_size_in(wsa::enobufs, buffer).value_or(0) == 100u);
  BOOST_TEST(!required_size_in(wsa::efault, buffer).has_value());
  BOOST_TEST(!required_size_in(wsa::no_error, buffer).has_value());
  BOOST_TEST(!required_size_in(wsa::enobufs, std::span(buffer).first(3)).has_value());
  BOOST_TEST(required_size_in(wsa::enobufs, std::span(buffer).first(4)).value_or(0) == 100u);
}

BOOST_AUTO_TEST_CASE(service_type_flags_are_set_aside) {
  BOOST_TEST(
      service_type::without_flags(service_type::guaranteed | service_type::no_qos_signaling_flag) ==
      service_type::guaranteed);
  BOOST_TEST(service_type::without_flags(service_type::controlled_load |
                                         service_type::no_traffic_control_flag) ==
             service_type::controlled_load);
  BOOST_TEST(service_type::without_flags(service_type::no_change) == service_type::no_change);
}

BOOST_AUTO_TEST_CASE(a_qos_without_objects_has_null_buf) {
  QosContent content;
  content.sending = controlled_load_8000();
  content.receiving = unspecified_flowspec(service_type::no_change);
  auto buffer = encoded(content);
  BOOST_TEST(buffer.size() == 80u);
  auto result = decode(buffer);
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.qos.objects.empty());
  BOOST_TEST(!result.qos.status_info.has_value());
}

BOOST_AUTO_TEST_CASE(decoding_a_copy_uses_the_writers_base_address) {
  auto original = encoded(senders_indication());
  std::vector<std::byte> copy = original;
  BOOST_TEST(!decode(copy).ok());
  auto result = decode(copy, reinterpret_cast<std::uintptr_t>(original.data()));
  BOOST_TEST(result.ok());
  BOOST_TEST(result.qos.status_info->status_code == status::senders);
}

BOOST_AUTO_TEST_CASE(short_buffer_is_qos_truncated) {
  auto buffer = encoded(senders_indication());
  auto result = decode(std::span<const std::byte>(buffer).first(79));
  BOOST_TEST((result.error == DecodeError::qos_truncated));
  BOOST_TEST(result.error_offset == 79u);
}

BOOST_AUTO_TEST_CASE(len_past_the_buffer) {
  auto buffer = encoded(senders_indication());
  store_u32(buffer, 64, 21);
  auto result = decode(buffer);
  BOOST_TEST((result.error == DecodeError::len_past_buffer));
  BOOST_TEST(result.error_offset == 64u);
}

BOOST_AUTO_TEST_CASE(len_near_uint32_max_does_not_wrap) {
  auto buffer = encoded(senders_indication());
  store_u32(buffer, 64, 0xFFFFFFFF);
  BOOST_TEST((decode(buffer).error == DecodeError::len_past_buffer));
}

BOOST_AUTO_TEST_CASE(buf_outside_the_buffer) {
  auto buffer = encoded(senders_indication());
  const auto base = reinterpret_cast<std::uintptr_t>(buffer.data());
  for (std::uint64_t buf : {std::uint64_t{0}, std::uint64_t{base + 79}, std::uint64_t{base + 101},
                            std::uint64_t{base - 8}, ~std::uint64_t{0}}) {
    put_u64(buffer, 72, buf);
    auto result = decode(buffer);
    BOOST_TEST((result.error == DecodeError::buf_outside_buffer));
    BOOST_TEST(result.error_offset == 72u);
  }
}

BOOST_AUTO_TEST_CASE(object_length_zero) {
  auto buffer = encoded(senders_indication());
  store_u32(buffer, 84, 0);
  auto result = decode(buffer);
  BOOST_TEST((result.error == DecodeError::object_length_zero));
  BOOST_TEST(result.error_offset == 80u);
}

BOOST_AUTO_TEST_CASE(object_length_under_the_header) {
  auto buffer = encoded(senders_indication());
  store_u32(buffer, 84, 7);
  BOOST_TEST((decode(buffer).error == DecodeError::object_length_under_header));
}

BOOST_AUTO_TEST_CASE(object_past_len) {
  QosContent content = senders_indication();
  content.objects.push_back(make_shaping_rate(1000));
  auto buffer = encoded(content);
  store_u32(buffer, 100 + 4, 13);  // the shaping rate claims one byte more than len holds
  auto result = decode(buffer);
  BOOST_TEST((result.error == DecodeError::object_past_len));
  BOOST_TEST(result.error_offset == 100u);
}

BOOST_AUTO_TEST_CASE(trailing_bytes_shorter_than_a_header) {
  auto buffer = encoded(senders_indication(), 104);
  store_u32(buffer, 64, 24);  // four bytes after the status info: no room for a header
  auto result = decode(buffer);
  BOOST_TEST((result.error == DecodeError::object_header_truncated));
  BOOST_TEST(result.error_offset == 100u);
}

BOOST_AUTO_TEST_CASE(truncated_status_info) {
  QosContent content;
  content.sending = unspecified_flowspec(service_type::no_change);
  content.receiving = controlled_load_8000();
  ProviderObject short_status{object_type::status_info, std::vector<std::byte>(8), std::nullopt};
  content.objects.push_back(short_status);
  auto buffer = encoded(content);
  auto result = decode(buffer);
  BOOST_TEST((result.error == DecodeError::status_info_truncated));
  BOOST_TEST(result.error_offset == 80u);
}

BOOST_AUTO_TEST_CASE(declared_length_is_written_as_scripted) {
  QosContent content = senders_indication();
  content.objects[0].declared_length = 0;
  auto buffer = encoded(content);
  BOOST_TEST(buffer.size() == 100u);
  BOOST_TEST(load_u32(buffer, 84) == 0u);
  BOOST_TEST((decode(buffer).error == DecodeError::object_length_zero));
}

BOOST_AUTO_TEST_CASE(end_of_list_stops_the_walk) {
  QosContent content = senders_indication();
  content.objects.push_back(make_end_of_list());
  auto buffer = encoded(content, 120);
  store_u32(buffer, 64, 40);  // twelve bytes of garbage after END_OF_LIST
  store_u32(buffer, 108, 0);
  auto result = decode(buffer);
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.qos.objects.size() == 2u);
}

BOOST_AUTO_TEST_CASE(inconsistent_adspec_is_rejected_by_its_reader) {
  Adspec adspec;
  adspec.services.resize(1);
  ProviderObject object = make_adspec(adspec);
  object.body[20] = std::byte{2};  // claims two services, holds one
  QosContent content = senders_indication();
  content.objects.push_back(object);
  auto buffer = encoded(content);
  auto result = decode(buffer);
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(!read_adspec(result.qos.objects[1]).has_value());
}
