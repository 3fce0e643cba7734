// The shared v2 corpus against the official converter's outputs: same data except at documented
// deviations, same rejections, valid v3, and a migration report that accounts for every key.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "migrate/migrate.h"
#include "migrate/py_text.h"
#include "model/json_pointer.h"
#include "parsers/load.h"
#include "parsers/yaml_v3.h"
#include "pipeline/runner.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr char kAccount[] = "123456789012";  // what STS returned in the official offline runs

struct Deviation {
  std::string id, kind, pattern, official, when;
};

std::vector<Deviation> Deviations() {
  std::vector<Deviation> out;
  std::istringstream lines(ReadFile(SourceDir() + "/fixtures/migrate/documented-deviations.tsv"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::istringstream row(line);
    std::string cell;
    while (std::getline(row, cell, '\t')) cells.push_back(cell);
    if (cells.size() == 5) out.push_back({cells[0], cells[1], cells[2], cells[3], cells[4]});
  }
  return out;
}

bool PatternMatches(const std::string& pattern, const std::string& pointer) {
  auto want = model::SplitPointer(pattern);
  auto have = model::SplitPointer(pointer);
  if (!want || !have || want->size() != have->size()) return false;
  for (size_t i = 0; i < want->size(); ++i) {
    if ((*want)[i] != "*" && (*want)[i] != (*have)[i]) return false;
  }
  return true;
}

// One difference between our data and the official data.
struct Difference {
  std::string kind;  // only-ours | only-official | value
  std::string pointer;
  json official;
  json official_parent;
};

void Diff(const json& ours, const json& official, const std::string& pointer, const json& parent,
          std::vector<Difference>& out) {
  if (ours.is_object() && official.is_object()) {
    for (auto it = official.begin(); it != official.end(); ++it) {
      const std::string p = model::AppendPointer(pointer, it.key());
      if (!ours.contains(it.key())) {
        out.push_back({"only-official", p, it.value(), official});
      } else {
        Diff(ours[it.key()], it.value(), p, official, out);
      }
    }
    for (auto it = ours.begin(); it != ours.end(); ++it) {
      if (!official.contains(it.key()))
        out.push_back({"only-ours", model::AppendPointer(pointer, it.key()), nullptr, official});
    }
  } else if (ours.is_array() && official.is_array()) {
    for (size_t i = 0; i < std::max(ours.size(), official.size()); ++i) {
      const std::string p = model::AppendPointer(pointer, i);
      if (i >= ours.size()) {
        out.push_back({"only-official", p, official[i], official});
      } else if (i >= official.size()) {
        out.push_back({"only-ours", p, nullptr, official});
      } else {
        Diff(ours[i], official[i], p, official, out);
      }
    }
  } else if (ours != official) {
    out.push_back({"value", pointer, official, parent});
  }
}

const Deviation* Documented(const Difference& d, const std::vector<Deviation>& table) {
  for (const Deviation& row : table) {
    if (row.kind != d.kind || !PatternMatches(row.pattern, d.pointer)) continue;
    if (row.official != "-" &&
        (d.official.is_string() ? d.official.get<std::string>() : d.official.dump()) != row.official) {
      continue;
    }
    if (row.when != "-" && !(d.official_parent.is_object() && d.official_parent.contains(row.when))) continue;
    return &row;
  }
  return nullptr;
}

// D23: a [raid] section without raid_type is left out, while the official converter writes it
// after the EBS entries under its label. Removes that entry from the official data; true if any.
bool RemoveLeftOutRaid(const migrate::MigrationResult& result, json& official) {
  std::set<std::string> labels;
  for (const migrate::KeyFate& fate : result.keys) {
    if (fate.section.rfind("raid ", 0) == 0 && fate.category == "ignored-by-v2") labels.insert(fate.section.substr(5));
  }
  bool removed = false;
  json* storage = official.contains("SharedStorage") ? &official["SharedStorage"] : nullptr;
  for (const std::string& label : labels) {
    if (!storage || !storage->is_array()) break;
    for (size_t i = storage->size(); i-- > 0;) {
      const json& item = (*storage)[i];
      if (item.value("Name", "") == label && item.value("StorageType", "") == "Ebs") {
        storage->erase(i);
        removed = true;
        break;
      }
    }
  }
  return removed;
}

json YamlData(const std::string& name, const std::string& text) {
  auto parsed = parsers::ParseYamlV3(std::make_shared<model::SourceFile>(name, text));
  REQUIRE(parsed.document.ok);
  return model::ToJson(parsed.document.root);
}

// One corpus run: a v2 file with the official arguments (and --force-convert for .force).
struct Run {
  std::string name;    // e.g. fx-slurm_full.force
  std::string corpus;  // corpus root
  fs::path input;
  migrate::MigrateOptions options;
  int official_rc = 0;
  parsers::ParseResult parsed;
  migrate::MigrationResult result;
};

std::vector<Run> Runs(const std::string& corpus) {
  std::map<std::string, std::string> args;
  std::istringstream lines(ReadFile(corpus + "/v2/ARGS.tsv"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab != std::string::npos) args[line.substr(0, tab)] = line.substr(tab + 1);
  }
  std::vector<Run> runs;
  for (const std::string& file : ListFiles(corpus + "/v2", ".ini")) {
    const fs::path input(file);
    const std::string stem = input.stem().string();
    for (const std::string variant : {"", ".force"}) {
      const std::string rc = corpus + "/v2-expected/" + stem + variant + ".rc";
      if (!fs::exists(rc)) continue;
      Run run;
      run.name = stem + variant;
      run.corpus = corpus;
      run.input = input;
      run.official_rc = std::stoi(ReadFile(rc));
      std::istringstream words(args[input.filename().string()]);
      std::string word;
      while (words >> word) {
        if (word == "--cluster-template") words >> run.options.cluster_template;
      }
      run.options.force_convert = !variant.empty();
      run.options.account_id = kAccount;
      run.parsed = parsers::LoadFile(file);
      run.result = migrate::Migrate(run.parsed.document, run.parsed.diagnostics, run.options);
      runs.push_back(std::move(run));
    }
  }
  return runs;
}

const std::vector<Run>& CorpusRuns(const std::string& corpus) {
  static const std::vector<Run> kRuns = Runs(corpus);
  return kRuns;
}

TEST_CASE("corpus: same data as the official converter except at documented deviations", "[migrate][corpus]") {
  auto corpus = CorpusDir();
  if (!corpus) return ReportSkipped("no ../shared/corpus");
  const std::vector<Deviation> table = Deviations();
  REQUIRE_FALSE(table.empty());
  int equal = 0, documented = 0, other = 0, both_reject = 0;
  std::set<std::string> used;
  for (const Run& run : CorpusRuns(*corpus)) {
    const std::string expected = run.corpus + "/v2-expected/" + run.name;
    INFO(run.name);
    if (run.official_rc == 0) {
      if (!run.result.ok) {
        // We refuse what the official converter converts: only for documented reasons.
        bool all_documented = true;
        for (const auto& d : run.result.findings) {
          if (d.severity != model::Severity::kError) continue;
          bool listed = false;
          for (const Deviation& row : table) {
            if (row.kind == "rejected" && row.pattern == d.rule_id) {
              used.insert(row.id);
              listed = true;
            }
          }
          if (!listed) UNSCOPED_INFO(run.name << ": undocumented rejection " << d.rule_id << " " << d.message);
          all_documented = all_documented && listed;
        }
        (all_documented ? documented : other)++;
        continue;
      }
      std::vector<Difference> diffs;
      json official = YamlData("official.yaml", ReadFile(expected + ".yaml"));
      const bool raid_left_out = RemoveLeftOutRaid(run.result, official);
      if (raid_left_out) used.insert("D23");
      Diff(YamlData("ours.yaml", run.result.yaml), official, "", nullptr, diffs);
      bool all_documented = true;
      for (const Difference& d : diffs) {
        const Deviation* row = Documented(d, table);
        if (row) {
          used.insert(row->id);
        } else {
          all_documented = false;
          UNSCOPED_INFO(run.name << ": undocumented " << d.kind << " at " << d.pointer << " (official "
                                 << d.official.dump() << ")");
        }
      }
      (diffs.empty() && !raid_left_out ? equal : all_documented ? documented : other)++;
    } else if (run.result.ok) {
      // We convert what the official converter refuses: only where its error is a documented defect.
      const std::string error = ReadFile(expected + ".stderr");
      bool listed = false;
      for (const Deviation& row : table) {
        if (row.kind == "converted" && error.find(row.pattern) != std::string::npos) {
          used.insert(row.id);
          listed = true;
        }
      }
      if (!listed) UNSCOPED_INFO(run.name << ": converted although the official converter refuses it");
      (listed ? documented : other)++;
    } else {
      ++both_reject;
      // The finding names the line.
      bool has_line = false;
      for (const auto& d : run.result.findings) {
        if (d.severity == model::Severity::kError && d.range.begin.line > 0) has_line = true;
      }
      CHECK(has_line);
    }
  }
  std::printf(
      "migrate corpus: %d equal, %d differ only at documented deviations, %d differ otherwise; "
      "%d rejected by both\n",
      equal, documented, other, both_reject);
  CHECK(other == 0);
  CHECK(equal + documented > 100);
}

TEST_CASE("corpus: every converted file passes the v3 schema check", "[migrate][corpus]") {
  auto corpus = CorpusDir();
  if (!corpus) return ReportSkipped("no ../shared/corpus");
  int converted = 0, user_values = 0;
  for (const Run& run : CorpusRuns(*corpus)) {
    if (!run.result.ok) continue;
    ++converted;
    for (const auto& d : pipeline::CheckMigratedYaml("out.yaml", run.result, run.parsed.document, "3.12")) {
      if (d.severity != model::Severity::kError) continue;
      // A value copied as written (a placeholder subnet id, an OS v3 dropped) is the user's to fix
      // and is reported at its v2 line; anything the migration built must be valid.
      migrate::OutNode tree = run.result.tree;
      const migrate::OutNode* node = migrate::FindOut(tree, d.pointer);
      if (node && node->user_value) {
        ++user_values;
        CHECK_FALSE(d.notes.empty());
        continue;
      }
      FAIL_CHECK(run.name << ": " << d.range.begin.line << ":" << d.range.begin.column << " " << d.rule_id << " "
                          << d.message << " at " << d.pointer);
    }
  }
  std::printf("migrate corpus: %d converted files checked; %d schema errors at values copied from v2\n", converted,
              user_values);
  CHECK(converted > 100);
}

// The sections the report must cover, worked out independently of the migration code.
std::set<std::string> ExpectedSections(const model::Document& doc, const std::string& cluster) {
  std::set<std::string> out = {"aws", "global", "aliases", "DEFAULT", cluster};
  const model::Node* c = doc.root.Find(cluster);
  auto text = [&](const model::Node* section, const char* key) {
    const model::Node* value = section ? section->Find(key) : nullptr;
    return value ? value->text : std::string();
  };
  for (const char* kind : {"vpc", "scaling", "dcv", "cw_log", "dashboard"}) {
    const std::string label = migrate::py::Strip(text(c, (std::string(kind) + "_settings").c_str()));
    if (!label.empty()) out.insert(std::string(kind) + " " + label);
  }
  for (const char* kind : {"ebs", "raid", "efs", "fsx", "queue"}) {
    for (const std::string& label : migrate::py::SplitLabels(text(c, (std::string(kind) + "_settings").c_str()))) {
      out.insert(std::string(kind) + " " + label);
      if (std::string(kind) != "queue") continue;
      for (const std::string& cr :
           migrate::py::SplitLabels(text(doc.root.Find("queue " + label), "compute_resource_settings"))) {
        out.insert("compute_resource " + cr);
      }
    }
  }
  return out;
}

TEST_CASE("corpus: the migration report accounts for every key", "[migrate][corpus]") {
  auto corpus = CorpusDir();
  if (!corpus) return ReportSkipped("no ../shared/corpus");
  int files = 0;
  size_t keys = 0;
  for (const Run& run : CorpusRuns(*corpus)) {
    if (run.result.cluster_section.empty()) continue;
    ++files;
    std::map<std::pair<std::string, std::string>, const migrate::KeyFate*> fates;
    for (const auto& fate : run.result.keys) {
      INFO(run.name << " [" << fate.section << "] " << fate.key);
      CHECK(fates.emplace(std::make_pair(fate.section, fate.key), &fate).second);  // listed once
    }
    migrate::OutNode tree = run.result.tree;
    const std::set<std::string> sections = ExpectedSections(run.parsed.document, run.result.cluster_section);
    for (const auto& section : run.parsed.document.root.entries) {
      if (!sections.count(section.key)) continue;
      for (const auto& option : section.value.entries) {
        INFO(run.name << " [" << section.key << "] " << option.key);
        auto it = fates.find({section.key, option.key});
        REQUIRE(it != fates.end());
        const migrate::KeyFate& fate = *it->second;
        CHECK(fate.key_range.begin.line > 0);
        if (fate.kind == migrate::KeyFate::Kind::kConverted) {
          CHECK_FALSE(fate.pointers.empty());
        } else if (fate.kind == migrate::KeyFate::Kind::kDropped) {
          CHECK_FALSE(fate.category.empty());
          CHECK_FALSE(fate.detail.empty());
        }
        if (run.result.ok) {
          for (const std::string& pointer : fate.pointers) CHECK(migrate::FindOut(tree, pointer) != nullptr);
        }
        ++keys;
      }
    }
  }
  std::printf("migrate corpus: %zu keys of %d files accounted for\n", keys, files);
  CHECK(files > 100);
}

}  // namespace
}  // namespace pcl::testing
