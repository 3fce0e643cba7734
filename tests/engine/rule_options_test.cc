// Typed rule options: declarations in rules/*.yaml are checked when the catalogue loads, values
// against their declared type, and every rule reads its options through the typed accessor.
#include <catch2/catch.hpp>

#include "engine/rule_meta.h"
#include "engine/rule_options.h"

namespace pcl::testing {
namespace {

// The errors of a catalogue made of one rule file whose options block is `options`.
std::vector<std::string> OptionErrors(const std::string& options) {
  const std::string text =
      "id: PCL3999\nname: new-check\nseverity: warning\nimplementation: native\nstage: lint\n"
      "summary: x.\noptions:\n" +
      options;
  std::vector<std::string> errors;
  engine::RuleCatalog::FromFiles({{"rules/PCL3999.yaml", text}}, errors);
  return errors;
}

TEST_CASE("option declarations are checked when the catalogue loads", "[engine][options]") {
  CHECK(OptionErrors("  n: {type: integer, default: 3, minimum: 0, description: d}\n").empty());
  CHECK(OptionErrors("  n: 3\n") ==
        std::vector<std::string>{"rules/PCL3999.yaml: option 'n': declare it as {type, default, description}"});
  CHECK(OptionErrors("  n: {type: number, default: 3, description: d}\n") ==
        std::vector<std::string>{"rules/PCL3999.yaml: option 'n': type must be boolean, integer, string, date, "
                                 "string-list or date-map"});
  CHECK(OptionErrors("  n: {type: integer, default: 40, maximum: 32, description: d}\n") ==
        std::vector<std::string>{"rules/PCL3999.yaml: option 'n': default must be an integer of at most 32"});
  CHECK(OptionErrors("  n: {type: boolean, description: d}\n") ==
        std::vector<std::string>{"rules/PCL3999.yaml: option 'n': default is required"});
  CHECK(OptionErrors("  n: {type: boolean, default: true}\n") ==
        std::vector<std::string>{"rules/PCL3999.yaml: option 'n': description is required"});
  CHECK(OptionErrors("  n: {type: string, default: a, enum: [a, b], minimum: 1, description: d}\n") ==
        std::vector<std::string>{"rules/PCL3999.yaml: option 'n': minimum and maximum are for integers"});
  CHECK(OptionErrors("  n: {type: string, default: c, enum: [a, b], description: d}\n") ==
        std::vector<std::string>{"rules/PCL3999.yaml: option 'n': default must be one of: a, b"});
  CHECK(OptionErrors("  n: {type: boolean, default: true, description: d, help: h}\n") ==
        std::vector<std::string>{"rules/PCL3999.yaml: option 'n': unknown field 'help' (known: type, default, "
                                 "minimum, maximum, enum, description)"});
}

TEST_CASE("option values are checked against their declared type", "[engine][options]") {
  engine::OptionSpec dates{"date-map", nlohmann::json::object(), {}, {}, {}, "d"};
  CHECK(engine::CheckOptionValue(dates, {{"alinux2", "2026-06-30"}}).empty());
  CHECK(engine::CheckOptionValue(dates, {{"alinux2", "June"}}) == "a mapping of names to dates written YYYY-MM-DD");
  engine::OptionSpec list{"string-list", nlohmann::json::array(), {}, {}, {}, "d"};
  CHECK(engine::CheckOptionValue(list, {"a", "b"}).empty());
  CHECK(engine::CheckOptionValue(list, {"a", 1}) == "a list of strings");
  engine::OptionSpec date{"date", "", {}, {}, {}, "d"};
  CHECK(engine::CheckOptionValue(date, "").empty());  // empty: the system clock
  CHECK(engine::CheckOptionValue(date, "2026-02-30") == "a date written YYYY-MM-DD");
  engine::OptionSpec level{"string", "a", {}, {}, {"a", "b"}, "d"};
  CHECK(engine::CheckOptionValue(level, "b").empty());
  CHECK(engine::DescribeOptionType(level) == "one of: a, b");
}

TEST_CASE("every rule's option defaults are typed and described", "[engine][options]") {
  int declared = 0;
  for (const auto& [id, meta] : engine::RuleCatalog::EmbeddedWithDocs().rules()) {
    for (const auto& [name, spec] : meta.option_specs) {
      INFO(id << " " << name);
      ++declared;
      CHECK(engine::CheckOptionValue(spec, spec.default_value).empty());
      CHECK(meta.options.at(name) == spec.default_value);
    }
  }
  CHECK(declared == 16);
}

}  // namespace
}  // namespace pcl::testing
