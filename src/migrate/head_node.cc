// HeadNode, and the pieces queues share with it: custom actions, local storage, networking.
#include "generated/ids/migration.h"
#include "migrate/py_text.h"
#include "migrate/translators.h"

namespace pcl::migrate {
namespace {

// v2 passed the args string to the script through a shell: one pair of quotes around the whole
// value delimits the list, and quotes inside group words. The official converter deletes every
// quote instead, which splits quoted arguments apart.
std::vector<std::string> SplitArgs(const std::string& text) {
  std::string value = py::Strip(text);
  if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"') && value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  std::vector<std::string> args;
  std::string current;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const char ch = value[i];
    if (quote) {
      if (ch == quote) {
        quote = 0;
      } else if (ch == '\\' && quote == '"' && i + 1 < value.size() && (value[i + 1] == '"' || value[i + 1] == '\\')) {
        current += value[++i];
      } else {
        current += ch;
      }
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
      in_word = true;
    } else if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      if (in_word) args.push_back(current);
      current.clear();
      in_word = false;
    } else {
      current += ch;
      in_word = true;
    }
  }
  if (quote) {
    // Unbalanced quotes: fall back to the official reading (quotes removed, split on spaces).
    std::string stripped;
    for (char ch : text) {
      if (ch != '\'' && ch != '"') stripped += ch;
    }
    return py::SplitWhitespace(stripped);
  }
  if (in_word) args.push_back(current);
  return args;
}

OutNode Action(Context& ctx, const std::string& script_key, const std::string& args_key) {
  const std::string& c = ctx.cluster;
  OutNode action = OutNode::Map();
  OutNode script = ctx.Str(c, script_key);
  const bool has_script = script.kind != OutNode::Kind::kNull;
  action.SetIf("Script", script);
  auto args = ctx.ClusterTruthy(args_key);
  if (!args) return action;
  if (!has_script) {
    ctx.Report(ids::kInstallArgsWithoutScript, ctx.KeyRange(c, args_key),
               args_key + " is set but " + script_key +
                   " is not; without a script the arguments "
                   "have no use and are left out",
               c, args_key);
    ctx.Drop(c, args_key, "not-applicable", script_key + " is not set");
    return action;
  }
  // v2 reserved $1 for the script URL; putting it first keeps the scripts' argument positions.
  OutNode list = OutNode::Seq();
  list.Append(script);
  for (const std::string& arg : SplitArgs(*args)) {
    OutNode item = OutNode::String(arg);
    item.user_value = true;
    item.origins.push_back({c, args_key});
    list.Append(std::move(item));
  }
  list.origins.push_back({c, args_key});
  action.Set("Args", std::move(list));
  return action;
}

// v2 used vpc_security_group_id instead of the security groups it would create, plus
// additional_sg. v3 expresses that as SecurityGroups with both; it rejects SecurityGroups
// together with AdditionalSecurityGroups (the official converter writes both).
void SecurityGroups(Context& ctx, OutNode& groups, OutNode& additional) {
  OutNode sg = ctx.Str(ctx.vpc, "vpc_security_group_id");
  OutNode extra = ctx.Str(ctx.vpc, "additional_sg");
  if (!sg.str.empty()) groups.Append(sg);
  if (extra.str.empty()) return;
  if (groups.items.empty()) {
    additional.Append(extra);
    return;
  }
  groups.Append(extra);
  ctx.Report(ids::kAdditionalSgMerged, ctx.KeyRange(ctx.vpc, "additional_sg"),
             "additional_sg goes to SecurityGroups next to vpc_security_group_id: v2 attached both "
             "instead of the security groups it creates, and v3 does not allow SecurityGroups "
             "together with AdditionalSecurityGroups",
             ctx.vpc, "additional_sg");
}

OutNode HeadNodeNetworking(Context& ctx) {
  OutNode networking = OutNode::Map();
  OutNode groups = OutNode::Seq();
  OutNode additional = OutNode::Seq();
  if (!ctx.vpc.empty()) {
    networking.SetIf("SubnetId", ctx.Str(ctx.vpc, "master_subnet_id"));
    networking.SetIf("ElasticIp", ctx.Bool(ctx.vpc, "use_public_ips"));
    if (ctx.HasSection(ctx.vpc) && !ctx.Entry(ctx.vpc, "use_public_ips")) {
      ctx.Report(ids::kV3DefaultDiffers, ctx.SectionRange(ctx.vpc),
                 "use_public_ips defaulted to true in ParallelCluster 2, which gave the head node "
                 "an Elastic IP; v3 gives it none unless HeadNode/Networking/ElasticIp is true",
                 ctx.vpc);
    }
    SecurityGroups(ctx, groups, additional);
  }
  OutNode proxy = OutNode::Map();
  proxy.SetIf("HttpProxyAddress", ctx.Str(ctx.cluster, "proxy_server"));
  networking.SetIf("Proxy", std::move(proxy));
  networking.SetIf("SecurityGroups", std::move(groups));
  networking.SetIf("AdditionalSecurityGroups", std::move(additional));
  return networking;
}

OutNode Dcv(Context& ctx) {
  const std::string& c = ctx.cluster;
  OutNode dcv = OutNode::Map();
  auto label = ctx.ClusterTruthy("dcv_settings");
  if (!label) return dcv;
  ctx.Reference(c, "dcv_settings");
  const std::string section = "dcv " + py::Strip(*label);
  if (!ctx.HasSection(section)) {
    ctx.Report(ids::kReferencedSectionMissing, ctx.ValueRange(c, "dcv_settings"),
               "dcv_settings = " + *label + " but the file has no [" + section +
                   "] section; DCV "
                   "stays off",
               c, "dcv_settings");
    return dcv;
  }
  // v2 accepted only `enable = master`; anything else left DCV off. The official converter then
  // writes a Dcv block without the Enabled key v3 requires (or crashes when enable is missing).
  auto enable = ctx.Get(section, "enable");
  if (enable && *enable != "master") {
    ctx.Report(ids::kWrongValueType, ctx.ValueRange(section, "enable"),
               "enable = " + *enable + " in [" + section +
                   "]: ParallelCluster 2 accepted only "
                   "'master' (DCV on the head node); remove the option to keep DCV off",
               section, "enable");
  }
  OutNode enabled = OutNode::Bool(enable && *enable == "master");
  enabled.origins.push_back(enable ? KeyRef{section, "enable"} : KeyRef{c, "dcv_settings"});
  dcv.Set("Enabled", std::move(enabled));
  dcv.SetIf("Port", ctx.Int(section, "port"));
  dcv.SetIf("AllowedIps", ctx.Str(section, "access_from"));
  return dcv;
}

}  // namespace

OutNode CustomActions(Context& ctx) {
  OutNode actions = OutNode::Map();
  actions.SetIf("OnNodeStart", Action(ctx, "pre_install", "pre_install_args"));
  actions.SetIf("OnNodeConfigured", Action(ctx, "post_install", "post_install_args"));
  return actions;
}

OutNode LocalStorage(Context& ctx, const std::string& size_key) {
  OutNode root_volume = OutNode::Map();
  root_volume.SetIf("Size", ctx.Int(ctx.cluster, size_key));
  OutNode ephemeral = OutNode::Map();
  ephemeral.SetIf("MountDir", ctx.Str(ctx.cluster, "ephemeral_dir"));
  OutNode storage = OutNode::Map();
  storage.SetIf("RootVolume", std::move(root_volume));
  storage.SetIf("EphemeralVolume", std::move(ephemeral));
  return storage;
}

OutNode BaseQueueNetworking(Context& ctx) {
  OutNode networking = OutNode::Map();
  if (ctx.vpc.empty()) return networking;
  const bool compute = !ctx.Get(ctx.vpc, "compute_subnet_id").value_or("").empty();
  OutNode subnet = ctx.Str(ctx.vpc, compute ? "compute_subnet_id" : "master_subnet_id");
  OutNode subnets = OutNode::Seq();
  if (!subnet.str.empty()) subnets.Append(subnet);
  networking.SetIf("SubnetIds", std::move(subnets));
  OutNode groups = OutNode::Seq();
  OutNode additional = OutNode::Seq();
  SecurityGroups(ctx, groups, additional);
  networking.SetIf("SecurityGroups", std::move(groups));
  networking.SetIf("AdditionalSecurityGroups", std::move(additional));
  return networking;
}

OutNode CapacityType(Context& ctx, const std::string& section, const std::string& key) {
  OutNode value = ctx.Str(section, key);
  for (char& ch : value.str) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return value;
}

void ConvertHeadNode(Context& ctx, OutNode& root) {
  const std::string& c = ctx.cluster;
  OutNode head = OutNode::Map();
  auto type = ctx.ClusterTruthy("master_instance_type");
  OutNode instance_type = type ? ctx.Str(c, "master_instance_type") : OutNode::String("t3.micro");
  head.Set("InstanceType", std::move(instance_type));
  head.SetIf("Networking", HeadNodeNetworking(ctx));
  head.SetIf("DisableSimultaneousMultithreading", ctx.Bool(c, "disable_hyperthreading"));
  OutNode ssh = OutNode::Map();
  ssh.SetIf("KeyName", ctx.Str(c, "key_name"));
  if (!ctx.vpc.empty()) ssh.SetIf("AllowedIps", ctx.Str(ctx.vpc, "ssh_from"));
  head.SetIf("Ssh", std::move(ssh));
  head.SetIf("LocalStorage", LocalStorage(ctx, "master_root_volume_size"));
  head.SetIf("Dcv", Dcv(ctx));
  head.SetIf("CustomActions", CustomActions(ctx));
  head.SetIf("Iam", NodeIam(ctx));
  if (ctx.awsbatch()) {
    // The AWS Batch CLI on the head node reads credentials from IMDS as the cluster user.
    OutNode imds = OutNode::Map();
    imds.Set("Secured", OutNode::Bool(false));
    head.Set("Imds", std::move(imds));
  }
  root.Set("HeadNode", std::move(head));
}

}  // namespace pcl::migrate
