#!/usr/bin/env python3
"""Tests of check_module_graph.py on small trees: it passes a tree that keeps the graph and fails,
naming file, line, include and rule, each way a tree can break it."""
import pathlib
import subprocess
import sys
import tempfile
import textwrap
import unittest

CHECKER = pathlib.Path(__file__).with_name("check_module_graph.py")

DOC = """\
# Architecture
<!-- module-graph:begin -->
| folder | may include | why |
|---|---|---|
| `low` | — | uses nothing |
| `high` | `low` | uses low |
<!-- module-graph:end -->
"""


class ModuleGraphTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = pathlib.Path(self.dir.name)
        self.write("docs/architecture.md", DOC)
        self.write("src/low/CMakeLists.txt", "set(TABLE ${CMAKE_BINARY_DIR}/generated/table.cc)\n")
        self.write("src/low/a.h", "#pragma once\n#include <vector>\n")
        self.write("src/high/b.cc", '// b\n#include "high/b.h"\n#include "low/a.h"\n#include <yaml-cpp/yaml.h>\n')
        self.write("links.txt", "low: \nhigh: low\n")

    def tearDown(self):
        self.dir.cleanup()

    def write(self, relative, text):
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))

    def check(self):
        result = subprocess.run([sys.executable, str(CHECKER), str(self.root), str(self.root / "links.txt")],
                                capture_output=True, text=True)
        return result.returncode, result.stdout

    def test_a_tree_that_keeps_the_graph_passes(self):
        code, out = self.check()
        self.assertEqual(code, 0, out)
        self.assertIn("none against the graph", out)

    def test_an_include_against_the_graph_fails_with_file_line_include_and_rule(self):
        self.write("src/low/c.cc", '// c\n#include "low/a.h"\n#include "high/b.h"\n')
        code, out = self.check()
        self.assertEqual(code, 1, out)
        self.assertIn('src/low/c.cc:3: #include "high/b.h": low may not include high '
                      '(low may include: no other folder; see docs/architecture.md)', out)

    def test_a_generated_file_belongs_to_the_folder_that_generates_it(self):
        self.write("src/high/d.cc", '#include "generated/table.cc"\n')  # low generates it: allowed
        self.assertEqual(self.check()[0], 0)
        self.write("src/high/CMakeLists.txt", "set(X ${CMAKE_BINARY_DIR}/generated/ids.h)\n")
        self.write("src/low/e.cc", '#include "generated/ids.h"\n')  # high generates it: not allowed
        code, out = self.check()
        self.assertEqual(code, 1, out)
        self.assertIn('src/low/e.cc:1: #include "generated/ids.h": low may not include high', out)
        self.write("src/low/e.cc", '#include "generated/nobody.h"\n')
        code, out = self.check()
        self.assertIn('src/low/e.cc:1: #include "generated/nobody.h": no src/*/CMakeLists.txt generates', out)

    def test_a_cycle_in_the_table_fails(self):
        self.write("docs/architecture.md", DOC.replace("| `low` | — |", "| `low` | `high` |"))
        self.write("links.txt", "low: high\nhigh: low\n")
        code, out = self.check()
        self.assertEqual(code, 1, out)
        self.assertIn("the module graph has a cycle: high -> low -> high", out)

    def test_a_folder_missing_from_the_table_fails(self):
        self.write("src/extra/f.cc", "// f\n")
        code, out = self.check()
        self.assertEqual(code, 1, out)
        self.assertIn("src/extra is not in the module graph table", out)

    def test_cmake_links_that_disagree_with_the_table_fail(self):
        self.write("links.txt", "low: high\nhigh: \n")
        code, out = self.check()
        self.assertEqual(code, 1, out)
        self.assertIn("src/low/CMakeLists.txt: pcl_low links pcl_high, which docs/architecture.md does not allow", out)
        self.assertIn("src/high/CMakeLists.txt: docs/architecture.md lets high include low, but pcl_high does not "
                      "link pcl_low", out)


if __name__ == "__main__":
    unittest.main()
