// Unit tests of the ARN and partition helpers behind the IAM rules (PCL4007, PCL4008).
#include <catch2/catch.hpp>

#include "rules/util/arn.h"

namespace pcl::rules {
namespace {

TEST_CASE("ParseArn splits the six fields", "[rules][iam]") {
  auto arn = ParseArn("arn:aws:secretsmanager:us-east-1:123456789012:secret:munge-AbCdEf");
  REQUIRE(arn);
  CHECK(arn->partition == "aws");
  CHECK(arn->service == "secretsmanager");
  CHECK(arn->region == "us-east-1");
  CHECK(arn->account == "123456789012");
  CHECK(arn->resource == "secret:munge-AbCdEf");
  auto policy = ParseArn("arn:aws-cn:iam::aws:policy/job-function/ViewOnlyAccess");
  REQUIRE(policy);
  CHECK(policy->region.empty());
  CHECK(policy->resource == "policy/job-function/ViewOnlyAccess");
  std::string why;
  CHECK_FALSE(ParseArn("arn:aws:iam::role/x", &why));
  CHECK(why == "it has fewer than six ':'-separated fields");
  CHECK_FALSE(ParseArn("arn::iam::123456789012:role/x", &why));
  CHECK(why == "the partition is empty");
  CHECK_FALSE(ParseArn("role/x"));
}

TEST_CASE("PartitionOfRegion", "[rules][iam]") {
  CHECK(PartitionOfRegion("us-east-1") == "aws");
  CHECK(PartitionOfRegion("eu-central-2") == "aws");
  CHECK(PartitionOfRegion("cn-northwest-1") == "aws-cn");
  CHECK(PartitionOfRegion("us-gov-west-1") == "aws-us-gov");
  CHECK(PartitionOfRegion("us-iso-east-1") == "aws-iso");
  CHECK(PartitionOfRegion("us-isob-east-1") == "aws-iso-b");
  CHECK(PartitionOfRegion("").empty());
  CHECK(PartitionOfRegion("${AWS_REGION}").empty());
  // The shape [a-z]{2}(-[a-z]+)+-[0-9]+, matched by hand.
  for (const char* bad : {"us-east", "useast-1", "us--east-1", "us-east-1a", "US-east-1", "u-east-1", "us-1"}) {
    INFO(bad);
    CHECK(PartitionOfRegion(bad).empty());
  }
  CHECK(IsKnownPartition("aws-us-gov"));
  CHECK_FALSE(IsKnownPartition("aws-gov"));
}

TEST_CASE("LooksLikePlaceholder", "[rules][iam]") {
  for (const char* text : {"${SUBNET_ID}", "{{ pg_name }}", "<your-group>", "REPLACE_ME", "changeme",
                           "arn:{AWS-Partition}:iam::aws:policy/X", "your-placement-group", "XXXXXXXX", "TODO"}) {
    INFO(text);
    CHECK(LooksLikePlaceholder(text));
  }
  // Word boundaries and empty brackets, as the regex this replaced had them.
  for (const char* text : {"my-placement-group", "mastodon-pg", "compute-pg", "arn:aws:iam::123456789012:role/x",
                           "todolist-pg", "pg-fixmeup", "{}", "<>", "a{1}b", "${"}) {
    INFO(text);
    CHECK_FALSE(LooksLikePlaceholder(text));
  }
}

}  // namespace
}  // namespace pcl::rules
