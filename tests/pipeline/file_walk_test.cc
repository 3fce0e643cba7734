// Which files named on the command line are cluster configs by content: what pre-commit passes
// by name includes Kubernetes manifests, CloudFormation templates and image-builder configs.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "pipeline/file_walk.h"

namespace pcl::testing {
namespace {

namespace fs = std::filesystem;

TEST_CASE("named files: other kinds of file are told apart from configs, broken ones included", "[cli][walk]") {
  const fs::path dir = fs::temp_directory_path() / ("pcl-walk-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto other = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return pipeline::IsOtherKindOfFile((dir / name).string());
  };
  // Something else.
  CHECK(other("eks-cluster.yaml", "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n"));
  CHECK(other("cfn-cluster.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\r\nResources: {}\r\n"));
  CHECK(other("image.yaml", "Region: us-east-1\nImage:\n  Name: x\nBuild:\n  InstanceType: c5.xlarge\n"));
  CHECK(other("cluster-ci.yml", "# deploy\nname: ci\n\"on\": push\njobs: {}\n"));
  CHECK(other("k8s.yaml", "---\napiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret\n"));
  CHECK(other("setup.cfg", "[metadata]\nname = x\n"));
  CHECK(other("pyproject-cluster.toml", "[tool.black]\nline-length = 100\n"));
  // Configs, however broken.
  CHECK_FALSE(other("ok.yaml", "Region: us-east-1\nHeadNode: {}\nScheduling: {}\n"));
  CHECK_FALSE(other("syntax.yaml", "Region: us-east-1\nTags: [\n"));
  CHECK_FALSE(other("typos.yaml", "Region: us-east-1\nHeadnode: {}\nSchedulng: {}\nSharedStorage: []\n"));
  CHECK_FALSE(other("quoted.yaml", "\"Region\": us-east-1\n'Image': {Os: alinux2}\n"));
  CHECK_FALSE(other("flow.yaml", "{\"HeadNode\": {}, \"apiVersion\": 1}\n"));
  CHECK_FALSE(other("empty.yaml", ""));
  CHECK_FALSE(other("comments.yaml", "# nothing yet\n"));
  CHECK_FALSE(other("config", "[aws]\naws_region_name = us-east-1\n[cluster default]\n"));
  CHECK_FALSE(other("notes.txt", "apiVersion: v1\n"));  // unknown kinds of file go to the loader
  CHECK_FALSE(pipeline::IsOtherKindOfFile((dir / "missing.yaml").string()));
  // A FIFO is never opened here: reading it would block (and /dev/stdin would be used up).
  REQUIRE(::mkfifo((dir / "fifo.yaml").c_str(), 0600) == 0);
  CHECK_FALSE(pipeline::IsOtherKindOfFile((dir / "fifo.yaml").string()));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace pcl::testing
