// One translator per top-level v3 section, plus the pieces several of them share.
#pragma once

#include <string>

#include "migrate/context.h"
#include "migrate/out_node.h"

namespace pcl::migrate {

/// The validation phase; false when no cluster section could be selected.
bool Validate(Context& ctx);

// Top-level sections, in the official output order (image_misc.cc, iam.cc, shared_storage.cc,
// monitoring.cc, head_node.cc, scheduling_slurm.cc, scheduling_batch.cc, dev_settings.cc).
void ConvertRegion(Context& ctx, OutNode& root);
void ConvertImage(Context& ctx, OutNode& root);
void ConvertCustomS3Bucket(Context& ctx, OutNode& root);
void ConvertAdditionalResources(Context& ctx, OutNode& root);
void ConvertClusterIam(Context& ctx, OutNode& root);
void ConvertAdditionalPackages(Context& ctx, OutNode& root);
void ConvertTags(Context& ctx, OutNode& root);
void ConvertSharedStorage(Context& ctx, OutNode& root);
void ConvertMonitoring(Context& ctx, OutNode& root);
void ConvertHeadNode(Context& ctx, OutNode& root);
void ConvertScheduling(Context& ctx, OutNode& root);
void ConvertDevSettings(Context& ctx, OutNode& root);

// Shared pieces.
/// HeadNode/queue `Iam` from ec2_iam_role, additional_iam_policies and the S3 resources.
OutNode NodeIam(Context& ctx);
/// `CustomActions` from pre_install/post_install (+ args).
OutNode CustomActions(Context& ctx);
/// `LocalStorage` with the root volume size from `size_key` and the ephemeral mount dir.
OutNode LocalStorage(Context& ctx, const std::string& size_key);
/// Queue `Networking` common to Slurm and AWS Batch: SubnetIds and security groups.
OutNode BaseQueueNetworking(Context& ctx);
/// AWS Batch `AwsBatchQueues` (scheduling_batch.cc).
OutNode BatchQueues(Context& ctx);
/// `CapacityType` from an ondemand/spot option, upper-cased.
OutNode CapacityType(Context& ctx, const std::string& section, const std::string& key);

}  // namespace pcl::migrate
