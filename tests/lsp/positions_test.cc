// Units of the language server that need no process: UTF-16 conversions, incremental edits,
// framing, and where the cursor is in block YAML.
#include <catch2/catch.hpp>

#include "lsp/cursor_context.h"
#include "lsp/document_store.h"
#include "lsp/features.h"
#include "lsp/framing.h"
#include "lsp/utf16.h"

namespace pcl::lsp {

TEST_CASE("lsp utf16: byte columns and UTF-16 units convert both ways", "[lsp]") {
  const std::string line = "a\xC3\xA9\xF0\x9F\x98\x80z";  // a é 😀 z: 1+2+4+1 bytes, 1+1+2+1 units
  CHECK(Utf16Length(line, 0) == 0);
  CHECK(Utf16Length(line, 3) == 2);
  CHECK(Utf16Length(line, 7) == 4);
  CHECK(Utf16Length(line, 100) == 5);
  CHECK(ByteOffsetOfUtf16(line, 2) == 3);
  CHECK(ByteOffsetOfUtf16(line, 3) == 7);  // inside the surrogate pair: after the character
  CHECK(ByteOffsetOfUtf16(line, 4) == 7);
  CHECK(ByteOffsetOfUtf16(line, 99) == line.size());
  CHECK(Utf16Length("\xFF\xFE", 2) == 2);  // invalid bytes count one unit each, never stall
}

TEST_CASE("lsp document store: incremental edits, CRLF lines and clamped positions", "[lsp]") {
  DocumentStore store;
  store.Open("file:///x/a%20b.yaml", "yaml", 1,
             "ab\r\nc\xF0\x9F\x98\x80"
             "d\n");
  OpenDocument* document = store.Find("file:///x/a%20b.yaml");
  REQUIRE(document);
  CHECK(document->path == "/x/a b.yaml");
  CHECK(document->text.Line(0) == "ab");
  using json = nlohmann::json;
  auto edit = [](int l1, int c1, int l2, int c2, const std::string& text) {
    return json{{"range", {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}}},
                {"text", text}};
  };
  REQUIRE(store.Change(document->uri, 2, json::array({edit(1, 3, 1, 4, "D"), edit(0, 1, 1, 0, "")})));
  CHECK(document->text.text() ==
        "ac\xF0\x9F\x98\x80"
        "D\n");
  CHECK(document->version == 2);
  REQUIRE(store.Change(document->uri, 3, json::array({edit(9, 0, 9, 9, "tail")})));  // past the end
  CHECK(document->text.text() ==
        "ac\xF0\x9F\x98\x80"
        "D\ntail");
  CHECK_FALSE(store.Change(document->uri, 4, json::array({{{"range", 1}, {"text", "x"}}})));
  CHECK(document->version == 3);                               // a malformed change leaves the document as it was
  CHECK(document->text.FromModel(1, 7) == LspPosition{0, 4});  // byte column 7 is after "ac😀"
  CHECK(PathToUri("/x/a b.yaml") == "file:///x/a%20b.yaml");
}

TEST_CASE("lsp framing: split and joined frames, case-insensitive headers", "[lsp]") {
  FrameReader reader;
  std::string one = EncodeFrame({{"a", 1}});
  std::string two = "content-length: 7\r\nContent-Type: application/vscode-jsonrpc\r\n\r\n{\"b\":2}";
  std::string both = one + two;
  reader.Feed(both.substr(0, 5));
  CHECK_FALSE(reader.Next());
  reader.Feed(both.substr(5));
  auto first = reader.Next();
  auto second = reader.Next();
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->message["a"] == 1);
  CHECK(second->message["b"] == 2);
  CHECK_FALSE(reader.Next());
}

TEST_CASE("lsp cursor context: the key path, siblings and value position in block YAML", "[lsp]") {
  LineText text(
      "HeadNode:\n"
      "  InstanceType: t3.micro\n"
      "  \n"
      "  Networking:\n"
      "    SubnetId: s\n"
      "Scheduling:\n"
      "  SlurmQueues:\n"
      "  - Name: q\n"
      "    ComputeResources:\n"
      "      - Name: cr\n"
      "        Max\n"
      "        MinCount: 0\n"
      "    Networking:\n"
      "      SubnetIds: [a]\n"
      "  Scheduler: sl\n");
  CursorContext head = ContextAt(text, {2, 2});
  CHECK(head.path == std::vector<std::string>{"HeadNode"});
  CHECK(head.siblings == std::set<std::string>{"InstanceType", "Networking"});
  CursorContext resource = ContextAt(text, {10, 11});
  CHECK(resource.path == std::vector<std::string>{"Scheduling", "SlurmQueues", "*", "ComputeResources", "*"});
  CHECK(resource.siblings == std::set<std::string>{"Name", "MinCount"});
  CursorContext value = ContextAt(text, {14, 14});
  CHECK(value.value_of == "Scheduler");
  CHECK(value.path == std::vector<std::string>{"Scheduling"});
  CursorContext key = ContextAt(text, {12, 6});
  CHECK(key.key_under_cursor == "Networking");
  CHECK(key.path == std::vector<std::string>{"Scheduling", "SlurmQueues", "*"});
}

TEST_CASE("lsp did-you-mean: one or several suggestions are read from a finding's message", "[lsp]") {
  CHECK(DidYouMean("unknown key 'InstanceTyp' in HeadNode; did you mean 'InstanceType'?") ==
        std::vector<std::string>{"InstanceType"});
  CHECK(DidYouMean("unknown instance type 'c5.lage'; did you mean 'c5.large', 'c6.large' or 'c5a.large'?") ==
        std::vector<std::string>{"c5.large", "c6.large", "c5a.large"});
  CHECK(DidYouMean("The instance type 't3.mirco' is not supported; did you mean 't3.micro'?") ==
        std::vector<std::string>{"t3.micro"});  // PCL6023
  CHECK(DidYouMean("unknown key 'Foo'; it belongs under HeadNode").empty());
}

}  // namespace pcl::lsp
