// The rule catalogue over the real-world corpus: counts by rule (noise made visible), and no
// error-severity rule finding on a file the official schema accepts unless listed with a reason.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "engine/engine_support.h"
#include "test_support.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

// (rule id, corpus file) pairs that fire an error on a schema-valid file, because the rule mirrors
// an official validator that runs after the schema and would fail that file too.
const std::map<std::pair<std::string, std::string>, std::string>& AcceptedErrors() {
  // Official unit-test and example configs name compute resources compute_resource1 and the like.
  static const std::string kBadName =
      "NameValidator: a queue or compute resource name with '_', upper case or more than 25 characters";
  static const std::map<std::pair<std::string, std::string>, std::string> kAccepted = {
      {{"PCL6001", "v3-real/aws-parallelcluster-example-configs/pcluster__example_configs__awsbatch.full.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-example-configs/pcluster__example_configs__awsbatch.simple.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-integ-tests/tests__cli_commands__test_cli_commands__test_slurm_cli_commands__pcluster.config.with.warnings.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__schemas__test_cluster_schema__test_scheduler_constraints_for_custom_actions__awsbatch.no_actions.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__schemas__test_cluster_schema__test_scheduler_constraints_for_custom_actions__awsbatch.on_node_configured.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__schemas__test_cluster_schema__test_scheduler_constraints_for_custom_actions__awsbatch.on_node_start.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__schemas__test_cluster_schema__test_scheduler_constraints_for_custom_actions__slurm.no_actions.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__schemas__test_cluster_schema__test_scheduler_constraints_for_custom_actions__slurm.on_node_configured.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__schemas__test_cluster_schema__test_scheduler_constraints_for_custom_actions__slurm.on_node_start.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__schemas__test_cluster_schema__test_scheduler_constraints_for_custom_actions__slurm.on_node_updated.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__schemas__test_cluster_schema__test_scheduler_constraints_for_intel_packages__awsbatch.disabled.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_additional_packages__test_intel_hpc_platform__config-disabled.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_additional_packages__test_intel_hpc_platform__config-enabled.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_capacity_reservation__test_capacity_reservation_group_arns_permissions__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_capacity_reservation__test_capacity_reservation_id_permissions__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cdk_builder_utils__test_iam_resource_prefix_build_in_cdk__resourcePrefix.both_path_n_role_prefix.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cdk_builder_utils__test_iam_resource_prefix_build_in_cdk__resourcePrefix.both_path_n_role_prefix_with_s3.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cdk_builder_utils__test_iam_resource_prefix_build_in_cdk__resourcePrefix.no_prefix.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cdk_builder_utils__test_iam_resource_prefix_build_in_cdk__resourcePrefix.only_path_prefix.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cdk_builder_utils__test_iam_resource_prefix_build_in_cdk__resourcePrefix.only_role_prefix.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_cluster_config_limits__slurm.full.all_resources.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_cluster_resource_distribution_in_stacks__variable_queue_compute_resources.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_custom_munge_key_iam_policy__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_custom_munge_key_iam_policy__config_with_login_nodes.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_head_node_dna_json__awsbatch-imds-secured-false.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_head_node_dna_json__default-user-local-home.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_head_node_dna_json__slurm-headnode-hooks-full.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_head_node_dna_json__slurm-imds-secured-false.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_head_node_dna_json__slurm-imds-secured-true.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_head_node_security_group__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_security_group_with_restricted_ssh_access__config_restricted_ssh_cidr.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cluster_stack__test_security_group_with_restricted_ssh_access__config_restricted_ssh_prefix_list.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cw_dashboard_builder__test_cw_dashboard_builder__alinux2.batch.head_node_log.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cw_dashboard_builder__test_cw_dashboard_builder__alinux2.batch.no_head_node_log.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cw_dashboard_builder__test_cw_dashboard_builder__alinux2.slurm.conditional_vol.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cw_dashboard_builder__test_cw_dashboard_builder__rhel8.slurm.full.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cw_dashboard_builder__test_cw_dashboard_builder__ubuntu20.slurm.no_dashboard.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_cw_dashboard_builder__test_cw_dashboard_builder__ubuntu20.slurm.simple.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_dev_settings__test_custom_cookbook__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_directory_service__test_head_node_permissions__config-ssm.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_directory_service__test_head_node_permissions__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_iam__test_iam_permissions_boundary__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_scheduling__test_additional_security_groups__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_scheduling__test_head_node_custom_pass_role__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_scheduling__test_head_node_mixed_pass_role__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_scheduling__test_permissions_for_slurm_db_secret__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_shared_storage__test_efs_permissions__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_shared_storage__test_non_happy_storage__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_shared_storage__test_non_happy_storage__file_cache_config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_shared_storage__test_shared_storage_ebs__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_shared_storage__test_shared_storage_efs__config-custom-sg.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_shared_storage__test_shared_storage_efs__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_shared_storage__test_shared_storage_fsx__config-custom-sg.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_shared_storage__test_shared_storage_fsx__config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__templates__test_shared_storage__test_unmanaged_shared_storage_fsx__unmanaged_config.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__validators__test_all_validators__test_slurm_all_validators_are_called__slurm_1.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__validators__test_all_validators__test_slurm_all_validators_are_called__slurm_2.yaml"},
       kBadName},
      {{"PCL6001", "v3-real/aws-parallelcluster-unittests/pcluster__validators__test_all_validators__test_slurm_validators_are_called_with_correct_argument__slurm.yaml"},
       kBadName},
      {{"PCL6001", "v3-samples/edge-name-upper.yaml"},
       kBadName},
      {{"PCL6005", "v3-real/gmarciani-pcluster-configurations/cluster-config__capacity-block__config.yaml"},
       "ComputeResourceSizeValidator: a CAPACITY_BLOCK resource with MinCount 1 and MaxCount 3"},
      {{"PCL6007", "v3-real/aws-parallelcluster-unittests/pcluster__validators__test_all_validators__test_slurm_validators_are_called_with_correct_argument__slurm.yaml"},
       "CapacityReservationValidator: Instances together with a CapacityReservationId (validator unit-test input)"},
      {{"PCL6017", "v3-samples/edge-custom-slurm-list.yaml"},
       "CustomSlurmSettingsValidator: Epilog is on the cluster-level deny list"},
      {{"PCL6020", "v3-real/aws-parallelcluster-example-configs/pcluster__example_configs__slurm.full.yaml"},
       "ExternalSlurmdbdVsDatabaseIncompatibility: the example sets Database and ExternalSlurmdbd"},
      {{"PCL6021", "v3-real/aws-parallelcluster-example-configs/pcluster__example_configs__slurm.full.yaml"},
       "ExternalSlurmdbdRequiresCustomMungeKey: the example sets ExternalSlurmdbd without MungeKeySecretArn"},
  };
  return kAccepted;
}

// file (relative to the corpus) → official rc, from both verdict tables.
std::map<std::string, int> OfficialVerdicts(const std::string& corpus) {
  std::map<std::string, int> verdicts;
  auto read = [&](const std::string& table, const std::string& prefix) {
    std::stringstream lines(ReadFile(table));
    std::string line;
    while (std::getline(lines, line)) {
      size_t tab = line.find('\t');
      if (tab == std::string::npos || line.rfind("file\t", 0) == 0) continue;
      std::string rc = line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
      if (!rc.empty() && std::isdigit(static_cast<unsigned char>(rc[0]))) verdicts[prefix + line.substr(0, tab)] = std::stoi(rc);
    }
  };
  read(corpus + "/v3-real-verdicts.tsv", "");
  read(corpus + "/v3-samples/verdicts.tsv", "v3-samples/");
  return verdicts;
}

TEST_CASE("rules over the corpus: counts by rule, no errors on schema-valid files", "[rules][corpus]") {
  auto corpus = CorpusDir();
  if (!corpus) {
    ReportSkipped("../shared/corpus not found");
    return;
  }
  auto rules = OnlyRules({"ALL"});
  std::map<std::string, int> by_rule;
  std::map<std::string, int> verdicts = OfficialVerdicts(*corpus);
  int files = 0;
  std::vector<std::string> unexpected;
  for (const char* dir : {"v3-real", "v3-samples"}) {
    for (const std::string& path : ListFiles(*corpus + "/" + dir, ".yaml")) {
      std::string relative = fs::relative(path, *corpus).string();
      ++files;
      engine::CheckOptions options;
      options.rules = rules.get();
      engine::FileResult result = engine::CheckFile(path, options);
      auto verdict = verdicts.find(relative);
      bool officially_valid = verdict != verdicts.end() && verdict->second == 0;
      for (const auto& d : result.diagnostics) {
        ++by_rule[d.rule_id];
        char family = d.rule_id.size() > 3 ? d.rule_id[3] : '0';
        if (officially_valid && d.severity == model::Severity::kError && family != '0' && family != '1' &&
            !AcceptedErrors().count({d.rule_id, relative})) {
          unexpected.push_back(relative + ":" + std::to_string(d.range.begin.line) + " " + d.rule_id + " " + d.message);
        }
      }
    }
  }
  std::cout << "corpus: " << files << " v3 files; findings by rule:";
  for (const auto& [id, count] : by_rule) std::cout << " " << id << "=" << count;
  std::cout << std::endl;
  for (const auto& u : unexpected) UNSCOPED_INFO(u);
  CHECK(unexpected.empty());
}

}  // namespace
}  // namespace pcl::testing
