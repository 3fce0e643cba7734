// IPv4/IPv6 CIDR parsing and range arithmetic for the network rules (AllowedIps and friends).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pcl::rules {

/// An address range written as address/prefix. IPv4 uses the first 4 bytes of `address`.
struct Cidr {
  bool v6 = false;
  std::array<uint8_t, 16> address{};
  int prefix = 0;

  int Bits() const { return v6 ? 128 : 32; }
};

/// Parses "a.b.c.d/n" or an RFC 4291 IPv6 address with "/n". Strict: dotted quads without leading
/// zeros (so "010.0.0.1" is not silently octal), a prefix within the family's width, no spaces.
std::optional<Cidr> ParseCidr(std::string_view text);

/// Whether bits beyond the prefix are set (1.2.3.4/19): AWS then uses the enclosing network.
bool HasHostBits(const Cidr& cidr);
/// The same range with the host bits cleared (1.2.3.4/19 → 1.2.0.0/19).
Cidr NetworkOf(const Cidr& cidr);
/// Canonical text: dotted quad, or RFC 5952 IPv6 (lowercase, longest zero run as "::").
std::string ToString(const Cidr& cidr);
/// Whether every address of `inner` lies in `outer` (same family).
bool Contains(const Cidr& outer, const Cidr& inner);
/// Whether the two ranges share an address (same family).
bool Overlaps(const Cidr& a, const Cidr& b);
/// Whether the whole range is non-routable on the internet: RFC 1918, CGNAT, loopback, link-local
/// (IPv4); unique-local, link-local, loopback (IPv6).
bool IsPrivate(const Cidr& cidr);
/// The number of addresses, as a decimal string (IPv6 ranges exceed 64 bits).
std::string AddressCount(const Cidr& cidr);

/// Why an AllowedIps value opens a port to the internet ("" when it does not): 0.0.0.0/0, or an
/// IPv4 range shorter than `min_prefix_length` that reaches public addresses. Prefix lists pass.
std::string OpenToWorldReason(const std::string& allowed_ips, int min_prefix_length);

}  // namespace pcl::rules
