// IPv4/IPv6 CIDR parsing and range arithmetic (no platform inet_pton: exact, portable rules).
#include "rules/util/cidr.h"

#include <vector>

namespace pcl::rules {
namespace {

// A decimal number of 1..max_digits digits without a leading zero; -1 if it is not one.
int ParseDecimal(std::string_view text, size_t max_digits) {
  if (text.empty() || text.size() > max_digits || (text.size() > 1 && text[0] == '0')) return -1;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool ParseV4(std::string_view text, uint8_t* out) {
  for (int part = 0; part < 4; ++part) {
    size_t dot = part < 3 ? text.find('.') : text.size();
    if (dot == std::string_view::npos) return false;
    int value = ParseDecimal(text.substr(0, dot), 3);
    if (value < 0 || value > 255) return false;
    out[part] = static_cast<uint8_t>(value);
    text.remove_prefix(part < 3 ? dot + 1 : dot);
  }
  return text.empty();
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses colon-separated 16-bit groups (an embedded IPv4 tail counts as two groups).
bool ParseGroups(std::string_view text, std::vector<uint16_t>& groups, bool allow_v4_tail) {
  if (text.empty()) return true;
  while (true) {
    size_t colon = text.find(':');
    std::string_view group = text.substr(0, colon);
    if (colon == std::string_view::npos && allow_v4_tail && group.find('.') != std::string_view::npos) {
      uint8_t v4[4];
      if (!ParseV4(group, v4)) return false;
      groups.push_back(static_cast<uint16_t>(v4[0] << 8 | v4[1]));
      groups.push_back(static_cast<uint16_t>(v4[2] << 8 | v4[3]));
      return true;
    }
    if (group.empty() || group.size() > 4) return false;
    int value = 0;
    for (char c : group) {
      if (HexValue(c) < 0) return false;
      value = value * 16 + HexValue(c);
    }
    groups.push_back(static_cast<uint16_t>(value));
    if (colon == std::string_view::npos) return true;
    text.remove_prefix(colon + 1);
  }
}

bool ParseV6(std::string_view text, uint8_t* out) {
  std::vector<uint16_t> head, tail;
  size_t gap = text.find("::");
  if (gap == std::string_view::npos) {
    if (!ParseGroups(text, head, true) || head.size() != 8) return false;
  } else {
    if (text.find("::", gap + 1) != std::string_view::npos) return false;
    if (!ParseGroups(text.substr(0, gap), head, false)) return false;
    if (!ParseGroups(text.substr(gap + 2), tail, true)) return false;
    if (head.size() + tail.size() > 7) return false;
  }
  std::vector<uint16_t> groups = head;
  groups.resize(8 - tail.size(), 0);
  groups.insert(groups.end(), tail.begin(), tail.end());
  for (size_t i = 0; i < 8; ++i) {
    out[2 * i] = static_cast<uint8_t>(groups[i] >> 8);
    out[2 * i + 1] = static_cast<uint8_t>(groups[i] & 0xff);
  }
  return true;
}

bool BitAt(const Cidr& cidr, int bit) {
  return (cidr.address[bit / 8] >> (7 - bit % 8)) & 1;
}

}  // namespace

std::optional<Cidr> ParseCidr(std::string_view text) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos || text.find('/', slash + 1) != std::string_view::npos) return std::nullopt;
  Cidr cidr;
  std::string_view address = text.substr(0, slash);
  cidr.v6 = address.find(':') != std::string_view::npos;
  if (!(cidr.v6 ? ParseV6(address, cidr.address.data()) : ParseV4(address, cidr.address.data()))) {
    return std::nullopt;
  }
  cidr.prefix = ParseDecimal(text.substr(slash + 1), 3);
  if (cidr.prefix < 0 || cidr.prefix > cidr.Bits()) return std::nullopt;
  return cidr;
}

bool HasHostBits(const Cidr& cidr) {
  for (int bit = cidr.prefix; bit < cidr.Bits(); ++bit) {
    if (BitAt(cidr, bit)) return true;
  }
  return false;
}

Cidr NetworkOf(const Cidr& cidr) {
  Cidr out = cidr;
  for (int bit = cidr.prefix; bit < cidr.Bits(); ++bit) {
    out.address[bit / 8] &= static_cast<uint8_t>(~(1u << (7 - bit % 8)));
  }
  return out;
}

std::string ToString(const Cidr& cidr) {
  std::string out;
  if (!cidr.v6) {
    for (int i = 0; i < 4; ++i) out += (i ? "." : "") + std::to_string(cidr.address[i]);
    return out + "/" + std::to_string(cidr.prefix);
  }
  uint16_t groups[8];
  for (int i = 0; i < 8; ++i) groups[i] = static_cast<uint16_t>(cidr.address[2 * i] << 8 | cidr.address[2 * i + 1]);
  // RFC 5952: compress the longest run of two or more zero groups (the first one on a tie).
  int best = -1, best_len = 1;
  for (int i = 0; i < 8;) {
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_len) best = i, best_len = j - i;
    i = j == i ? i + 1 : j;
  }
  static const char* kHex = "0123456789abcdef";
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    std::string group;
    for (int shift = 12; shift >= 0; shift -= 4) group += kHex[(groups[i] >> shift) & 0xf];
    size_t first = group.find_first_not_of('0');
    out += first == std::string::npos ? "0" : group.substr(first);
  }
  return out + "/" + std::to_string(cidr.prefix);
}

bool Contains(const Cidr& outer, const Cidr& inner) {
  if (outer.v6 != inner.v6 || outer.prefix > inner.prefix) return false;
  for (int bit = 0; bit < outer.prefix; ++bit) {
    if (BitAt(outer, bit) != BitAt(inner, bit)) return false;
  }
  return true;
}

bool Overlaps(const Cidr& a, const Cidr& b) {
  return Contains(a, b) || Contains(b, a);
}

bool IsPrivate(const Cidr& cidr) {
  static const char* kV4[] = {"10.0.0.0/8",    "172.16.0.0/12", "192.168.0.0/16",
                              "100.64.0.0/10", "127.0.0.0/8",   "169.254.0.0/16"};
  static const char* kV6[] = {"fc00::/7", "fe80::/10", "::1/128"};
  for (const char* text : kV4) {
    if (!cidr.v6 && Contains(*ParseCidr(text), cidr)) return true;
  }
  for (const char* text : kV6) {
    if (cidr.v6 && Contains(*ParseCidr(text), cidr)) return true;
  }
  return false;
}

std::string AddressCount(const Cidr& cidr) {
  int host_bits = cidr.Bits() - cidr.prefix;
  if (host_bits < 64) return std::to_string(uint64_t{1} << host_bits);
  return "2^" + std::to_string(host_bits);
}

std::string OpenToWorldReason(const std::string& allowed_ips, int min_prefix_length) {
  std::optional<Cidr> cidr = ParseCidr(allowed_ips);
  if (!cidr || cidr->v6) return "";  // prefix lists, and IPv6 (the schema rejects it)
  if (cidr->prefix == 0) return "the whole internet";
  if (cidr->prefix >= min_prefix_length || IsPrivate(*cidr)) return "";
  return "a public range of " + AddressCount(*cidr) + " addresses";
}

}  // namespace pcl::rules
