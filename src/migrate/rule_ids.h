// Stable ids of the migration (PCL2xxx) findings; each has a rules/PCL2xxx.yaml.
#pragma once

#include <string_view>

#include "model/diagnostic.h"

namespace pcl::migrate {

// Blocking problems: nothing is written when one of these is found.
inline constexpr char kUnsupportedScheduler[] = "PCL2001";  // unsupported-scheduler
inline constexpr char kMissingVpcSettings[] = "PCL2002";    // missing-vpc-settings
inline constexpr char kMissingScheduler[] = "PCL2003";      // missing-scheduler
inline constexpr char kInvalidScheduler[] = "PCL2004";      // invalid-scheduler
inline constexpr char kComputeSubnetCidr[] = "PCL2005";     // compute-subnet-cidr
inline constexpr char kClusterNotFound[] = "PCL2006";       // cluster-section-not-found
inline constexpr char kDevSettingsNeedForce[] = "PCL2007";  // dev-settings-without-force-convert
inline constexpr char kDevSettingsConverted[] = "PCL2008";  // dev-settings-parameter (warning)
inline constexpr char kWrongType[] = "PCL2009";             // wrong-value-type
inline constexpr char kInvalidTags[] = "PCL2010";           // invalid-tags
inline constexpr char kInvalidS3Resource[] = "PCL2011";     // invalid-s3-resource
inline constexpr char kNeedsAccountId[] = "PCL2012";        // role-name-needs-account-id
inline constexpr char kNeedsPartition[] = "PCL2013";        // role-name-needs-partition
inline constexpr char kQueueIncomplete[] = "PCL2014";       // queue-without-compute-resources
inline constexpr char kStorageIncomplete[] = "PCL2015";     // storage-section-incomplete
inline constexpr char kMissingBaseOs[] = "PCL2016";         // missing-base-os
inline constexpr char kMissingSection[] = "PCL2017";        // referenced-section-missing (warning)

// Notes and warnings the official converter also gives.
inline constexpr char kEncryptionDefault[] = "PCL2020";     // ebs-encryption-default-changed
inline constexpr char kImdsRestricted[] = "PCL2021";        // head-node-imds-restricted
inline constexpr char kNoLongerSupported[] = "PCL2022";     // setting-no-longer-supported
inline constexpr char kSanityCheckOff[] = "PCL2023";        // sanity-check-disabled
inline constexpr char kAddedToBoth[] = "PCL2024";           // setting-copied-to-head-node-and-queues
inline constexpr char kDuplicateStorage[] = "PCL2025";      // duplicate-storage-name
inline constexpr char kNameDefault[] = "PCL2026";           // section-label-default
inline constexpr char kUnderscoreName[] = "PCL2027";        // underscore-in-queue-name
inline constexpr char kDefaultEbs[] = "PCL2028";            // default-ebs-volume-added

// Where this tool converts differently from the official converter, and other hints.
inline constexpr char kRoleOverridesPolicies[] = "PCL2030";  // instance-role-with-policies
inline constexpr char kNonePlaceholder[] = "PCL2031";        // none-placeholder
inline constexpr char kExistingFsOptions[] = "PCL2032";      // existing-filesystem-options
inline constexpr char kOsNotInV3[] = "PCL2033";              // os-not-supported-in-v3
inline constexpr char kS3UrlConverted[] = "PCL2034";         // s3-url-instead-of-arn
inline constexpr char kUnknownSetting[] = "PCL2035";         // unknown-v2-setting
inline constexpr char kArgsWithoutScript[] = "PCL2036";      // install-args-without-script
inline constexpr char kDefaultChanged[] = "PCL2037";         // v3-default-differs
inline constexpr char kSecurityGroupsMerged[] = "PCL2038";   // additional-sg-merged
inline constexpr char kRaidWithoutType[] = "PCL2039";        // raid-without-raid-type

/// The severity of a migration finding (the same as its rules/PCL2xxx.yaml; a test checks).
inline model::Severity SeverityOf(std::string_view id) {
  static constexpr std::string_view kWarnings[] = {
      kDevSettingsConverted, kMissingSection, kNoLongerSupported, kSanityCheckOff,
      kAddedToBoth, kDuplicateStorage, kNameDefault, kUnderscoreName, kRoleOverridesPolicies,
      kExistingFsOptions, kOsNotInV3, kUnknownSetting, kArgsWithoutScript, kRaidWithoutType};
  static constexpr std::string_view kInfos[] = {kEncryptionDefault, kImdsRestricted, kDefaultEbs,
                                                kNonePlaceholder, kS3UrlConverted, kDefaultChanged,
                                                kSecurityGroupsMerged};
  for (auto w : kWarnings) if (w == id) return model::Severity::kWarning;
  for (auto i : kInfos) if (i == id) return model::Severity::kInfo;
  return model::Severity::kError;
}

}  // namespace pcl::migrate
