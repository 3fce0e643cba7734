#!/usr/bin/env python3
# Generates src/core/instance_table.cc, the EC2 instance-type facts compiled into pcluster-lint.
"""Reads ../shared/vendor-data/ec2/ (see its PROVENANCE.md) and writes the compact table that the rules look
up in place: one row per instance type with only the facts ParallelCluster's validators ask EC2 for, a bit
per region that offers it, and the names the EC2 API knows without facts. Standard library only.

    python3 src/core/instance_table_gen.py            # (re)write src/core/instance_table.cc
    python3 src/core/instance_table_gen.py --check    # exit 1 if the checked-in table differs

Exit codes: 0 ok, 1 --check found a difference, 2 bad input, 77 vendor folder missing (lets a test skip).
To refresh from a newer dump: replace the files in shared/vendor-data/ec2 (same formats), update SOURCE
below, run this script, and review the diff of instance_table.cc (docs/instance-types.md).
"""
import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
DEFAULT_VENDOR_DIR = REPO_ROOT / ".." / "shared" / "vendor-data" / "ec2"
OUTPUT = HERE / "instance_table.cc"

# Where the facts come from; printed by `pcluster-lint --version` and `explain` (keep in step with PROVENANCE.md).
SOURCE = {
    "date": "2026-08-02",
    "facts": "getmoto/moto moto/ec2/resources/instance_types.json and instance_type_offerings/region "
             "at commit 34d6cad5abbb7b91c97578f3249b39a7e2df1ed5 (2026-08-02), Apache-2.0",
    "names": "npm @aws-sdk/client-ec2@3.1178.0 (2026-11-25), InstanceType enum, Apache-2.0",
}

ARCHITECTURES = ["x86_64", "arm64", "i386", "x86_64_mac", "arm64_mac"]
PLACEMENT = ["cluster", "partition", "spread"]
USAGE = ["on-demand", "spot", "capacity-block"]
MAKERS = ["", "NVIDIA", "AMD", "AWS", "Qualcomm", "Xilinx", "Habana", "Intel"]


def bits(values, names, what):
    mask = 0
    for v in values:
        if v not in names:
            raise ValueError(f"unknown {what} {v!r}: add it to the generator and to instance_types.h")
        mask |= 1 << names.index(v)
    return mask


def maker(name, what):
    if name not in MAKERS:
        raise ValueError(f"unknown {what} maker {name!r}: add it to MAKERS and to instance_types.h")
    return MAKERS.index(name)


def row(record, regions_of):
    name = record["InstanceType"]
    vcpu = record["VCpuInfo"]
    net = record["NetworkInfo"]
    gpus = record.get("GpuInfo", {}).get("Gpus", [])
    gpu_makers = {g["Manufacturer"] for g in gpus}
    accelerators = record.get("InferenceAcceleratorInfo", {}).get("Accelerators", [])
    acc_makers = {a["Manufacturer"] for a in accelerators}
    if len(gpu_makers) > 1 or len(acc_makers) > 1:
        raise ValueError(f"{name}: several GPU or accelerator makers")
    neuron = sum(d.get("Count", 0) for d in record.get("NeuronInfo", {}).get("NeuronDevices", []))
    valid_tpc = 0
    for t in vcpu.get("ValidThreadsPerCore", []):
        valid_tpc |= 1 << t
    storage = record.get("InstanceStorageInfo", {}).get("TotalSizeInGB", 0)
    fields = [
        f'"{name}"',
        str(bits(record["ProcessorInfo"]["SupportedArchitectures"], ARCHITECTURES, "architecture")),
        str(vcpu["DefaultVCpus"]),
        str(vcpu.get("DefaultCores", vcpu["DefaultVCpus"])),
        str(vcpu.get("DefaultThreadsPerCore", 1)),
        str(valid_tpc),
        str(record["MemoryInfo"]["SizeInMiB"]),
        str(sum(g.get("Count", 0) for g in gpus)),
        str(maker(next(iter(gpu_makers)) if gpu_makers else "", "GPU")),
        str(sum(a.get("Count", 0) for a in accelerators)),
        str(maker(next(iter(acc_makers)) if acc_makers else "", "accelerator")),
        str(neuron),
        "true" if net.get("EfaSupported") else "false",
        str(net.get("EfaInfo", {}).get("MaximumEfaInterfaces", 0)),
        str(net.get("MaximumNetworkCards", 1)),
        str(bits(record.get("PlacementGroupInfo", {}).get("SupportedStrategies", []), PLACEMENT, "placement strategy")),
        str(bits(record.get("SupportedUsageClasses", []), USAGE, "usage class")),
        "true" if record.get("BareMetal") else "false",
        str(storage),
        "true" if record.get("CurrentGeneration") else "false",
        f"0x{regions_of.get(name, 0):08x}u",
    ]
    return "    {" + ", ".join(fields) + "},"


def generate(vendor_dir):
    facts_path = vendor_dir / "instance_types.json"
    facts = json.loads(facts_path.read_text(encoding="utf-8"))
    offerings = json.loads((vendor_dir / "region-offerings.json").read_text(encoding="utf-8"))
    names = sorted(set((vendor_dir / "sdk-instance-type-names.txt").read_text(encoding="utf-8").split()))
    regions = sorted(offerings)
    if len(regions) > 32:
        raise ValueError(f"{len(regions)} regions: the table keeps one 32-bit mask per type")
    regions_of = {}
    for index, region in enumerate(regions):
        for name in offerings[region]:
            if name not in facts:
                raise ValueError(f"{region} offers {name}, which has no facts")
            regions_of[name] = regions_of.get(name, 0) | (1 << index)
    missing = sorted(set(facts) - set(names))
    if missing:
        raise ValueError(f"types with facts but not in the API's name list: {missing[:5]}")
    digest = hashlib.sha256(facts_path.read_bytes()).hexdigest()
    out = [
        "// EC2 instance-type facts compiled into pcluster-lint (generated: do not edit; see the header below).",
        "// clang-format off",
        "//",
        "// Generated by src/core/instance_table_gen.py from shared/vendor-data/ec2 (docs/instance-types.md).",
        f"// Facts: {SOURCE['facts']}; instance_types.json sha256 {digest}.",
        f"// Names: {SOURCE['names']}.",
        "// Both sources are licensed under the Apache License 2.0; see docs/third-party/NOTICE.md.",
        "// Columns: name, architectures, vCPUs, default cores, default threads per core, valid threads per",
        "// core (bit n: n threads), memory MiB, GPUs, GPU maker, accelerators, accelerator maker, Neuron",
        "// devices, EFA, max EFA interfaces, network cards, placement strategies, usage classes, bare metal,",
        "// instance storage GB, current generation, regions (bit i: kRegions[i] offers it).",
        '#include "core/instance_table.h"',
        "",
        "namespace pcl::core::ec2_data {",
        "",
        "// constinit: the table is data in the binary, with no start-up work (a check runs in milliseconds).",
        f'const char kDate[] = "{SOURCE["date"]}";',
        f'const char kFactsSource[] = "{SOURCE["facts"]}";',
        f'const char kNamesSource[] = "{SOURCE["names"]}";',
        "",
        "constinit const std::string_view kRegions[] = {",
    ]
    out += [f'    "{r}",' for r in regions]
    out += ["};", f"const size_t kRegionCount = {len(regions)};", "",
            "constinit const InstanceFacts kFacts[] = {"]
    out += [row(facts[name], regions_of) for name in sorted(facts)]
    out += ["};", f"const size_t kFactCount = {len(facts)};", "",
            "// Names the EC2 API knows but the facts do not (retired types, or newer than the facts).",
            "constinit const std::string_view kNamesWithoutFacts[] = {"]
    out += [f'    "{n}",' for n in names if n not in facts]
    out += ["};", f"const size_t kNamesWithoutFactsCount = {len([n for n in names if n not in facts])};",
            "", "}  // namespace pcl::core::ec2_data", ""]
    return "\n".join(out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vendor-dir", type=Path, default=DEFAULT_VENDOR_DIR)
    parser.add_argument("--check", action="store_true", help="compare with the checked-in table instead of writing")
    args = parser.parse_args(argv)
    if not (args.vendor_dir / "instance_types.json").is_file():
        print(f"instance_table_gen.py: {args.vendor_dir} has no instance_types.json", file=sys.stderr)
        return 77
    try:
        text = generate(args.vendor_dir)
    except (ValueError, KeyError, OSError) as err:
        print(f"instance_table_gen.py: {err}", file=sys.stderr)
        return 2
    if args.check:
        if not OUTPUT.is_file() or OUTPUT.read_text(encoding="utf-8") != text:
            print("instance_table_gen.py --check: src/core/instance_table.cc is out of date", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
