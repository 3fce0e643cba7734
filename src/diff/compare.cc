// Key-by-key comparison of two config trees with ParallelCluster's list matching (items keyed by Name, ...).
#include "diff/compare.h"

#include <set>

#include "model/json_pointer.h"

namespace pcl::diff {
namespace {

using model::MapEntry;
using model::Node;
using model::NodeKind;

// Where the walk is: the key pattern for the policy lookup plus both concrete positions.
struct Frame {
  std::string pattern;
  std::string display;
  std::string old_pointer;
  std::string new_pointer;
  NodePair queue;
  NodePair compute_resource;
  NodePair storage;
  std::string pool;
};

// An explicit null is the same as an absent key to ParallelCluster (dict.get() returns None).
const Node* Present(const Node* node) {
  return node && node->kind != NodeKind::kNull ? node : nullptr;
}

bool IsListOrAbsent(const Node* node) {
  return !node || node->kind == NodeKind::kSequence;
}
bool IsMappingOrAbsent(const Node* node) {
  return !node || node->kind == NodeKind::kMapping;
}
// An empty section is falsy in ParallelCluster's comparison, i.e. not there.
bool HasEntries(const Node* node) {
  return node && !node->entries.empty();
}

const Node* ItemKey(const Node& item, const std::string& key) {
  return item.kind == NodeKind::kMapping ? Present(item.Find(key)) : nullptr;
}

class Walker {
 public:
  Walker(const PolicyTable& table, const std::string& release, std::vector<Change>& out)
      : table_(table), release_(release), out_(out) {}

  void Mapping(const Node* old_map, const Node* new_map, const Frame& frame) {
    std::set<std::string> seen;
    if (new_map && new_map->kind == NodeKind::kMapping) {
      for (const MapEntry& entry : new_map->entries) {
        if (!seen.insert(entry.key).second) continue;  // duplicate key: PCL0003 reports it
        const MapEntry* old_entry = old_map ? old_map->FindEntry(entry.key) : nullptr;
        Value(frame, entry.key, old_entry, &entry);
      }
    }
    if (old_map && old_map->kind == NodeKind::kMapping) {
      for (const MapEntry& entry : old_map->entries) {
        if (!seen.insert(entry.key).second) continue;
        Value(frame, entry.key, &entry, nullptr);
      }
    }
  }

 private:
  void Value(const Frame& parent, const std::string& key, const MapEntry* old_entry, const MapEntry* new_entry) {
    const Node* old_value = Present(old_entry ? &old_entry->value : nullptr);
    const Node* new_value = Present(new_entry ? &new_entry->value : nullptr);
    if (!old_value && !new_value) return;
    Frame frame = parent;
    frame.pattern = model::AppendPointer(parent.pattern, key);
    frame.display = parent.display.empty() ? key : parent.display + "." + key;
    frame.old_pointer = model::AppendPointer(parent.old_pointer, key);
    frame.new_pointer = model::AppendPointer(parent.new_pointer, key);
    KeyPolicy policy = table_.Lookup(frame.pattern, release_);

    if (policy.known && !policy.items_keyed_by.empty() && IsListOrAbsent(old_value) && IsListOrAbsent(new_value)) {
      KeyedList(frame, key, policy, old_value, new_value);
      return;
    }
    // Keys without metadata and free-form mappings are one value, judged by their own policy.
    const bool section = policy.known && !policy.free_form && table_.HasChildren(frame.pattern) &&
                         IsMappingOrAbsent(old_value) && IsMappingOrAbsent(new_value);
    if (section) {
      const bool in_old = HasEntries(old_value);
      const bool in_new = HasEntries(new_value);
      if (in_old && in_new) {
        Mapping(old_value, new_value, frame);
      } else if (in_old != in_new) {
        // Adding or removing a whole section is judged by the section's own policy, except that
        // an IGNORED section is judged key by key with its children's policies.
        if (policy.policy == "IGNORED") {
          Mapping(in_old ? old_value : nullptr, in_new ? new_value : nullptr, frame);
        } else {
          Emit(frame, key, policy, in_old ? old_entry : nullptr, in_new ? new_entry : nullptr);
        }
      }
      return;
    }
    if (SameValue(old_value, new_value)) return;
    Emit(frame, key, policy, old_value ? old_entry : nullptr, new_value ? new_entry : nullptr);
  }

  void KeyedList(const Frame& frame, const std::string& key, const KeyPolicy& policy, const Node* old_list,
                 const Node* new_list) {
    static const std::vector<Node> kNone;
    const std::vector<Node>& old_items = old_list ? old_list->items : kNone;
    const std::vector<Node>& new_items = new_list ? new_list->items : kNone;
    const std::string& item_key = policy.items_keyed_by;
    std::vector<bool> matched(old_items.size(), false);

    auto item_frame = [&](const Node* old_item, size_t old_index, const Node* new_item, size_t new_index) {
      Frame item = frame;
      item.pattern = frame.pattern + "/*";
      const Node* label = ItemKey(new_item ? *new_item : *old_item, item_key);
      // Named like ParallelCluster's change paths: SlurmQueues[q1]; an item without its key by index.
      std::string name =
          label && label->IsScalar() ? label->text : "#" + std::to_string(new_item ? new_index : old_index);
      item.display += "[" + name + "]";
      item.old_pointer = model::AppendPointer(frame.old_pointer, old_index);
      item.new_pointer = model::AppendPointer(frame.new_pointer, new_index);
      NodePair pair{old_item, new_item};
      if (frame.pattern == "/Scheduling/SlurmQueues") item.queue = pair;
      if (frame.pattern == "/Scheduling/SlurmQueues/*/ComputeResources") item.compute_resource = pair;
      if (frame.pattern == "/SharedStorage") item.storage = pair;
      if (frame.pattern == "/LoginNodes/Pools" && label && label->IsScalar()) item.pool = label->text;
      return item;
    };

    for (size_t i = 0; i < new_items.size(); ++i) {
      const Node& new_item = new_items[i];
      const Node* wanted = ItemKey(new_item, item_key);
      size_t j = 0;
      while (j < old_items.size() && (matched[j] || !SameValue(ItemKey(old_items[j], item_key), wanted))) ++j;
      if (j == old_items.size()) {
        Frame item = item_frame(nullptr, 0, &new_item, i);
        EmitItem(item, key, policy, nullptr, &new_item);
        continue;
      }
      matched[j] = true;
      Frame item = item_frame(&old_items[j], j, &new_item, i);
      if (old_items[j].kind == NodeKind::kMapping && new_item.kind == NodeKind::kMapping) {
        Mapping(&old_items[j], &new_item, item);
      } else if (!SameValue(&old_items[j], &new_item)) {
        EmitItem(item, key, policy, &old_items[j], &new_item);
      }
    }
    for (size_t j = 0; j < old_items.size(); ++j) {
      if (matched[j]) continue;
      Frame item = item_frame(&old_items[j], j, nullptr, 0);
      EmitItem(item, key, policy, &old_items[j], nullptr);
    }
  }

  Change Base(const Frame& frame, const std::string& key, const KeyPolicy& policy) {
    Change change;
    change.pattern = frame.pattern;
    change.display = frame.display;
    change.key = key;
    change.old_pointer = frame.old_pointer;
    change.new_pointer = frame.new_pointer;
    change.policy = policy;
    change.queue = frame.queue;
    change.compute_resource = frame.compute_resource;
    change.storage = frame.storage;
    change.pool = frame.pool;
    return change;
  }

  void Emit(const Frame& frame, const std::string& key, const KeyPolicy& policy, const MapEntry* old_entry,
            const MapEntry* new_entry) {
    Change change = Base(frame, key, policy);
    change.old_entry = old_entry;
    change.new_entry = new_entry;
    change.old_value = old_entry ? &old_entry->value : nullptr;
    change.new_value = new_entry ? &new_entry->value : nullptr;
    change.kind = !old_entry ? ChangeKind::kAdded : !new_entry ? ChangeKind::kRemoved : ChangeKind::kModified;
    out_.push_back(std::move(change));
  }

  void EmitItem(const Frame& frame, const std::string& key, const KeyPolicy& policy, const Node* old_item,
                const Node* new_item) {
    Change change = Base(frame, key, policy);
    change.pattern = frame.pattern.substr(0, frame.pattern.size() - 2);  // the list's own key
    change.list_item = true;
    change.old_value = old_item;
    change.new_value = new_item;
    change.old_item_key = old_item ? ItemKey(*old_item, policy.items_keyed_by) : nullptr;
    change.new_item_key = new_item ? ItemKey(*new_item, policy.items_keyed_by) : nullptr;
    change.kind = !old_item ? ChangeKind::kAdded : !new_item ? ChangeKind::kRemoved : ChangeKind::kModified;
    out_.push_back(std::move(change));
  }

  const PolicyTable& table_;
  const std::string& release_;
  std::vector<Change>& out_;
};

void AppendShort(const Node& node, std::string& out, size_t limit) {
  if (out.size() > limit) return;
  switch (node.kind) {
    case NodeKind::kNull: out += "null"; return;
    case NodeKind::kSequence:
      out += '[';
      for (size_t i = 0; i < node.items.size() && out.size() <= limit; ++i) {
        if (i) out += ", ";
        AppendShort(node.items[i], out, limit);
      }
      out += ']';
      return;
    case NodeKind::kMapping:
      out += '{';
      for (size_t i = 0; i < node.entries.size() && out.size() <= limit; ++i) {
        if (i) out += ", ";
        out += node.entries[i].key + ": ";
        AppendShort(node.entries[i].value, out, limit);
      }
      out += '}';
      return;
    default:
      if (node.kind == NodeKind::kString && node.text.empty()) {
        out += "''";
      } else {
        for (char c : node.text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
      }
  }
}

}  // namespace

std::vector<Change> CompareTrees(const Node& old_root, const Node& new_root, const PolicyTable& table,
                                 const std::string& release) {
  std::vector<Change> changes;
  Walker walker(table, release, changes);
  walker.Mapping(&old_root, &new_root, Frame{});
  return changes;
}

bool SameValue(const Node* a, const Node* b) {
  a = Present(a);
  b = Present(b);
  if (!a || !b) return a == b;
  auto numeric = [](const Node& n) {
    return n.kind == NodeKind::kInt || n.kind == NodeKind::kFloat;
  };
  if (numeric(*a) && numeric(*b)) {
    if (a->kind == NodeKind::kInt && b->kind == NodeKind::kInt) return a->int_value == b->int_value;
    double x = a->kind == NodeKind::kInt ? static_cast<double>(a->int_value) : a->float_value;
    double y = b->kind == NodeKind::kInt ? static_cast<double>(b->int_value) : b->float_value;
    return x == y;
  }
  if (a->kind != b->kind) return false;
  switch (a->kind) {
    case NodeKind::kBool: return a->bool_value == b->bool_value;
    case NodeKind::kString: return a->text == b->text;
    case NodeKind::kSequence:
      if (a->items.size() != b->items.size()) return false;
      for (size_t i = 0; i < a->items.size(); ++i) {
        if (!SameValue(&a->items[i], &b->items[i])) return false;
      }
      return true;
    case NodeKind::kMapping: {
      std::set<std::string> keys;
      for (const MapEntry& entry : a->entries) keys.insert(entry.key);
      for (const MapEntry& entry : b->entries) keys.insert(entry.key);
      for (const std::string& key : keys) {
        if (!SameValue(a->Find(key), b->Find(key))) return false;
      }
      return true;
    }
    default: return a->text == b->text;
  }
}

std::string ShortValue(const Node* node) {
  if (!node) return "(unset)";
  constexpr size_t kLimit = 60;
  std::string out;
  AppendShort(*node, out, kLimit);
  if (out.size() > kLimit) {
    size_t cut = kLimit - 3;
    // Never split a UTF-8 sequence: back up over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "...";
  }
  return out;
}

}  // namespace pcl::diff
