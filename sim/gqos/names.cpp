#include "gqos/names.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iterator>

#include "gqos/constants.hpp"

namespace qosbed::gqos {
namespace {

constexpr NamedValue service_types[] = {
    {"SERVICETYPE_NOTRAFFIC", service_type::no_traffic},
    {"SERVICETYPE_BESTEFFORT", service_type::best_effort},
    {"SERVICETYPE_CONTROLLEDLOAD", service_type::controlled_load},
    {"SERVICETYPE_GUARANTEED", service_type::guaranteed},
    {"SERVICETYPE_NETWORK_UNAVAILABLE", service_type::network_unavailable},
    {"SERVICETYPE_GENERAL_INFORMATION", service_type::general_information},
    {"SERVICETYPE_NOCHANGE", service_type::no_change},
    {"SERVICETYPE_NONCONFORMING", service_type::nonconforming},
    {"SERVICETYPE_NETWORK_CONTROL", service_type::network_control},
    {"SERVICETYPE_QUALITATIVE", service_type::qualitative},
};

constexpr NamedValue object_types[] = {
    {"RSVP_OBJECT_STATUS_INFO", object_type::status_info},
    {"RSVP_OBJECT_RESERVE_INFO", object_type::reserve_info},
    {"RSVP_OBJECT_ADSPEC", object_type::adspec},
    {"RSVP_OBJECT_POLICY_INFO", object_type::policy_info},
    {"RSVP_OBJECT_FILTERSPEC_LIST", object_type::filterspec_list},
    {"QOS_OBJECT_END_OF_LIST", object_type::end_of_list},
    {"QOS_OBJECT_SD_MODE", object_type::sd_mode},
    {"QOS_OBJECT_SHAPING_RATE", object_type::shaping_rate},
    {"QOS_OBJECT_DESTADDR", object_type::dest_addr},
};

constexpr NamedValue statuses[] = {
    {"WSA_QOS_RECEIVERS", status::receivers},
    {"WSA_QOS_SENDERS", status::senders},
    {"WSA_QOS_NO_SENDERS", status::no_senders},
    {"WSA_QOS_NO_RECEIVERS", status::no_receivers},
    {"WSA_QOS_REQUEST_CONFIRMED", status::request_confirmed},
    {"WSA_QOS_ADMISSION_FAILURE", status::admission_failure},
    {"WSA_QOS_POLICY_FAILURE", status::policy_failure},
    {"WSA_QOS_BAD_STYLE", status::bad_style},
    {"WSA_QOS_BAD_OBJECT", status::bad_object},
    {"WSA_QOS_TRAFFIC_CTRL_ERROR", status::traffic_ctrl_error},
    {"WSA_QOS_GENERIC_ERROR", status::generic_error},
    {"WSA_QOS_ESERVICETYPE", status::eservicetype},
    {"WSA_QOS_EFLOWSPEC", status::eflowspec},
    {"WSA_QOS_EPROVSPECBUF", status::eprovspecbuf},
    {"WSA_QOS_EFILTERSTYLE", status::efilterstyle},
    {"WSA_QOS_EFILTERTYPE", status::efiltertype},
    {"WSA_QOS_EFILTERCOUNT", status::efiltercount},
    {"WSA_QOS_EOBJLENGTH", status::eobjlength},
    {"WSA_QOS_EFLOWCOUNT", status::eflowcount},
    {"WSA_QOS_EUNKOWNPSOBJ", status::eunknownpsobj},  // Microsoft's spelling first
    {"WSA_QOS_EUNKNOWNPSOBJ", status::eunknownpsobj},
    {"WSA_QOS_EPOLICYOBJ", status::epolicyobj},
    {"WSA_QOS_EFLOWDESC", status::eflowdesc},
    {"WSA_QOS_EPSFLOWSPEC", status::epsflowspec},
    {"WSA_QOS_EPSFILTERSPEC", status::epsfilterspec},
    {"WSA_QOS_ESDMODEOBJ", status::esdmodeobj},
    {"WSA_QOS_ESHAPERATEOBJ", status::eshaperateobj},
    {"WSA_QOS_RESERVED_PETYPE", status::reserved_petype},
};

constexpr NamedValue errors[] = {
    {"NO_ERROR", wsa::no_error},
    {"WSA_INVALID_HANDLE", wsa::invalid_handle},
    {"WSA_INVALID_PARAMETER", wsa::invalid_parameter},
    {"WSA_OPERATION_ABORTED", wsa::operation_aborted},
    {"WSA_IO_INCOMPLETE", wsa::io_incomplete},
    {"WSA_IO_PENDING", wsa::io_pending},
    {"WSAEFAULT", wsa::efault},
    {"WSAEINVAL", wsa::einval},
    {"WSAEWOULDBLOCK", wsa::ewouldblock},
    {"WSAENOTSOCK", wsa::enotsock},
    {"WSAENOPROTOOPT", wsa::enoprotoopt},
    {"WSAEOPNOTSUPP", wsa::eopnotsupp},
    {"WSAEADDRNOTAVAIL", wsa::eaddrnotavail},
    {"WSAENOBUFS", wsa::enobufs},
    {"WSAEISCONN", wsa::eisconn},
    {"WSAENOTCONN", wsa::enotconn},
};

constexpr NamedValue wait_results[] = {
    {"WSA_WAIT_EVENT_0", wsa::wait_event_0},
    {"WSA_WAIT_IO_COMPLETION", wsa::wait_io_completion},
    {"WSA_WAIT_TIMEOUT", wsa::wait_timeout},
    {"WSA_WAIT_FAILED", wsa::wait_failed},
};

constexpr NamedValue rsvp_styles[] = {
    {"RSVP_DEFAULT_STYLE", rsvp_style::default_style},
    {"RSVP_WILDCARD_STYLE", rsvp_style::wildcard},
    {"RSVP_FIXED_FILTER_STYLE", rsvp_style::fixed_filter},
    {"RSVP_SHARED_EXPLICIT_STYLE", rsvp_style::shared_explicit},
};

constexpr NamedValue extended_statuses[] = {
    {"GQOS_NO_ERRORCODE", extended_status::no_errorcode},
    {"GQOS_ERRORCODE_UNKNOWN", 0xFFFFFFFF},
    {"GQOS_NET_ADMISSION", 56100},
    {"GQOS_OTHER", 56101},
    {"GQOS_DELAYBND", 56102},
    {"GQOS_BANDWIDTH", 56103},
    {"GQOS_MTU", 56104},
    {"GQOS_FLOW_RATE", 56105},
    {"GQOS_PEAK_RATE", 56106},
    {"GQOS_AGG_PEAK_RATE", 56107},
    {"GQOS_NET_POLICY", 56200},
    {"GQOS_POLICY_ERROR_UNKNOWN", 56200},
    {"GQOS_POLICY_GLOBAL_DEF_FLOW_COUNT", 56201},
    {"GQOS_POLICY_GLOBAL_GRP_FLOW_COUNT", 56202},
    {"GQOS_POLICY_GLOBAL_USER_FLOW_COUNT", 56203},
    {"GQOS_POLICY_GLOBAL_UNK_USER_FLOW_COUNT", 56204},
    {"GQOS_POLICY_SUBNET_DEF_FLOW_COUNT", 56205},
    {"GQOS_POLICY_SUBNET_GRP_FLOW_COUNT", 56206},
    {"GQOS_POLICY_SUBNET_USER_FLOW_COUNT", 56207},
    {"GQOS_POLICY_SUBNET_UNK_USER_FLOW_COUNT", 56208},
    {"GQOS_POLICY_GLOBAL_DEF_FLOW_DURATION", 56209},
    {"GQOS_POLICY_GLOBAL_GRP_FLOW_DURATION", 56210},
    {"GQOS_POLICY_GLOBAL_USER_FLOW_DURATION", 56211},
    {"GQOS_POLICY_GLOBAL_UNK_USER_FLOW_DURATION", 56212},
    {"GQOS_POLICY_SUBNET_DEF_FLOW_DURATION", 56213},
    {"GQOS_POLICY_SUBNET_GRP_FLOW_DURATION", 56214},
    {"GQOS_POLICY_SUBNET_USER_FLOW_DURATION", 56215},
    {"GQOS_POLICY_SUBNET_UNK_USER_FLOW_DURATION", 56216},
    {"GQOS_POLICY_GLOBAL_DEF_FLOW_RATE", 56217},
    {"GQOS_POLICY_GLOBAL_GRP_FLOW_RATE", 56218},
    {"GQOS_POLICY_GLOBAL_USER_FLOW_RATE", 56219},
    {"GQOS_POLICY_GLOBAL_UNK_USER_FLOW_RATE", 56220},
    {"GQOS_POLICY_SUBNET_DEF_FLOW_RATE", 56221},
    {"GQOS_POLICY_SUBNET_GRP_FLOW_RATE", 56222},
    {"GQOS_POLICY_SUBNET_USER_FLOW_RATE", 56223},
    {"GQOS_POLICY_SUBNET_UNK_USER_FLOW_RATE", 56224},
    {"GQOS_POLICY_GLOBAL_DEF_PEAK_RATE", 56225},
    {"GQOS_POLICY_GLOBAL_GRP_PEAK_RATE", 56226},
    {"GQOS_POLICY_GLOBAL_USER_PEAK_RATE", 56227},
    {"GQOS_POLICY_GLOBAL_UNK_USER_PEAK_RATE", 56228},
    {"GQOS_POLICY_SUBNET_DEF_PEAK_RATE", 56229},
    {"GQOS_POLICY_SUBNET_GRP_PEAK_RATE", 56230},
    {"GQOS_POLICY_SUBNET_USER_PEAK_RATE", 56231},
    {"GQOS_POLICY_SUBNET_UNK_USER_PEAK_RATE", 56232},
    {"GQOS_POLICY_GLOBAL_DEF_SUM_FLOW_RATE", 56233},
    {"GQOS_POLICY_GLOBAL_GRP_SUM_FLOW_RATE", 56234},
    {"GQOS_POLICY_GLOBAL_USER_SUM_FLOW_RATE", 56235},
    {"GQOS_POLICY_GLOBAL_UNK_USER_SUM_FLOW_RATE", 56236},
    {"GQOS_POLICY_SUBNET_DEF_SUM_FLOW_RATE", 56237},
    {"GQOS_POLICY_SUBNET_GRP_SUM_FLOW_RATE", 56238},
    {"GQOS_POLICY_SUBNET_USER_SUM_FLOW_RATE", 56239},
    {"GQOS_POLICY_SUBNET_UNK_USER_SUM_FLOW_RATE", 56240},
    {"GQOS_POLICY_GLOBAL_DEF_SUM_PEAK_RATE", 56241},
    {"GQOS_POLICY_GLOBAL_GRP_SUM_PEAK_RATE", 56242},
    {"GQOS_POLICY_GLOBAL_USER_SUM_PEAK_RATE", 56243},
    {"GQOS_POLICY_GLOBAL_UNK_USER_SUM_PEAK_RATE", 56244},
    {"GQOS_POLICY_SUBNET_DEF_SUM_PEAK_RATE", 56245},
    {"GQOS_POLICY_SUBNET_GRP_SUM_PEAK_RATE", 56246},
    {"GQOS_POLICY_SUBNET_USER_SUM_PEAK_RATE", 56247},
    {"GQOS_POLICY_SUBNET_UNK_USER_SUM_PEAK_RATE", 56248},
    {"GQOS_POLICY_UNKNOWN_USER", 56249},
    {"GQOS_POLICY_NO_PRIVILEGES", 56250},
    {"GQOS_POLICY_EXPIRED_USER_TOKEN", 56251},
    {"GQOS_POLICY_NO_RESOURCES", 56252},
    {"GQOS_POLICY_PRE_EMPTED", 56253},
    {"GQOS_POLICY_USER_CHANGED", 56254},
    {"GQOS_POLICY_NO_ACCEPTS", 56255},
    {"GQOS_POLICY_NO_MEMORY", 56256},
    {"GQOS_POLICY_CRAZY_FLOWSPEC", 56257},
    {"GQOS_POLICY_NO_MORE_INFO", 56258},
    {"GQOS_POLICY_UNSUPPORTED_CREDENTIAL_TYPE", 56259},
    {"GQOS_POLICY_INSUFFICIENT_PRIVILEGES", 56260},
    {"GQOS_POLICY_EXPIRED_CREDENTIAL", 56261},
    {"GQOS_POLICY_IDENTITY_CHANGED", 56262},
    {"GQOS_POLICY_NO_QOS_PROVIDED", 56263},
    {"GQOS_POLICY_DO_NOT_SEND", 56264},
    {"GQOS_POLICY_ERROR_USERID", 56299},
    {"GQOS_RSVP", 56300},
    {"GQOS_NO_PATH", 56301},
    {"GQOS_NO_SENDER", 56302},
    {"GQOS_BAD_STYLE", 56303},
    {"GQOS_UNKNOWN_STYLE", 56304},
    {"GQOS_BAD_DSTPORT", 56305},
    {"GQOS_BAD_SNDPORT", 56306},
    {"GQOS_AMBIG_FILTER", 56307},
    {"GQOS_PREEMPTED", 56308},
    {"GQOS_UNKN_OBJ_CLASS", 56309},
    {"GQOS_UNKNOWN_CTYPE", 56310},
    {"GQOS_INVALID", 56311},
    {"GQOS_API", 56400},
    {"GQOS_API_BADSEND", 56401},
    {"GQOS_API_BADRECV", 56402},
    {"GQOS_API_BADSPORT", 56403},
    {"GQOS_KERNEL_TC_SYS", 56500},
    {"GQOS_TC_GENERIC", 56501},
    {"GQOS_TC_INVALID", 56502},
    {"GQOS_NO_MEMORY", 56503},
    {"GQOS_BAD_ADDRESSTYPE", 56504},
    {"GQOS_BAD_DUPLICATE", 56505},
    {"GQOS_CONFLICT", 56506},
    {"GQOS_NOTREADY", 56507},
    {"GQOS_WOULDBLOCK", 56508},
    {"GQOS_INCOMPATIBLE", 56509},
    {"GQOS_BAD_SDMODE", 56510},
    {"GQOS_BAD_QOSPRIORITY", 56511},
    {"GQOS_BAD_TRAFFICCLASS", 56512},
    {"GQOS_NO_SYS_RESOURCES", 56513},
    {"GQOS_RSVP_SYS", 56600},
    {"GQOS_OTHER_SYS", 56601},
    {"GQOS_MEMORY_SYS", 56602},
    {"GQOS_API_SYS", 56603},
    {"GQOS_SETQOS_NO_LOCAL_APPS", 56604},
    {"GQOS_KERNEL_TC", 56700},
    {"GQOS_CONFLICT_SERV", 56701},
    {"GQOS_NO_SERV", 56702},
    {"GQOS_BAD_FLOWSPEC", 56703},
    {"GQOS_BAD_TSPEC", 56704},
    {"GQOS_BAD_ADSPEC", 56705},
    {"GQOS_IOCTL_SYSTEMFAILURE", 56801},
    {"GQOS_IOCTL_NOBYTESRETURNED", 56802},
    {"GQOS_IOCTL_INVALIDSOCKET", 56803},
    {"GQOS_IOCTL_INV_FUNCPTR", 56804},
    {"GQOS_IOCTL_INV_OVERLAPPED", 56805},
    {"GQOS_SETQOS_BADINBUFFER", 56811},
    {"GQOS_SETQOS_BADFLOWSPEC", 56812},
    {"GQOS_SETQOS_COLLISION", 56813},
    {"GQOS_SETQOS_BADPROVSPECBUF", 56814},
    {"GQOS_SETQOS_ILLEGALOP", 56815},
    {"GQOS_SETQOS_INVALIDADDRESS", 56816},
    {"GQOS_SETQOS_OUTOFMEMORY", 56817},
    {"GQOS_SETQOS_EXCEPTION", 56818},
    {"GQOS_SETQOS_BADADDRLEN", 56819},
    {"GQOS_SETQOS_NOSOCKNAME", 56820},
    {"GQOS_SETQOS_IPTOSFAIL", 56821},
    {"GQOS_SETQOS_OPENSESSIONFAIL", 56822},
    {"GQOS_SETQOS_SENDFAIL", 56823},
    {"GQOS_SETQOS_RECVFAIL", 56824},
    {"GQOS_SETQOS_BADPOLICYOBJECT", 56825},
    {"GQOS_SETQOS_UNKNOWNFILTEROBJ", 56826},
    {"GQOS_SETQOS_BADFILTERTYPE", 56827},
    {"GQOS_SETQOS_BADFILTERCOUNT", 56828},
    {"GQOS_SETQOS_BADOBJLENGTH", 56829},
    {"GQOS_SETQOS_BADFLOWCOUNT", 56830},
    {"GQOS_SETQOS_UNKNOWNPSOBJ", 56831},
    {"GQOS_SETQOS_BADPOLICYOBJ", 56832},
    {"GQOS_SETQOS_BADFLOWDESC", 56833},
    {"GQOS_SETQOS_BADPROVSPECOBJ", 56834},
    {"GQOS_SETQOS_NOLOOPBACK", 56835},
    {"GQOS_SETQOS_MODENOTSUPPORTED", 56836},
    {"GQOS_SETQOS_MISSINGFLOWDESC", 56837},
    {"GQOS_GETQOS_BADOUTBUFFER", 56841},
    {"GQOS_GETQOS_SYSTEMFAILURE", 56842},
    {"GQOS_GETQOS_EXCEPTION", 56843},
    {"GQOS_GETQOS_INTERNALFAILURE", 56844},
    {"GQOS_CHKQOS_BADINBUFFER", 56851},
    {"GQOS_CHKQOS_BADOUTBUFFER", 56852},
    {"GQOS_CHKQOS_SYSTEMFAILURE", 56853},
    {"GQOS_CHKQOS_INTERNALFAILURE", 56854},
    {"GQOS_CHKQOS_BADPARAMETER", 56855},
    {"GQOS_CHKQOS_EXCEPTION", 56856},
};

constexpr NamedValue sd_modes[] = {
    {"TC_NONCONF_BORROW", sd_mode::borrow},
    {"TC_NONCONF_SHAPE", sd_mode::shape},
    {"TC_NONCONF_DISCARD", sd_mode::discard},
    {"TC_NONCONF_BORROW_PLUS", sd_mode::borrow_plus},
};

constexpr NamedValue ioctls[] = {
    {"SIO_GET_QOS", ioctl::get_qos},
    {"SIO_GET_GROUP_QOS", ioctl::get_group_qos},
    {"SIO_SET_QOS", ioctl::set_qos},
    {"SIO_CHK_QOS", ioctl::chk_qos},
};

constexpr NamedValue chk_qos_selectors[] = {
    {"ALLOWED_TO_SEND_DATA", chk_qos::allowed_to_send_data},
    {"ABLE_TO_RECV_RSVP", chk_qos::able_to_recv_rsvp},
    {"LINE_RATE", chk_qos::line_rate},
    {"LOCAL_TRAFFIC_CONTROL", chk_qos::local_traffic_control},
    {"LOCAL_QOSABILITY", chk_qos::local_qosability},
    {"END_TO_END_QOSABILITY", chk_qos::end_to_end_qosability},
    {"INFO_NOT_AVAILABLE", chk_qos::info_not_available},
};

// The prefixes a person may leave out when naming a value of the group.
std::span<const std::string_view> prefixes_of(NameGroup group) {
  static constexpr std::string_view service[] = {"SERVICETYPE_"};
  static constexpr std::string_view object[] = {"RSVP_OBJECT_", "QOS_OBJECT_"};
  static constexpr std::string_view status[] = {"WSA_QOS_"};
  static constexpr std::string_view error[] = {"WSA_", "WSA"};
  static constexpr std::string_view wait[] = {"WSA_WAIT_"};
  static constexpr std::string_view style[] = {"RSVP_"};
  static constexpr std::string_view extended[] = {"GQOS_"};
  static constexpr std::string_view sd[] = {"TC_NONCONF_"};
  static constexpr std::string_view io[] = {"SIO_"};
  switch (group) {
    case NameGroup::service_type:
      return service;
    case NameGroup::object_type:
      return object;
    case NameGroup::status:
      return status;
    case NameGroup::error:
      return error;
    case NameGroup::wait_result:
      return wait;
    case NameGroup::rsvp_style:
      return style;
    case NameGroup::extended_status:
    case NameGroup::extended_status_value:
      return extended;
    case NameGroup::sd_mode:
      return sd;
    case NameGroup::ioctl:
      return io;
    case NameGroup::chk_qos_selector:
      return {};
  }
  return {};
}

// Upper case, underscores dropped: "controlled_load" and "CONTROLLEDLOAD" read the same.
std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '_') out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

// Whether `name` folds to `wanted` (already folded), without building the folded name: loading
// a scenario looks up a name per step, against every name of its group.
bool folds_to(std::string_view name, std::string_view wanted) {
  std::size_t at = 0;
  for (char c : name) {
    if (c == '_') continue;
    if (at == wanted.size() ||
        static_cast<char>(std::toupper(static_cast<unsigned char>(c))) != wanted[at]) {
      return false;
    }
    ++at;
  }
  return at == wanted.size();
}

std::optional<std::uint32_t> parse_number(std::string_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
    base = 16;
  }
  if (text.empty()) return std::nullopt;
  std::uint32_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::span<const NamedValue> names_of(NameGroup group) {
  switch (group) {
    case NameGroup::service_type:
      return service_types;
    case NameGroup::object_type:
      return object_types;
    case NameGroup::status:
      return statuses;
    case NameGroup::error:
      return errors;
    case NameGroup::wait_result:
      return wait_results;
    case NameGroup::rsvp_style:
      return rsvp_styles;
    case NameGroup::extended_status:
    case NameGroup::extended_status_value:
      return extended_statuses;
    case NameGroup::sd_mode:
      return sd_modes;
    case NameGroup::ioctl:
      return ioctls;
    case NameGroup::chk_qos_selector:
      return chk_qos_selectors;
  }
  return {};
}

std::optional<std::string_view> name_of(NameGroup group, std::uint32_t value) {
  // qossp.h gives 56200 to both GQOS_NET_POLICY, a code for ExtendedStatus1, and
  // GQOS_POLICY_ERROR_UNKNOWN, a value for ExtendedStatus2.
  if (group == NameGroup::extended_status_value && value == extended_status::net_policy) {
    return "GQOS_POLICY_ERROR_UNKNOWN";
  }
  for (const NamedValue& entry : names_of(group)) {
    if (entry.value == value) return entry.name;
  }
  // The WSA_QOS_* codes are Winsock error codes too (a monitor reports WSA_QOS_EPROVSPECBUF).
  if (group == NameGroup::error) return name_of(NameGroup::status, value);
  return std::nullopt;
}

std::string name_or_number(NameGroup group, std::uint32_t value) {
  if (auto name = name_of(group, value)) return std::string(*name);
  return std::to_string(value);
}

std::string service_type_text(std::uint32_t value) {
  constexpr std::uint32_t no_traffic_control = service_type::no_traffic_control_flag;
  constexpr std::uint32_t no_qos_signaling = service_type::no_qos_signaling_flag;
  auto name = name_of(NameGroup::service_type, service_type::without_flags(value));
  if (!name) return std::to_string(value);
  std::string text(*name);
  if ((value & no_traffic_control) == no_traffic_control) text += "|SERVICE_NO_TRAFFIC_CONTROL";
  if (value & no_qos_signaling) text += "|SERVICE_NO_QOS_SIGNALING";
  // A partial SERVICE_NO_TRAFFIC_CONTROL bit pattern is no known flag: show the number.
  if ((value & no_traffic_control) != 0 && (value & no_traffic_control) != no_traffic_control) {
    return std::to_string(value);
  }
  return text;
}

std::optional<std::uint32_t> value_of(NameGroup group, std::string_view text) {
  if (auto number = parse_number(text)) return number;
  const std::string wanted = fold(text);
  if (wanted.empty()) return std::nullopt;
  for (const NamedValue& entry : names_of(group)) {
    if (folds_to(entry.name, wanted)) return entry.value;
    for (std::string_view prefix : prefixes_of(group)) {
      if (entry.name.starts_with(prefix) && folds_to(entry.name.substr(prefix.size()), wanted)) {
        return entry.value;
      }
    }
  }
  if (group == NameGroup::error) return value_of(NameGroup::status, text);
  return std::nullopt;
}

std::string_view group_title(NameGroup group) {
  switch (group) {
    case NameGroup::service_type:
      return "service type";
    case NameGroup::object_type:
      return "object type";
    case NameGroup::status:
      return "status";
    case NameGroup::error:
      return "error";
    case NameGroup::wait_result:
      return "wait result";
    case NameGroup::rsvp_style:
      return "RSVP style";
    case NameGroup::extended_status:
    case NameGroup::extended_status_value:
      return "extended status";
    case NameGroup::sd_mode:
      return "shape/discard mode";
    case NameGroup::ioctl:
      return "ioctl";
    case NameGroup::chk_qos_selector:
      return "SIO_CHK_QOS selector";
  }
  return "value";
}

}  // namespace qosbed::gqos
