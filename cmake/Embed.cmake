# Embeds data files (rules, schemas) into a generated C++ source at build time.
function(pcl_embed_files output)
  set(inputs ${ARGN})
  list(SORT inputs)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DROOT=${CMAKE_SOURCE_DIR}
            "-DINPUTS=${inputs}" -P ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${inputs} ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding rules and schemas"
    VERBATIM)
endfunction()
