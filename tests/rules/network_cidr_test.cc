// Unit tests of the CIDR helpers behind the AllowedIps rules (PCL3001-PCL3003).
#include <catch2/catch.hpp>

#include "rules/util/cidr.h"

namespace pcl::rules {
namespace {

TEST_CASE("ParseCidr reads IPv4 and IPv6 ranges strictly", "[rules][network]") {
  auto v4 = ParseCidr("10.1.2.3/16");
  REQUIRE(v4);
  CHECK_FALSE(v4->v6);
  CHECK(v4->prefix == 16);
  CHECK(ToString(*v4) == "10.1.2.3/16");
  CHECK(ParseCidr("0.0.0.0/0"));
  CHECK(ParseCidr("255.255.255.255/32"));
  for (const char* bad :
       {"10.0.0.0", "10.0.0.0/33", "256.0.0.0/8", "010.0.0.0/8", "10.0.0/8", "10.0.0.0/8/8", " 10.0.0.0/8", "10.0.0.0/",
        "10.0.0.0/-1", "::/129", "1:2:3:4:5:6:7:8:9/64", "1::2::3/64", "12345::/16", "pl-12345678"}) {
    INFO(bad);
    CHECK_FALSE(ParseCidr(bad));
  }
  auto v6 = ParseCidr("2001:DB8:0:0:1::/64");
  REQUIRE(v6);
  CHECK(v6->v6);
  CHECK(ToString(*v6) == "2001:db8:0:0:1::/64");  // the longer zero run is compressed
  CHECK(ToString(*ParseCidr("::/0")) == "::/0");
  CHECK(ToString(*ParseCidr("::ffff:10.0.0.1/128")) == "::ffff:a00:1/128");
  CHECK(ToString(*ParseCidr("1:0:0:2:0:0:0:3/128")) == "1:0:0:2::3/128");
}

TEST_CASE("host bits, networks and containment", "[rules][network]") {
  Cidr wide = *ParseCidr("1.2.3.4/19");
  CHECK(HasHostBits(wide));
  CHECK(ToString(NetworkOf(wide)) == "1.2.0.0/19");
  CHECK(AddressCount(wide) == "8192");
  CHECK_FALSE(HasHostBits(*ParseCidr("1.2.0.0/19")));
  CHECK(HasHostBits(*ParseCidr("2001:db8::1/64")));
  CHECK(ToString(NetworkOf(*ParseCidr("2001:db8::1/64"))) == "2001:db8::/64");
  CHECK(AddressCount(*ParseCidr("::/0")) == "2^128");
  CHECK(Contains(*ParseCidr("10.0.0.0/8"), *ParseCidr("10.20.0.0/16")));
  CHECK_FALSE(Contains(*ParseCidr("10.20.0.0/16"), *ParseCidr("10.0.0.0/8")));
  CHECK(Overlaps(*ParseCidr("10.20.0.0/16"), *ParseCidr("10.0.0.0/8")));
  CHECK_FALSE(Overlaps(*ParseCidr("10.0.0.0/8"), *ParseCidr("11.0.0.0/8")));
  CHECK_FALSE(Overlaps(*ParseCidr("0.0.0.0/0"), *ParseCidr("::/0")));  // families never overlap
  CHECK(IsPrivate(*ParseCidr("192.168.1.0/24")));
  CHECK(IsPrivate(*ParseCidr("fd00::/8")));
  CHECK_FALSE(IsPrivate(*ParseCidr("172.0.0.0/8")));
}

TEST_CASE("OpenToWorldReason", "[rules][network]") {
  CHECK(OpenToWorldReason("0.0.0.0/0", 8) == "the whole internet");
  CHECK(OpenToWorldReason("0.0.0.0/1", 8) == "a public range of 2147483648 addresses");
  CHECK(OpenToWorldReason("10.0.0.0/8", 8).empty());
  CHECK(OpenToWorldReason("10.0.0.0/8", 16).empty());  // private, however broad
  CHECK(OpenToWorldReason("52.0.0.0/8", 16) == "a public range of 16777216 addresses");
  CHECK(OpenToWorldReason("pl-0123abcd", 8).empty());
  CHECK(OpenToWorldReason("::/0", 8).empty());  // the schema rejects IPv6 AllowedIps
}

}  // namespace
}  // namespace pcl::rules
