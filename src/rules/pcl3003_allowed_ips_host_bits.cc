// PCL3003 allowed-ips-host-bits: an AllowedIps CIDR has host bits set, so it opens a wider range than written.
#include "engine/rule.h"
#include "rules/util/cidr.h"

namespace pcl::rules {
namespace {

class AllowedIpsHostBits : public engine::Rule {
  void Check(const engine::RuleContext& context) const override {
    for (const model::Ref& value : context.cluster().AllowedIps()) {
      std::optional<Cidr> cidr = ParseCidr(value.String());
      // Malformed values are the schema check's (PCL1006); prefix lists have no host bits.
      if (!cidr || !HasHostBits(*cidr)) continue;
      Cidr network = NetworkOf(*cidr);
      Cidr host = *cidr;
      host.prefix = host.Bits();
      context.ReportAt(value.pointer(), value.Label() + " " + value.String() +
                                            " has host bits set: the security group will allow all of " +
                                            ToString(network) + " (" + AddressCount(network) + " addresses); write " +
                                            ToString(host) + " for that one address, or " + ToString(network) +
                                            " if the whole range is meant");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl3003AllowedIpsHostBits() {
  return std::make_unique<AllowedIpsHostBits>();
}

}  // namespace pcl::rules
