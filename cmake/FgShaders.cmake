# Compiles GLSL in shaders/ to SPIR-V with glslc at build time; a depfile makes a change to any
# #included file rebuild the shader. Produces files only; never links anything.

# fg_compile_shaders(<target> <output dir> <sources...>)
function(fg_compile_shaders target outdir)
    set(outputs)
    foreach(src ${ARGN})
        get_filename_component(name ${src} NAME)
        set(out ${outdir}/${name}.spv)
        set(dep ${outdir}/${name}.d)
        add_custom_command(
            OUTPUT ${out}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${outdir}
            COMMAND ${FG_GLSLC} --target-env=vulkan1.2 -Werror -O -MD -MF ${dep} -MT ${out}
                    -o ${out} ${CMAKE_CURRENT_SOURCE_DIR}/${src}
            DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${src}
            DEPFILE ${dep}
            COMMENT "glslc ${name}"
            VERBATIM)
        list(APPEND outputs ${out})
    endforeach()
    add_custom_target(${target} ALL DEPENDS ${outputs})
endfunction()
