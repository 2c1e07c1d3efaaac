# CPACK_PRE_BUILD_SCRIPTS: strips the programs in the staging folders before they are packaged.
# CPACK_STRIP_FILES only strips install(TARGETS) files, and pcn-display is installed with
# install(PROGRAMS … RENAME); this covers every program, whatever the build type.
file(GLOB pcn_programs "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/usr/bin/*")
foreach(program IN LISTS pcn_programs)
  execute_process(COMMAND strip --strip-unneeded --remove-section=.comment
                          --remove-section=.note "${program}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "packaging: could not strip ${program}")
  endif()
endforeach()
if(NOT pcn_programs)
  message(FATAL_ERROR "packaging: no program found under ${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
endif()
