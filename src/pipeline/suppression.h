// Inline suppressions: `# pcluster-lint: disable=ID[,ID…] -- reason` and `disable-file=…`.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace pcl::pipeline {

class Selection;

/// One directive found in a comment.
struct Suppression {
  model::Position position;  ///< where the comment is
  bool file_wide = false;
  std::vector<std::string> selectors;  ///< ids, names or prefixes
  std::string reason;
  int target_line = 0;         ///< the line whose key (and subtree) it covers
  std::string target_pointer;  ///< that key's JSON pointer ("" if no key starts there)
  std::vector<bool> used;      ///< per selector
};

/// Reads the directives in `document.comments`. Malformed directives and directives without a
/// reason become findings (PCL0015 invalid-suppression, PCL0013 suppression-without-reason).
std::vector<Suppression> ReadSuppressions(const model::Document& document, std::vector<model::Diagnostic>& findings);

/// Marks findings covered by a directive as suppressed, then reports directives (or selectors)
/// that covered nothing as PCL0014 unused-suppression — only for rules that ran on this file.
void ApplySuppressions(const model::Document& document, std::vector<Suppression>& suppressions,
                       const Selection& selection, std::vector<model::Diagnostic>& findings);

}  // namespace pcl::pipeline
