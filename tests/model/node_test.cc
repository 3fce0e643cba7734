// Document model: pointers, walking, JSON conversion, source line index.
#include <catch2/catch.hpp>

#include "model/json_pointer.h"
#include "model/node.h"
#include "model/source.h"

namespace pcl::model {
namespace {

TEST_CASE("JSON pointers split and escape per RFC 6901", "[model]") {
  CHECK(SplitPointer("")->empty());
  CHECK(*SplitPointer("/a~1b/~0/0") == std::vector<std::string>{"a/b", "~", "0"});
  CHECK_FALSE(SplitPointer("a"));
  CHECK_FALSE(SplitPointer("/a~2"));
  CHECK(AppendPointer("", 3) == "/3");
  // IsValidPointer agrees with SplitPointer without building the tokens.
  for (const char* pointer : {"", "/", "/a~1b/~0/0", "a", "/a~2", "/a~", "~0", "/*/x", "/a//b"}) {
    INFO(pointer);
    CHECK(IsValidPointer(pointer) == SplitPointer(pointer).has_value());
  }
}

TEST_CASE("source line index gives lines and positions", "[model]") {
  SourceFile source("f", "ab\r\ncd\n\nef");
  CHECK(source.LineCount() == 4);
  CHECK(source.Line(1) == "ab");
  CHECK(source.Line(4) == "ef");
  CHECK(source.Line(5).empty());
  CHECK(source.PositionOf(5) == Position{2, 2});
}

TEST_CASE("walking visits parents first with pointers", "[model]") {
  Node root;
  root.kind = NodeKind::kMapping;
  Node list;
  list.kind = NodeKind::kSequence;
  list.items.push_back(Node::String("x"));
  root.entries.push_back({"a/b", {}, list});
  std::vector<std::string> seen;
  WalkNodes(root, [&](const std::string& pointer, const Node&, const MapEntry*) { seen.push_back(pointer); });
  CHECK(seen == std::vector<std::string>{"", "/a~1b", "/a~1b/0"});
  CHECK(ToJson(root) == nlohmann::json({{"a/b", {"x"}}}));
}

}  // namespace
}  // namespace pcl::model
