// Stable ids of the input (PCL0xxx) findings that the front ends and the runner emit.
#pragma once

namespace pcl::parsers {

inline constexpr char kSyntaxError[] = "PCL0001";         // syntax-error
inline constexpr char kRuleCrashed[] = "PCL0002";         // rule-crashed
inline constexpr char kDuplicateKey[] = "PCL0003";        // duplicate-key
inline constexpr char kDuplicateSection[] = "PCL0004";    // duplicate-section
inline constexpr char kMultipleDocuments[] = "PCL0005";   // multiple-documents
inline constexpr char kInputLimit[] = "PCL0006";          // input-limit-exceeded
inline constexpr char kUnreadableFile[] = "PCL0007";      // unreadable-file
inline constexpr char kUnknownFormat[] = "PCL0008";       // unknown-format
inline constexpr char kNeedsMigration[] = "PCL0009";      // v2-config-needs-migration
inline constexpr char kInterpolation[] = "PCL0010";       // invalid-interpolation
inline constexpr char kBadEncoding[] = "PCL0011";         // invalid-encoding
inline constexpr char kNotAMapping[] = "PCL0012";         // document-not-a-mapping

}  // namespace pcl::parsers
