// pcluster-lint entry point: builds the command line and maps outcomes to exit codes.
#ifndef __has_feature
#define __has_feature(x) 0  // GCC spells sanitizer detection __SANITIZE_ADDRESS__
#endif
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "core/instance_types.h"
#include "schema/schema_check.h"

int main(int argc, char** argv) {
  int exit_code = pcl::cli::kExitClean;
  CLI::App app{
      "pcluster-lint: check AWS ParallelCluster configs offline (v3 YAML; v2 INI/TOML), "
      "and migrate v2 configs to v3.",
      "pcluster-lint"};
  // What the binary knows, with dates: a finding about an instance type depends on the table's age.
  app.set_version_flag("--version", std::string("pcluster-lint ") + PCL_VERSION + "\nParallelCluster releases: " +
                                        pcl::schema::KnownRange() + "\nEC2 instance types: " +
                                        std::string(pcl::core::InstanceTableDate()) + " (" +
                                        std::to_string(pcl::core::AllInstanceTypes().size()) + " with facts, " +
                                        std::to_string(pcl::core::KnownRegions().size()) + " regions)");
  app.require_subcommand(1);
  app.fallthrough(false);
  pcl::cli::AddCheckCommand(app, exit_code);
  pcl::cli::AddDumpCommand(app, exit_code);
  pcl::cli::AddSchemaCommand(app, exit_code);
  pcl::cli::AddRulesCommands(app, exit_code);
  pcl::cli::AddDiffCommand(app, exit_code);
  pcl::cli::AddMigrateCommand(app, exit_code);
  pcl::cli::AddLspCommand(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return pcl::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "pcluster-lint: internal error: " << e.what() << "\n";
    return pcl::cli::kExitInternal;
  }
  // The process ends here: skip the destructors of the rule catalogue and the parsed schemas
  // (freeing them is ~15% of a one-file check) once the output is flushed. Under LeakSanitizer
  // the normal exit runs, so leaks are still found.
#if !defined(__SANITIZE_ADDRESS__) && !__has_feature(address_sanitizer)
  std::cout.flush();
  std::cerr.flush();
  if (std::cout.good()) std::_Exit(exit_code);
#endif
  return exit_code;
}
