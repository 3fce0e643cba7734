# Embeds data files (rules, schemas) into the binary at build time. The bytes go in through the
# assembler's .incbin (fast even for megabytes of schemas); a generated C++ table indexes them.
function(pcl_embed_files output_stem)
  set(inputs ${ARGN})
  list(SORT inputs)
  add_custom_command(
    OUTPUT ${output_stem}.S ${output_stem}.cc
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output_stem} -DROOT=${CMAKE_SOURCE_DIR} -DBINARY=${CMAKE_BINARY_DIR}
            "-DINPUTS=${inputs}" -P ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Indexing embedded rules and schemas"
    VERBATIM)
  # The .S file names the inputs with .incbin, so it must be re-assembled when any input changes.
  set_source_files_properties(${output_stem}.S PROPERTIES OBJECT_DEPENDS "${inputs}")
endfunction()
