// THE table of native rules. Adding a rule: one factory declaration and one line in its family.
#include "rules/native_rules.h"

namespace pcl::rules {

// Factories, one per native rule file (src/rules/pclNNNN_<name>.cc), grouped by family.
// -- network (PCL3) --
std::unique_ptr<engine::Rule> NewPcl3001SshOpenToWorld();
std::unique_ptr<engine::Rule> NewPcl3002DcvOpenToWorld();
std::unique_ptr<engine::Rule> NewPcl3003AllowedIpsHostBits();
std::unique_ptr<engine::Rule> NewPcl3004EfaMultiSubnetQueue();
std::unique_ptr<engine::Rule> NewPcl3005PlacementGroupMultiSubnetQueue();
std::unique_ptr<engine::Rule> NewPcl3006InstanceTypeMultiSubnetQueue();
std::unique_ptr<engine::Rule> NewPcl3007EfaPlacementGroupNotExplicit();
std::unique_ptr<engine::Rule> NewPcl3008EfaPlacementGroupDisabled();
std::unique_ptr<engine::Rule> NewPcl3011MixedSecurityGroupOverwrite();
std::unique_ptr<engine::Rule> NewPcl3012DuplicateQueueSubnet();
std::unique_ptr<engine::Rule> NewPcl3013MultiNicAssignPublicIp();
std::unique_ptr<engine::Rule> NewPcl3014PlaceholderNetworkId();
std::unique_ptr<engine::Rule> NewPcl3015PlacementGroupCapacityBlock();
std::unique_ptr<engine::Rule> NewPcl3016PlacementGroupMultipleInstanceTypes();
std::unique_ptr<engine::Rule> NewPcl3020RegionMalformed();
// -- IAM (PCL4) --
std::unique_ptr<engine::Rule> NewPcl4001BroadIamPolicy();
std::unique_ptr<engine::Rule> NewPcl4007ArnPartitionMismatch();
std::unique_ptr<engine::Rule> NewPcl4008MalformedArn();
std::unique_ptr<engine::Rule> NewPcl4009ResourcePrefixFormat();
std::unique_ptr<engine::Rule> NewPcl4011SecretArnService();
// -- storage (PCL5) --
std::unique_ptr<engine::Rule> NewPcl5002DuplicateSharedStorage();
std::unique_ptr<engine::Rule> NewPcl5003TooManySharedStorage();
std::unique_ptr<engine::Rule> NewPcl5004ReservedMountDir();
std::unique_ptr<engine::Rule> NewPcl5006MountDirConflict();
std::unique_ptr<engine::Rule> NewPcl5007KmsKeyWithoutEncryption();
std::unique_ptr<engine::Rule> NewPcl5010StorageDeletedWithCluster();
std::unique_ptr<engine::Rule> NewPcl5011EbsVolumeIdWithCreationOptions();
std::unique_ptr<engine::Rule> NewPcl5012EbsSizeOutOfRange();
std::unique_ptr<engine::Rule> NewPcl5013EbsIopsInvalid();
std::unique_ptr<engine::Rule> NewPcl5014EbsThroughputInvalid();
std::unique_ptr<engine::Rule> NewPcl5017FsxLustreCapacityInvalid();
std::unique_ptr<engine::Rule> NewPcl5018FsxLustreDeploymentOptionsInvalid();
std::unique_ptr<engine::Rule> NewPcl5019FsxLustreBackupOptionsInvalid();
std::unique_ptr<engine::Rule> NewPcl5020FsxLustreDataRepositoryConflict();
std::unique_ptr<engine::Rule> NewPcl5022ManagedFsxWithMultipleSubnets();
// -- compute and scheduler (PCL6) --
std::unique_ptr<engine::Rule> NewPcl6002DuplicateQueueOrResourceName();
std::unique_ptr<engine::Rule> NewPcl6003TooManyQueuesOrComputeResources();
std::unique_ptr<engine::Rule> NewPcl6004MinCountAboveMaxCount();
std::unique_ptr<engine::Rule> NewPcl6005CapacityBlockCountMismatch();
std::unique_ptr<engine::Rule> NewPcl6009StaticComputeNodes();
std::unique_ptr<engine::Rule> NewPcl6010SpotWithoutPriceCeiling();
std::unique_ptr<engine::Rule> NewPcl6011StaticNodePriorityNotLower();
std::unique_ptr<engine::Rule> NewPcl6012HeadNodeUndersized();
std::unique_ptr<engine::Rule> NewPcl6015AwsBatchVcpusOutOfOrder();
std::unique_ptr<engine::Rule> NewPcl6017CustomSlurmSettingDenied();
// -- OS, image, monitoring, tags (PCL7) --
std::unique_ptr<engine::Rule> NewPcl7001OsEndOfLife();
std::unique_ptr<engine::Rule> NewPcl7002OsEndOfLifeSoon();
std::unique_ptr<engine::Rule> NewPcl7005SmallInstanceTypeOs();
std::unique_ptr<engine::Rule> NewPcl7010LogRotationWithoutCloudWatch();
std::unique_ptr<engine::Rule> NewPcl7014MissingRequiredTags();

const std::vector<NativeRuleEntry>& NativeRules() {
  static const std::vector<NativeRuleEntry> kRules = {
      // -- network (PCL3) --
      {"PCL3001", NewPcl3001SshOpenToWorld},
      {"PCL3002", NewPcl3002DcvOpenToWorld},
      {"PCL3003", NewPcl3003AllowedIpsHostBits},
      {"PCL3004", NewPcl3004EfaMultiSubnetQueue},
      {"PCL3005", NewPcl3005PlacementGroupMultiSubnetQueue},
      {"PCL3006", NewPcl3006InstanceTypeMultiSubnetQueue},
      {"PCL3007", NewPcl3007EfaPlacementGroupNotExplicit},
      {"PCL3008", NewPcl3008EfaPlacementGroupDisabled},
      {"PCL3011", NewPcl3011MixedSecurityGroupOverwrite},
      {"PCL3012", NewPcl3012DuplicateQueueSubnet},
      {"PCL3013", NewPcl3013MultiNicAssignPublicIp},
      {"PCL3014", NewPcl3014PlaceholderNetworkId},
      {"PCL3015", NewPcl3015PlacementGroupCapacityBlock},
      {"PCL3016", NewPcl3016PlacementGroupMultipleInstanceTypes},
      {"PCL3020", NewPcl3020RegionMalformed},
      // -- IAM (PCL4) --
      {"PCL4001", NewPcl4001BroadIamPolicy},
      {"PCL4007", NewPcl4007ArnPartitionMismatch},
      {"PCL4008", NewPcl4008MalformedArn},
      {"PCL4009", NewPcl4009ResourcePrefixFormat},
      {"PCL4011", NewPcl4011SecretArnService},
      // -- storage (PCL5) --
      {"PCL5002", NewPcl5002DuplicateSharedStorage},
      {"PCL5003", NewPcl5003TooManySharedStorage},
      {"PCL5004", NewPcl5004ReservedMountDir},
      {"PCL5006", NewPcl5006MountDirConflict},
      {"PCL5007", NewPcl5007KmsKeyWithoutEncryption},
      {"PCL5010", NewPcl5010StorageDeletedWithCluster},
      {"PCL5011", NewPcl5011EbsVolumeIdWithCreationOptions},
      {"PCL5012", NewPcl5012EbsSizeOutOfRange},
      {"PCL5013", NewPcl5013EbsIopsInvalid},
      {"PCL5014", NewPcl5014EbsThroughputInvalid},
      {"PCL5017", NewPcl5017FsxLustreCapacityInvalid},
      {"PCL5018", NewPcl5018FsxLustreDeploymentOptionsInvalid},
      {"PCL5019", NewPcl5019FsxLustreBackupOptionsInvalid},
      {"PCL5020", NewPcl5020FsxLustreDataRepositoryConflict},
      {"PCL5022", NewPcl5022ManagedFsxWithMultipleSubnets},
      // -- compute and scheduler (PCL6) --
      {"PCL6002", NewPcl6002DuplicateQueueOrResourceName},
      {"PCL6003", NewPcl6003TooManyQueuesOrComputeResources},
      {"PCL6004", NewPcl6004MinCountAboveMaxCount},
      {"PCL6005", NewPcl6005CapacityBlockCountMismatch},
      {"PCL6009", NewPcl6009StaticComputeNodes},
      {"PCL6010", NewPcl6010SpotWithoutPriceCeiling},
      {"PCL6011", NewPcl6011StaticNodePriorityNotLower},
      {"PCL6012", NewPcl6012HeadNodeUndersized},
      {"PCL6015", NewPcl6015AwsBatchVcpusOutOfOrder},
      {"PCL6017", NewPcl6017CustomSlurmSettingDenied},
      // -- OS, image, monitoring, tags (PCL7) --
      {"PCL7001", NewPcl7001OsEndOfLife},
      {"PCL7002", NewPcl7002OsEndOfLifeSoon},
      {"PCL7005", NewPcl7005SmallInstanceTypeOs},
      {"PCL7010", NewPcl7010LogRotationWithoutCloudWatch},
      {"PCL7014", NewPcl7014MissingRequiredTags},
  };
  return kRules;
}

}  // namespace pcl::rules
