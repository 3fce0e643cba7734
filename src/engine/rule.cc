// Reporting helpers shared by every rule.
#include "engine/rule.h"

#include <limits>
#include <stdexcept>

#include "engine/pointer_pattern.h"
#include "model/node.h"

namespace pcl::engine {

RuleContext::RuleContext(const model::Document& document, const RuleMeta& meta, const nlohmann::json& options,
                         const std::string& target_version, Emit emit, FileCache* cache)
    : document_(document),
      meta_(meta),
      options_(options),
      target_version_(target_version),
      // A target that is not a release names one newer than this build knows (config checks reject it).
      release_(core::Release::Parse(target_version).value_or(core::Release(3, std::numeric_limits<int>::max()))),
      emit_(std::move(emit)),
      cache_(cache) {
  if (!cache_) {
    own_cache_ = std::make_unique<FileCache>();
    cache_ = own_cache_.get();
  }
}

const model::ClusterView& RuleContext::cluster() const {
  if (!cache_->cluster) cache_->cluster.emplace(document_.root);
  return *cache_->cluster;
}

void RuleContext::Report(const std::string& pointer, const model::Range& range, std::string message) const {
  model::Diagnostic d;
  d.rule_id = meta_.id;
  d.severity = meta_.severity;
  d.message = std::move(message);
  d.file = document_.path();
  d.range = range;
  d.pointer = pointer;
  emit_(std::move(d));
}

void RuleContext::ReportAt(const std::string& pointer, std::string message, bool at_key) const {
  const model::MapEntry* entry = nullptr;
  const model::Node* node = model::FindByPointer(document_.root, pointer, &entry);
  model::Range range{{1, 1}, {1, 1}};
  if (node) range = at_key && entry ? entry->key_range : node->range;
  Report(pointer, range, std::move(message));
}

namespace {

// A key set to null (`AccessPointId:` with nothing after it) is a schema error of its own
// (PCL1007); to the rules it is absent, so they do not repeat that finding in their own words.
void DropNullMembers(nlohmann::json& value) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end();) {
      if (it->is_null()) {
        it = value.erase(it);
      } else {
        DropNullMembers(*it);
        ++it;
      }
    }
  } else if (value.is_array()) {
    for (auto& item : value) DropNullMembers(item);
  }
}

}  // namespace

const nlohmann::json& RuleContext::RootJson() const {
  std::optional<nlohmann::json>& cache = cache_->root_json;
  if (!cache) {
    cache = model::ToJson(document_.root);
    DropNullMembers(*cache);
  }
  return *cache;
}

const nlohmann::json& RuleContext::JsonAt(const std::string& pointer) const {
  static const nlohmann::json kNull;
  const nlohmann::json& root = RootJson();
  try {
    const nlohmann::json::json_pointer at(pointer);
    return root.contains(at) ? root.at(at) : kNull;
  } catch (const nlohmann::json::exception&) {
    return kNull;  // an array index past the end, or a malformed pointer: nothing there
  }
}

namespace {

constexpr std::string_view kSlurmQueues = "/Scheduling/SlurmQueues/*";
constexpr std::string_view kBatchQueues = "/Scheduling/AwsBatchQueues/*";
constexpr std::string_view kComputeResources = "/ComputeResources/*";

}  // namespace

void Rule::Run(const RuleContext& context) const {
  const RuleMeta& meta = context.meta();
  if ((meta.since && context.release() < *meta.since) || (meta.until && context.release() >= *meta.until)) return;
  if (meta.at.empty()) {
    Check(context);
    return;
  }
  const model::ClusterView& cluster = context.cluster();
  for (const std::string& pattern : meta.at) {
    const std::string_view at = pattern;
    const bool slurm = at.substr(0, kSlurmQueues.size()) == kSlurmQueues;
    const bool batch = at.substr(0, kBatchQueues.size()) == kBatchQueues;
    const std::string_view rest = slurm ? at.substr(kSlurmQueues.size()) : batch ? at.substr(kBatchQueues.size()) : at;
    if ((slurm || batch) && (rest.empty() || rest == kComputeResources)) {
      for (const model::Queue& queue : slurm ? cluster.slurm_queues : cluster.batch_queues) {
        if (rest.empty()) {
          CheckQueue(context, queue);
          continue;
        }
        for (const model::ComputeResource& resource : queue.compute_resources) {
          CheckComputeResource(context, queue, resource);
        }
      }
    } else if (at == "/SharedStorage/*") {
      for (const model::StorageItem& item : cluster.shared_storage) CheckStorage(context, item);
    } else if (at.empty()) {
      Check(context);
    } else {
      for (const PatternMatch& match : MatchPattern(context.root(), pattern)) {
        CheckNode(context, model::Ref(match.pointer, match.node));
      }
    }
  }
}

// A hook a rule's `at` reaches but the rule does not implement is a defect of the rule: say so.
void Rule::Check(const RuleContext& context) const {
  Unhandled(context, "the whole document");
}
void Rule::CheckQueue(const RuleContext& context, const model::Queue&) const {
  Unhandled(context, "queues");
}
void Rule::CheckComputeResource(const RuleContext& context, const model::Queue&, const model::ComputeResource&) const {
  Unhandled(context, "compute resources");
}
void Rule::CheckStorage(const RuleContext& context, const model::StorageItem&) const {
  Unhandled(context, "shared storage items");
}
void Rule::CheckNode(const RuleContext& context, const model::Ref&) const {
  Unhandled(context, "matched nodes");
}

void Rule::Unhandled(const RuleContext& context, const char* what) {
  throw std::logic_error("rule " + context.meta().id + " is handed " + what +
                         " by its applies_to but does not check them");
}

}  // namespace pcl::engine
