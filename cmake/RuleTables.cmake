# Generates the rule tables from rules/*.yaml into PCL_OUT_DIR (build/generated):
# - ids/<stage>.h: an id constant per rule of that stage, named after the rule (ids::kSyntaxError);
# - rule_kinds.h and rule_info.cc: the Stage and Implementation enums, and every rule's id, name,
#   stage, implementation, severity and `fatal` (ids::AllRules, ids::FindRule);
# - native_rule_table.cc: the factory of every native rule (rules/native_rules.h). Run at configure time from CMakeLists.txt, and by a test
# (`cmake -DPCL_SOURCE_DIR=... -DPCL_OUT_DIR=... -P cmake/RuleTables.cmake`) that compares a fresh
# run with what the build compiled.
#
# Why CMake and not pcl_data_pack: the parsers (pcl_front) use the ids, and pcl_data_pack links
# pcl_front, so the ids must exist before pcl_data_pack can be built. This script reads only the
# top-level one-line fields `id:`, `name:`, `severity:`, `implementation:`, `stage:` and `fatal:`
# (the catalogue, which parses the whole YAML, checks the same fields again at run time and a test
# checks the two agree). It fails naming the file when a field is malformed, when a native rule has
# no src/rules/<id>_<name>.cc, or when such a file has no native rule.

cmake_minimum_required(VERSION 3.25)  # script mode (-P) sets no policies otherwise
if(NOT PCL_SOURCE_DIR OR NOT PCL_OUT_DIR)
  message(FATAL_ERROR "RuleTables.cmake: set PCL_SOURCE_DIR and PCL_OUT_DIR")
endif()

# The stages, in the order they run; data and native rules are all `lint`.
set(pcl_stages input schema migration lint update)
set(pcl_kinds builtin data native)

# kebab-case → PascalCase: ssh-open-to-world → SshOpenToWorld.
function(pcl_pascal_case text out)
  string(REPLACE "-" ";" parts "${text}")
  set(result "")
  foreach(part IN LISTS parts)
    string(SUBSTRING "${part}" 0 1 head)
    string(SUBSTRING "${part}" 1 -1 tail)
    string(TOUPPER "${head}" head)
    string(APPEND result "${head}${tail}")
  endforeach()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

file(GLOB pcl_rule_yaml "${PCL_SOURCE_DIR}/rules/*.yaml")
list(SORT pcl_rule_yaml)
file(GLOB pcl_rule_cc RELATIVE "${PCL_SOURCE_DIR}/src/rules" "${PCL_SOURCE_DIR}/src/rules/pcl*.cc")

foreach(stage IN LISTS pcl_stages)
  set(ids_${stage} "")
endforeach()
set(rows "")
set(declarations "")
set(natives "")
set(expected_cc "")
foreach(path IN LISTS pcl_rule_yaml)
  file(RELATIVE_PATH relative "${PCL_SOURCE_DIR}" "${path}")
  foreach(field id name severity implementation stage fatal)
    set(${field} "")
  endforeach()
  file(STRINGS "${path}" lines REGEX "^(id|name|severity|implementation|stage|fatal):")
  foreach(line IN LISTS lines)
    if(line MATCHES "^([a-z]+): *([^ #]*)")
      set(${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
    endif()
  endforeach()
  if(NOT id MATCHES "^PCL[0-9][0-9][0-9][0-9]$")
    message(FATAL_ERROR "${relative}: id must be PCL followed by 4 digits")
  endif()
  if(NOT relative STREQUAL "rules/${id}.yaml")
    message(FATAL_ERROR "${relative}: a rule file is named after its id (rules/${id}.yaml)")
  endif()
  if(NOT name MATCHES "^[a-z0-9]+(-[a-z0-9]+)*$")
    message(FATAL_ERROR "${relative}: name must be kebab-case")
  endif()
  if(NOT severity MATCHES "^(error|warning|info)$")
    message(FATAL_ERROR "${relative}: severity must be error, warning or info")
  endif()
  if(NOT implementation IN_LIST pcl_kinds)
    message(FATAL_ERROR "${relative}: implementation must be one of: ${pcl_kinds}")
  endif()
  if(NOT stage IN_LIST pcl_stages)
    message(FATAL_ERROR "${relative}: stage must be one of: ${pcl_stages}")
  endif()
  if(NOT implementation STREQUAL "builtin" AND NOT stage STREQUAL "lint")
    message(FATAL_ERROR "${relative}: a ${implementation} rule runs in the lint stage (stage: lint)")
  endif()
  if(NOT fatal MATCHES "^(|true|false)$")
    message(FATAL_ERROR "${relative}: fatal must be true or false")
  endif()
  if(NOT fatal)
    set(fatal false)
  endif()
  pcl_pascal_case("${name}" pascal)
  pcl_pascal_case("${stage}" stage_enum)
  pcl_pascal_case("${implementation}" kind_enum)
  pcl_pascal_case("${severity}" severity_enum)
  string(APPEND ids_${stage} "inline constexpr char k${pascal}[] = \"${id}\";\n")
  string(APPEND rows "    {\"${id}\", \"${name}\", Stage::k${stage_enum}, Implementation::k${kind_enum}, "
                     "model::Severity::k${severity_enum}, ${fatal}},\n")
  if(implementation STREQUAL "native")
    string(TOLOWER "${id}" lower_id)
    string(REPLACE "-" "_" snake "${name}")
    set(file "${lower_id}_${snake}.cc")
    if(NOT file IN_LIST pcl_rule_cc)
      message(FATAL_ERROR "${relative}: native rule ${id} (${name}) has no src/rules/${file}")
    endif()
    list(APPEND expected_cc "${file}")
    string(SUBSTRING "${lower_id}" 1 -1 digits_tail)
    set(factory "NewP${digits_tail}${pascal}")
    string(APPEND declarations "std::unique_ptr<engine::Rule> ${factory}();\n")
    string(APPEND natives "      {\"${id}\", ${factory}},\n")
  endif()
endforeach()
foreach(file IN LISTS pcl_rule_cc)
  if(NOT file IN_LIST expected_cc)
    message(FATAL_ERROR "src/rules/${file}: no rules/PCLnnnn.yaml with implementation: native names it "
                        "(the file must be src/rules/<lower-case id>_<name with _ for ->.cc)")
  endif()
endforeach()

# An enum and the names as written in the YAML (same order), for the stages and the kinds.
foreach(list stages kinds)
  set(${list}_enums "")
  set(${list}_names "")
  foreach(word IN LISTS pcl_${list})
    pcl_pascal_case("${word}" pascal)
    list(APPEND ${list}_enums "k${pascal}")
    list(APPEND ${list}_names "\"${word}\"")
  endforeach()
  string(REPLACE ";" ", " ${list}_enums "${${list}_enums}")
  string(REPLACE ";" ", " ${list}_names "${${list}_names}")
endforeach()

# Stable across rule additions (written only when it changes), so that adding a rule does not
# recompile every file that knows what a stage is.
set(kinds "// Generated by cmake/RuleTables.cmake from rules/*.yaml at configure time; do not edit.
#pragma once

#include <span>
#include <string_view>

#include \"model/diagnostic.h\"

namespace pcl::ids {

/// Where a rule's findings come from (the rule file's `stage:`), in the order a check runs them.
enum class Stage { ${stages_enums} };
inline constexpr std::string_view kStageNames[] = {${stages_names}};
/// Who emits a rule's findings (the rule file's `implementation:`): the tool itself, a data rule's
/// match block, or C++ (src/rules/).
enum class Implementation { ${kinds_enums} };
inline constexpr std::string_view kImplementationNames[] = {${kinds_names}};

struct RuleInfo {
  std::string_view id;
  std::string_view name;
  Stage stage;
  Implementation implementation;
  model::Severity severity;
  bool fatal;  ///< the file could not be read at all: the finding cannot be turned off
};

/// Every rule, sorted by id (generated/rule_info.cc).
std::span<const RuleInfo> AllRules();
/// The rule with `id`, or nullptr.
const RuleInfo* FindRule(std::string_view id);

}  // namespace pcl::ids
")

set(info "// Generated by cmake/RuleTables.cmake from rules/*.yaml at configure time; do not edit.
#include \"generated/rule_kinds.h\"

#include <algorithm>
#include <iterator>

namespace pcl::ids {
namespace {

constexpr RuleInfo kRules[] = {
${rows}};

}  // namespace

std::span<const RuleInfo> AllRules() { return kRules; }

const RuleInfo* FindRule(std::string_view id) {
  auto it = std::lower_bound(std::begin(kRules), std::end(kRules), id,
                             [](const RuleInfo& rule, std::string_view key) { return rule.id < key; });
  return it != std::end(kRules) && it->id == id ? &*it : nullptr;
}

}  // namespace pcl::ids
")

set(table "// Generated by cmake/RuleTables.cmake from rules/*.yaml at configure time; do not edit.
#include \"rules/native_rules.h\"

namespace pcl::rules {

// One factory per native rule, defined in src/rules/<id>_<name>.cc.
${declarations}
const std::vector<NativeRuleEntry>& NativeRules() {
  static const std::vector<NativeRuleEntry> kRules = {
${natives}  };
  return kRules;
}

}  // namespace pcl::rules
")

# One header of id constants per stage (generated/ids/<stage>.h): adding a lint rule recompiles no
# parser, schema, migration or diff file.
file(MAKE_DIRECTORY "${PCL_OUT_DIR}/ids")
set(outputs "rule_kinds.h;kinds" "rule_info.cc;info" "native_rule_table.cc;table")
foreach(stage IN LISTS pcl_stages)
  set(ids_header_${stage} "// Generated by cmake/RuleTables.cmake from rules/*.yaml at configure time; do not edit.
// The id of every rule whose stage is ${stage}, named after the rule's name.
#pragma once

namespace pcl::ids {

${ids_${stage}}
}  // namespace pcl::ids
")
  list(APPEND outputs "ids/${stage}.h;ids_header_${stage}")
endforeach()
# Written only when the text changes, so that a re-configure does not rebuild every user.
list(LENGTH outputs count)
math(EXPR last "${count} - 1")
foreach(index RANGE 0 ${last} 2)
  math(EXPR next "${index} + 1")
  list(GET outputs ${index} name)
  list(GET outputs ${next} variable)
  file(WRITE "${PCL_OUT_DIR}/${name}.tmp" "${${variable}}")
  file(COPY_FILE "${PCL_OUT_DIR}/${name}.tmp" "${PCL_OUT_DIR}/${name}" ONLY_IF_DIFFERENT)
  file(REMOVE "${PCL_OUT_DIR}/${name}.tmp")
endforeach()
