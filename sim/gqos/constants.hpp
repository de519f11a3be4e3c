// The numeric constants of GQoS, the RSVP SP and Winsock that qosbed reproduces, each checked
// against the SDK's (docs/windows.md, The SDK checks). Names are lowercase and grouped by
// namespace so they never collide with the SDK's macros (WSAENOBUFS, SERVICETYPE_*, ...) when a
// Windows build includes <winsock2.h> beside them; gqos/names.hpp maps each one to and from its
// SDK spelling.
#pragma once

#include <cstdint>

namespace qosbed::gqos {

inline constexpr std::uint32_t qos_not_specified = 0xFFFFFFFF;
inline constexpr std::uint32_t positive_infinity_rate = 0xFFFFFFFE;
inline constexpr std::uint32_t ad_flag_break_bit = 0x1;

inline constexpr int fd_qos_bit = 6;
inline constexpr std::uint32_t fd_qos = 1u << fd_qos_bit;
inline constexpr int fd_group_qos_bit = 7;
inline constexpr std::uint32_t fd_group_qos = 1u << fd_group_qos_bit;
inline constexpr int fd_max_events = 10;
inline constexpr std::uint32_t xp1_qos_supported = 0x2000;

// ServiceType values of a FLOWSPEC, and the flags ORed into it.
namespace service_type {
inline constexpr std::uint32_t no_traffic = 0;
inline constexpr std::uint32_t best_effort = 1;
inline constexpr std::uint32_t controlled_load = 2;
inline constexpr std::uint32_t guaranteed = 3;
inline constexpr std::uint32_t network_unavailable = 4;
inline constexpr std::uint32_t general_information = 5;
inline constexpr std::uint32_t no_change = 6;
inline constexpr std::uint32_t nonconforming = 9;
inline constexpr std::uint32_t network_control = 10;
inline constexpr std::uint32_t qualitative = 13;
inline constexpr std::uint32_t no_traffic_control_flag = 0x81000000;
inline constexpr std::uint32_t no_qos_signaling_flag = 0x40000000;
inline constexpr std::uint32_t flags = no_traffic_control_flag | no_qos_signaling_flag;

// The service a ServiceType asks for, its flags aside.
constexpr std::uint32_t without_flags(std::uint32_t service_type) {
  return service_type & ~flags;
}
}  // namespace service_type

// ProviderSpecific object types (QOS_OBJECT_HDR.ObjectType).
namespace object_type {
inline constexpr std::uint32_t status_info = 1000;
inline constexpr std::uint32_t reserve_info = 1001;
inline constexpr std::uint32_t adspec = 1002;
inline constexpr std::uint32_t policy_info = 1003;
inline constexpr std::uint32_t filterspec_list = 1004;
inline constexpr std::uint32_t end_of_list = 2001;
inline constexpr std::uint32_t sd_mode = 2002;
inline constexpr std::uint32_t shaping_rate = 2003;
inline constexpr std::uint32_t dest_addr = 2004;
}  // namespace object_type

// QOS_SD_MODE.ShapeDiscardMode.
namespace sd_mode {
inline constexpr std::uint32_t borrow = 0;
inline constexpr std::uint32_t shape = 1;
inline constexpr std::uint32_t discard = 2;
inline constexpr std::uint32_t borrow_plus = 3;
}  // namespace sd_mode

// RSVP_RESERVE_INFO.Style.
namespace rsvp_style {
inline constexpr std::uint32_t default_style = 0;
inline constexpr std::uint32_t wildcard = 1;
inline constexpr std::uint32_t fixed_filter = 2;
inline constexpr std::uint32_t shared_explicit = 3;
}  // namespace rsvp_style

// WSAIoctl control codes.
namespace ioctl {
inline constexpr std::uint32_t get_qos = 0xC8000007;
inline constexpr std::uint32_t get_group_qos = 0xC8000008;
inline constexpr std::uint32_t set_qos = 0x8800000B;
inline constexpr std::uint32_t chk_qos = 0xDC000001;
}  // namespace ioctl

// SIO_CHK_QOS selectors (qossp.h: QOSSPBASE 50000 + n), and the answer for "not known".
namespace chk_qos {
inline constexpr std::uint32_t allowed_to_send_data = 50001;
inline constexpr std::uint32_t able_to_recv_rsvp = 50002;
inline constexpr std::uint32_t line_rate = 50003;
inline constexpr std::uint32_t local_traffic_control = 50004;
inline constexpr std::uint32_t local_qosability = 50005;
inline constexpr std::uint32_t end_to_end_qosability = 50006;
inline constexpr std::uint32_t info_not_available = 0xFFFFFFFF;
}  // namespace chk_qos

// RSVP_STATUS_INFO.StatusCode, also iErrorCode[FD_QOS_BIT].
namespace status {
inline constexpr std::uint32_t receivers = 11005;
inline constexpr std::uint32_t senders = 11006;
inline constexpr std::uint32_t no_senders = 11007;
inline constexpr std::uint32_t no_receivers = 11008;
inline constexpr std::uint32_t request_confirmed = 11009;
inline constexpr std::uint32_t admission_failure = 11010;
inline constexpr std::uint32_t policy_failure = 11011;
inline constexpr std::uint32_t bad_style = 11012;
inline constexpr std::uint32_t bad_object = 11013;
inline constexpr std::uint32_t traffic_ctrl_error = 11014;
inline constexpr std::uint32_t generic_error = 11015;
inline constexpr std::uint32_t eservicetype = 11016;
inline constexpr std::uint32_t eflowspec = 11017;
inline constexpr std::uint32_t eprovspecbuf = 11018;
inline constexpr std::uint32_t efilterstyle = 11019;
inline constexpr std::uint32_t efiltertype = 11020;
inline constexpr std::uint32_t efiltercount = 11021;
inline constexpr std::uint32_t eobjlength = 11022;
inline constexpr std::uint32_t eflowcount = 11023;
inline constexpr std::uint32_t eunknownpsobj = 11024;
inline constexpr std::uint32_t epolicyobj = 11025;
inline constexpr std::uint32_t eflowdesc = 11026;
inline constexpr std::uint32_t epsflowspec = 11027;
inline constexpr std::uint32_t epsfilterspec = 11028;
inline constexpr std::uint32_t esdmodeobj = 11029;
inline constexpr std::uint32_t eshaperateobj = 11030;
inline constexpr std::uint32_t reserved_petype = 11031;
}  // namespace status

// Winsock error codes and wait results.
namespace wsa {
inline constexpr std::uint32_t no_error = 0;
inline constexpr std::uint32_t invalid_handle = 6;
inline constexpr std::uint32_t invalid_parameter = 87;
inline constexpr std::uint32_t operation_aborted = 995;
inline constexpr std::uint32_t io_incomplete = 996;
inline constexpr std::uint32_t io_pending = 997;
inline constexpr std::uint32_t efault = 10014;
inline constexpr std::uint32_t einval = 10022;
inline constexpr std::uint32_t ewouldblock = 10035;
inline constexpr std::uint32_t enotsock = 10038;
inline constexpr std::uint32_t enoprotoopt = 10042;
inline constexpr std::uint32_t eopnotsupp = 10045;
inline constexpr std::uint32_t eaddrnotavail = 10049;
inline constexpr std::uint32_t enobufs = 10055;
inline constexpr std::uint32_t eisconn = 10056;
inline constexpr std::uint32_t enotconn = 10057;
inline constexpr std::uint32_t wait_event_0 = 0;
inline constexpr std::uint32_t wait_io_completion = 192;
inline constexpr std::uint32_t wait_timeout = 0x102;
inline constexpr std::uint32_t wait_failed = 0xFFFFFFFF;
inline constexpr std::uint32_t infinite = 0xFFFFFFFF;
inline constexpr std::uint32_t maximum_wait_events = 64;
}  // namespace wsa

// RSVP_STATUS_INFO.ExtendedStatus1 groups (qossp.h); ExtendedStatus2 holds finer values.
namespace extended_status {
inline constexpr std::uint32_t no_errorcode = 0;
inline constexpr std::uint32_t net_admission = 56100;
inline constexpr std::uint32_t net_policy = 56200;
inline constexpr std::uint32_t rsvp = 56300;
inline constexpr std::uint32_t api = 56400;
inline constexpr std::uint32_t kernel_tc_sys = 56500;
inline constexpr std::uint32_t rsvp_sys = 56600;
inline constexpr std::uint32_t kernel_tc = 56700;
}  // namespace extended_status

}  // namespace qosbed::gqos
