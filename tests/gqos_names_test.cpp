#define BOOST_TEST_MODULE gqos_names
#include <boost/test/unit_test.hpp>

#include "gqos/constants.hpp"
#include "gqos/names.hpp"

using namespace qosbed::gqos;

BOOST_AUTO_TEST_CASE(service_types_read_by_full_short_and_numeric_names) {
  BOOST_TEST(*value_of(NameGroup::service_type, "SERVICETYPE_GUARANTEED") == 3u);
  BOOST_TEST(*value_of(NameGroup::service_type, "guaranteed") == 3u);
  BOOST_TEST(*value_of(NameGroup::service_type, "controlled_load") == 2u);
  BOOST_TEST(*value_of(NameGroup::service_type, "best_effort") == 1u);
  BOOST_TEST(*value_of(NameGroup::service_type, "NOCHANGE") == 6u);
  BOOST_TEST(*value_of(NameGroup::service_type, "0xD") == 13u);
  BOOST_TEST(*value_of(NameGroup::service_type, "10") == 10u);
  BOOST_TEST(!value_of(NameGroup::service_type, "guaranted").has_value());
  BOOST_TEST(!value_of(NameGroup::service_type, "").has_value());
  BOOST_TEST(!value_of(NameGroup::service_type, "4294967296").has_value());
}

BOOST_AUTO_TEST_CASE(statuses_errors_and_waits_have_their_sdk_values) {
  BOOST_TEST(*value_of(NameGroup::status, "WSA_QOS_SENDERS") == 11006u);
  BOOST_TEST(*value_of(NameGroup::status, "senders") == 11006u);
  BOOST_TEST(*value_of(NameGroup::status, "WSA_QOS_EUNKOWNPSOBJ") == 11024u);
  BOOST_TEST(*value_of(NameGroup::status, "WSA_QOS_EUNKNOWNPSOBJ") == 11024u);
  BOOST_TEST(*value_of(NameGroup::error, "WSAENOBUFS") == 10055u);
  BOOST_TEST(*value_of(NameGroup::error, "enobufs") == 10055u);
  BOOST_TEST(*value_of(NameGroup::error, "WSA_IO_PENDING") == 997u);
  BOOST_TEST(*value_of(NameGroup::error, "0") == 0u);
  BOOST_TEST(*value_of(NameGroup::wait_result, "WSA_WAIT_IO_COMPLETION") == 0xC0u);
  BOOST_TEST(*value_of(NameGroup::wait_result, "timeout") == 0x102u);
  BOOST_TEST(*value_of(NameGroup::extended_status, "GQOS_NET_ADMISSION") == 56100u);
  BOOST_TEST(*value_of(NameGroup::extended_status, "GQOS_BANDWIDTH") == 56103u);
  BOOST_TEST(*value_of(NameGroup::ioctl, "SIO_GET_QOS") == 0xC8000007u);
  BOOST_TEST(*value_of(NameGroup::object_type, "END_OF_LIST") == 2001u);
  BOOST_TEST(*value_of(NameGroup::rsvp_style, "fixed_filter_style") == 2u);
}

BOOST_AUTO_TEST_CASE(values_print_under_their_first_sdk_name) {
  BOOST_TEST(name_or_number(NameGroup::status, status::eunknownpsobj) == "WSA_QOS_EUNKOWNPSOBJ");
  BOOST_TEST(name_or_number(NameGroup::error, wsa::enobufs) == "WSAENOBUFS");
  BOOST_TEST(name_or_number(NameGroup::service_type, service_type::no_change) ==
             "SERVICETYPE_NOCHANGE");
  BOOST_TEST(name_or_number(NameGroup::status, 12345) == "12345");
  BOOST_TEST(!name_of(NameGroup::wait_result, 7).has_value());
}

// qossp.h numbers GQOS_NET_POLICY (ExtendedStatus1) and GQOS_POLICY_ERROR_UNKNOWN
// (ExtendedStatus2) both 56200: the position chooses the name.
BOOST_AUTO_TEST_CASE(an_extended_status_is_named_by_its_position) {
  BOOST_TEST(name_or_number(NameGroup::extended_status, 56200) == "GQOS_NET_POLICY");
  BOOST_TEST(name_or_number(NameGroup::extended_status_value, 56200) ==
             "GQOS_POLICY_ERROR_UNKNOWN");
  BOOST_TEST(name_or_number(NameGroup::extended_status_value, 56103) == "GQOS_BANDWIDTH");
  BOOST_TEST(*value_of(NameGroup::extended_status_value, "GQOS_POLICY_ERROR_UNKNOWN") == 56200u);
}

BOOST_AUTO_TEST_CASE(every_table_entry_reads_back_to_its_value) {
  for (NameGroup group :
       {NameGroup::service_type, NameGroup::object_type, NameGroup::status, NameGroup::error,
        NameGroup::wait_result, NameGroup::rsvp_style, NameGroup::extended_status,
        NameGroup::extended_status_value, NameGroup::sd_mode, NameGroup::ioctl}) {
    for (const NamedValue& entry : names_of(group)) {
      BOOST_TEST_CONTEXT(entry.name) {
        BOOST_TEST(*value_of(group, entry.name) == entry.value);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(service_types_print_with_their_flags) {
  BOOST_TEST(service_type_text(3) == "SERVICETYPE_GUARANTEED");
  BOOST_TEST(service_type_text(0x40000003) == "SERVICETYPE_GUARANTEED|SERVICE_NO_QOS_SIGNALING");
  BOOST_TEST(service_type_text(0x81000002) ==
             "SERVICETYPE_CONTROLLEDLOAD|SERVICE_NO_TRAFFIC_CONTROL");
  BOOST_TEST(service_type_text(0x01000002) == "16777218");
  BOOST_TEST(service_type_text(0xFFFFFFFF) == "4294967295");
}

BOOST_AUTO_TEST_CASE(qos_status_codes_are_error_names_too) {
  BOOST_TEST(*value_of(NameGroup::error, "WSA_QOS_EPROVSPECBUF") == 11018u);
  BOOST_TEST(name_or_number(NameGroup::error, 11018) == "WSA_QOS_EPROVSPECBUF");
  BOOST_TEST(!value_of(NameGroup::status, "WSAENOBUFS").has_value());
}
