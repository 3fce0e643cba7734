// Picks the reporter for a --format name; every format renders the same RunReport.
#include "report/report.h"

namespace pcl::report {

const std::vector<std::string>& FormatNames() {
  static const std::vector<std::string> kNames = {"text", "json", "sarif", "junit", "github"};
  return kNames;
}

bool RendersFileByFile(const std::string& format) {
  return format == "text" || format == "github";
}

bool Render(const std::string& format, const RunReport& report, const RenderOptions& options, std::ostream& out) {
  if (format == "text") {
    WriteText(report, options.text, out);
  } else if (format == "json") {
    WriteJson(report, out);
  } else if (format == "sarif") {
    WriteSarif(report, options, out);
  } else if (format == "junit") {
    WriteJunit(report, out);
  } else if (format == "github") {
    WriteGithub(report, options, out);
  } else {
    return false;
  }
  return true;
}

}  // namespace pcl::report
