// PCL7023 cluster-name-invalid: the cluster name given with --cluster-name (or cluster-name in the
// config file) is one pcluster create-cluster refuses.
#include "engine/rule.h"

namespace pcl::rules {
namespace {

constexpr size_t kMaxLength = 60;
// Slurm names its accounting tables "<cluster>_<suffix>" (suffix up to 24 characters) and MySQL
// allows 64 (aws/aws-parallelcluster PR #4773).
constexpr size_t kMaxLengthWithAccounting = 40;

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// PCLUSTER_NAME_REGEX: ^[a-zA-Z][a-zA-Z0-9-]{0,N-1}$
bool Valid(const std::string& name, size_t max_length) {
  if (name.empty() || name.size() > max_length || !IsAsciiLetter(name[0])) return false;
  for (char c : name) {
    if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-') return false;
  }
  return true;
}

class ClusterNameInvalid : public engine::Rule {
 public:
  void Check(const engine::RuleContext& context) const override {
    const std::string& name = context.cluster_name();
    if (name.empty()) return;  // not given: nothing to check
    const model::ClusterView& cluster = context.cluster();
    // The key that makes the cluster use Slurm accounting, if any: Database (the 40-character limit
    // came with PR #4773, in the 3.5.0 release notes), and from 3.16 also ExternalSlurmdbd (PR #7340).
    model::Ref accounting;
    if (cluster.scheduler == "slurm") {
      const model::Ref settings = cluster.root.At("Scheduling/SlurmSettings");
      if (context.release() >= core::Release(3, 5) && settings.At("Database")) {
        accounting = settings.At("Database");
      } else if (context.release() >= core::Release(3, 16) && settings.At("ExternalSlurmdbd")) {
        accounting = settings.At("ExternalSlurmdbd");
      }
    }
    const std::string shown = "cluster name '" + name + "': ";
    const std::string rules =
        "The cluster name can contain only alphanumeric characters (case-sensitive) and hyphens. It must start "
        "with an alphabetic character and ";
    if (!Valid(name, kMaxLength)) {
      context.ReportAt("", shown + rules +
                               (accounting ? "when using Slurm accounting it can't be longer than " +
                                                 std::to_string(kMaxLengthWithAccounting)
                                           : "can't be longer than " + std::to_string(kMaxLength)) +
                               " characters.");
    } else if (accounting && !Valid(name, kMaxLengthWithAccounting)) {
      // Only the length is wrong, because of the accounting key: point at it.
      context.ReportAt(accounting.pointer(),
                       shown + rules + "when using Slurm accounting it can't be longer than " +
                           std::to_string(kMaxLengthWithAccounting) + " characters. (" + accounting.Label() +
                           " is set; the name has " + std::to_string(name.size()) + " characters)",
                       /*at_key=*/true);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> NewPcl7023ClusterNameInvalid() {
  return std::make_unique<ClusterNameInvalid>();
}

}  // namespace pcl::rules
