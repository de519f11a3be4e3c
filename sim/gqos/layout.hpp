// The Windows GQoS structures as they lie in memory on Win64, written with fixed-width types so
// the same bytes can be produced and checked on any 64-bit little-endian host. Pointers are
// 64-bit integers here: the emulator writes real addresses into a caller's buffer and the
// decoder checks them against that buffer, never following them blindly.
#pragma once

#include <cstddef>
#include <cstdint>

namespace qosbed::gqos {

using Ulong = std::uint32_t;  // Windows ULONG/DWORD: 32 bits on Win32 and Win64 alike.
using Pointer64 = std::uint64_t;

struct FlowSpec {
  Ulong token_rate;
  Ulong token_bucket_size;
  Ulong peak_bandwidth;
  Ulong latency;
  Ulong delay_variation;
  Ulong service_type;
  Ulong max_sdu_size;
  Ulong minimum_policed_size;

  friend bool operator==(const FlowSpec&, const FlowSpec&) = default;
};

struct WsaBuf {
  Ulong len;
  Ulong padding;  // alignment of buf on Win64; always written as zero
  Pointer64 buf;
};

struct Qos {
  FlowSpec sending_flowspec;
  FlowSpec receiving_flowspec;
  WsaBuf provider_specific;
};

struct ObjectHeader {
  Ulong object_type;
  Ulong object_length;  // includes this header
};

struct StatusInfo {
  ObjectHeader header;
  Ulong status_code;
  Ulong extended_status1;
  Ulong extended_status2;
};

struct SdMode {
  ObjectHeader header;
  Ulong shape_discard_mode;
};

struct ShapingRate {
  ObjectHeader header;
  Ulong shaping_rate;
};

struct DestAddr {
  ObjectHeader header;
  Pointer64 socket_address;
  Ulong socket_address_length;
  Ulong padding;
};

struct AdGeneralParams {
  Ulong intserv_aware_hop_count;
  Ulong path_bandwidth_estimate;
  Ulong minimum_latency;
  Ulong path_mtu;
  Ulong flags;

  friend bool operator==(const AdGeneralParams&, const AdGeneralParams&) = default;
};

struct AdGuaranteed {
  Ulong c_total;
  Ulong d_total;
  Ulong c_sum;
  Ulong d_sum;

  friend bool operator==(const AdGuaranteed&, const AdGuaranteed&) = default;
};

struct ControlService {
  Ulong length;  // the whole entry
  Ulong service;
  AdGeneralParams overrides;
  AdGuaranteed guaranteed;  // a union with PARAM_BUFFER[1] in the SDK; same size
};

struct RsvpAdspec {
  ObjectHeader header;
  AdGeneralParams general_params;
  Ulong number_of_services;
  ControlService services[1];  // variable length in the SDK
};

struct RsvpReserveInfo {
  ObjectHeader header;
  Ulong style;
  Ulong confirm_request;
  Pointer64 policy_element_list;
  Ulong num_flow_desc;
  Ulong padding;
  Pointer64 flow_desc_list;
};

struct FlowDescriptor {
  FlowSpec flow_spec;
  Ulong num_filters;
  Ulong padding;
  Pointer64 filter_list;
};

// Where ProviderSpecific.buf lies in a QOS: a buffer's copy moves the address written there.
inline constexpr std::size_t provider_specific_buf_offset =
    offsetof(Qos, provider_specific) + offsetof(WsaBuf, buf);

// Sizes and offsets are those of the Win64 SDK (tests/sdk_layout_test.cpp checks them against it).
static_assert(sizeof(FlowSpec) == 32);
static_assert(offsetof(FlowSpec, token_rate) == 0);
static_assert(offsetof(FlowSpec, token_bucket_size) == 4);
static_assert(offsetof(FlowSpec, peak_bandwidth) == 8);
static_assert(offsetof(FlowSpec, latency) == 12);
static_assert(offsetof(FlowSpec, delay_variation) == 16);
static_assert(offsetof(FlowSpec, service_type) == 20);
static_assert(offsetof(FlowSpec, max_sdu_size) == 24);
static_assert(offsetof(FlowSpec, minimum_policed_size) == 28);

static_assert(sizeof(WsaBuf) == 16);
static_assert(offsetof(WsaBuf, len) == 0);
static_assert(offsetof(WsaBuf, buf) == 8);

static_assert(sizeof(Qos) == 80);
static_assert(offsetof(Qos, sending_flowspec) == 0);
static_assert(offsetof(Qos, receiving_flowspec) == 32);
static_assert(offsetof(Qos, provider_specific) == 64);
static_assert(provider_specific_buf_offset == 72);

static_assert(sizeof(ObjectHeader) == 8);
static_assert(offsetof(ObjectHeader, object_type) == 0);
static_assert(offsetof(ObjectHeader, object_length) == 4);

static_assert(sizeof(StatusInfo) == 20);
static_assert(offsetof(StatusInfo, header) == 0);
static_assert(offsetof(StatusInfo, status_code) == 8);
static_assert(offsetof(StatusInfo, extended_status1) == 12);
static_assert(offsetof(StatusInfo, extended_status2) == 16);

static_assert(sizeof(SdMode) == 12);
static_assert(offsetof(SdMode, shape_discard_mode) == 8);
static_assert(sizeof(ShapingRate) == 12);
static_assert(offsetof(ShapingRate, shaping_rate) == 8);

static_assert(sizeof(DestAddr) == 24);
static_assert(offsetof(DestAddr, socket_address) == 8);
static_assert(offsetof(DestAddr, socket_address_length) == 16);

static_assert(sizeof(AdGeneralParams) == 20);
static_assert(offsetof(AdGeneralParams, intserv_aware_hop_count) == 0);
static_assert(offsetof(AdGeneralParams, path_bandwidth_estimate) == 4);
static_assert(offsetof(AdGeneralParams, minimum_latency) == 8);
static_assert(offsetof(AdGeneralParams, path_mtu) == 12);
static_assert(offsetof(AdGeneralParams, flags) == 16);

static_assert(sizeof(AdGuaranteed) == 16);
static_assert(offsetof(AdGuaranteed, c_total) == 0);
static_assert(offsetof(AdGuaranteed, d_total) == 4);
static_assert(offsetof(AdGuaranteed, c_sum) == 8);
static_assert(offsetof(AdGuaranteed, d_sum) == 12);

static_assert(sizeof(ControlService) == 44);
static_assert(offsetof(ControlService, length) == 0);
static_assert(offsetof(ControlService, service) == 4);
static_assert(offsetof(ControlService, overrides) == 8);
static_assert(offsetof(ControlService, guaranteed) == 28);

static_assert(sizeof(RsvpAdspec) == 76);
static_assert(offsetof(RsvpAdspec, header) == 0);
static_assert(offsetof(RsvpAdspec, general_params) == 8);
static_assert(offsetof(RsvpAdspec, number_of_services) == 28);
static_assert(offsetof(RsvpAdspec, services) == 32);

static_assert(sizeof(RsvpReserveInfo) == 40);
static_assert(offsetof(RsvpReserveInfo, style) == 8);
static_assert(offsetof(RsvpReserveInfo, confirm_request) == 12);
static_assert(offsetof(RsvpReserveInfo, policy_element_list) == 16);
static_assert(offsetof(RsvpReserveInfo, num_flow_desc) == 24);
static_assert(offsetof(RsvpReserveInfo, flow_desc_list) == 32);

static_assert(sizeof(FlowDescriptor) == 48);
static_assert(offsetof(FlowDescriptor, flow_spec) == 0);
static_assert(offsetof(FlowDescriptor, num_filters) == 32);
static_assert(offsetof(FlowDescriptor, filter_list) == 40);

}  // namespace qosbed::gqos
