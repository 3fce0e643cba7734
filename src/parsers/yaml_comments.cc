// Finds '#' comments in YAML text: a '#' at line start or after whitespace, outside scalars.
#include "parsers/yaml_comments.h"

#include <algorithm>

namespace pcl::parsers {

std::vector<model::Comment> ScanYamlComments(const model::SourceFile& source,
                                             const std::vector<std::pair<size_t, size_t>>& scalar_spans) {
  std::vector<std::pair<size_t, size_t>> spans = scalar_spans;
  std::sort(spans.begin(), spans.end());
  std::vector<model::Comment> comments;
  const std::string& text = source.text();
  size_t span_index = 0;
  bool line_blank_so_far = true;
  for (size_t i = 0; i < text.size(); ++i) {
    while (span_index < spans.size() && spans[span_index].second <= i) ++span_index;
    if (span_index < spans.size() && spans[span_index].first <= i && i < spans[span_index].second) {
      i = spans[span_index].second - 1;
      line_blank_so_far = false;
      continue;
    }
    char c = text[i];
    if (c == '\n') {
      line_blank_so_far = true;
      continue;
    }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      size_t end = text.find('\n', i);
      if (end == std::string::npos) end = text.size();
      std::string body = text.substr(i, end - i);
      if (!body.empty() && body.back() == '\r') body.pop_back();
      comments.push_back({source.PositionOf(i), std::move(body), line_blank_so_far});
      i = end - 1;
      continue;
    }
    if (c != ' ' && c != '\t' && c != '\r') line_blank_so_far = false;
  }
  return comments;
}

}  // namespace pcl::parsers
