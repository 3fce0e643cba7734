# Install layout (binary, rules, schemas, man page) and the Debian package built by `cpack -G DEB`.
include(GNUInstallDirs)

# The binary embeds rules and schemas; the installed copies are for people and other tools to read.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pcluster-lint/rules
  FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY ${CMAKE_SOURCE_DIR}/schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pcluster-lint/schemas
  FILES_MATCHING PATTERN "*.json" PATTERN "README.md" PATTERN "generator" EXCLUDE)

# The binary compiles in third-party data (the EC2 instance-type table): its notice and licences ship with it.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/third-party/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/third-party)

# Debian policy wants man pages compressed with gzip -9n (no timestamp, so the build is reproducible).
set(PCL_MAN_PAGE ${CMAKE_BINARY_DIR}/pcluster-lint.1.gz)
add_custom_command(OUTPUT ${PCL_MAN_PAGE}
  COMMAND gzip -9n -c ${CMAKE_SOURCE_DIR}/docs/pcluster-lint.1 > ${PCL_MAN_PAGE}
  DEPENDS ${CMAKE_SOURCE_DIR}/docs/pcluster-lint.1 VERBATIM)
add_custom_target(pcl_man_page ALL DEPENDS ${PCL_MAN_PAGE})
install(FILES ${PCL_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The project has no web site or mail domain of its own yet: whoever publishes a package names
# themselves here (-DPCL_PACKAGE_MAINTAINER="Name <address>"); no address is made up.
set(PCL_PACKAGE_MAINTAINER "pcluster-lint maintainers"
  CACHE STRING "Maintainer field of the Debian package")

set(CPACK_PACKAGE_NAME pcluster-lint)
set(CPACK_PACKAGE_VENDOR "pcluster-lint")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${PCL_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline linter and v2-to-v3 migrator for AWS ParallelCluster configs")
set(CPACK_PACKAGE_DESCRIPTION
  "pcluster-lint checks AWS ParallelCluster 3 YAML and ParallelCluster 2 INI/TOML cluster configs
without network access or AWS credentials, reporting findings with stable rule ids as text, JSON,
SARIF, JUnit or GitHub annotations. It also converts v2 configs to v3 and explains what an
update between two configs needs.")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${PCL_PACKAGE_MAINTAINER})
# A static PIE build (PCL_STATIC, the default) needs no shared library at all. Otherwise yaml-cpp
# is the only one beyond the C/C++ runtime (the others are header-only): dpkg-shlibdeps
# (dpkg-dev) derives exact versions; without it, name the bookworm packages.
find_program(PCL_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(PCL_LINK_STATIC)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "")
elseif(PCL_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libyaml-cpp0.7, libstdc++6 (>= 12), libgcc-s1, libc6 (>= 2.34)")
endif()
include(CPack)
