# Installation layout and the Debian package (`cpack -G DEB` in a build
# directory): the binary (fonts embedded), the systemd unit, the udev rule
# mounting USB keys read-only, the sysusers entry for the kiosk user and the
# documented /etc/concerto/kiosk.conf. Maintainer scripts and the conffiles
# list are in deploy/debian/. Enabling the kiosk at boot is deploy/setup-pi.sh's
# job, not the package's.
set(CONCERTO_DEPLOY_DIR ${PROJECT_SOURCE_DIR}/deploy)

# lintian wants the changelog and the man page compressed, reproducibly.
set(CONCERTO_PACKAGE_DIR ${PROJECT_BINARY_DIR}/package)
add_custom_command(
  OUTPUT ${CONCERTO_PACKAGE_DIR}/changelog.gz ${CONCERTO_PACKAGE_DIR}/concerto.1.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CONCERTO_PACKAGE_DIR}
  COMMAND gzip -9nc ${CONCERTO_DEPLOY_DIR}/debian/changelog > ${CONCERTO_PACKAGE_DIR}/changelog.gz
  COMMAND gzip -9nc ${CONCERTO_DEPLOY_DIR}/concerto.1 > ${CONCERTO_PACKAGE_DIR}/concerto.1.gz
  DEPENDS ${CONCERTO_DEPLOY_DIR}/debian/changelog ${CONCERTO_DEPLOY_DIR}/concerto.1
  VERBATIM)
add_custom_target(concerto_package_files ALL
  DEPENDS ${CONCERTO_PACKAGE_DIR}/changelog.gz ${CONCERTO_PACKAGE_DIR}/concerto.1.gz)

install(FILES ${CONCERTO_DEPLOY_DIR}/concerto.service DESTINATION /lib/systemd/system)
install(FILES ${CONCERTO_DEPLOY_DIR}/90-concerto-usb.rules DESTINATION /lib/udev/rules.d)
install(FILES ${CONCERTO_DEPLOY_DIR}/sysusers-concerto.conf DESTINATION lib/sysusers.d
        RENAME concerto.conf)
install(FILES ${CONCERTO_DEPLOY_DIR}/kiosk.conf DESTINATION /etc/concerto)
install(FILES ${CONCERTO_DEPLOY_DIR}/journald-volatile.conf DESTINATION share/concerto)
install(FILES ${CONCERTO_PACKAGE_DIR}/concerto.1.gz DESTINATION share/man/man1)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${CONCERTO_DEPLOY_DIR}/debian/copyright
              ${CONCERTO_PACKAGE_DIR}/changelog.gz
              ${PROJECT_SOURCE_DIR}/assets/fonts/LICENSE-DejaVu.txt
              ${PROJECT_SOURCE_DIR}/assets/fonts/LICENSE-Noto.txt
        DESTINATION share/doc/concerto)

if(CMAKE_CROSSCOMPILING AND CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  set(CONCERTO_DEB_ARCH arm64) # CPack would otherwise ask dpkg, i.e. the build machine
else()
  execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE CONCERTO_DEB_ARCH
                  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME concerto)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "concerto team <concerto@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "fullscreen sociogenogram kiosk for Clinique de Concertation sessions")
set(CPACK_PACKAGE_DESCRIPTION "concerto projects a family's sociogenogram to a whole room:\n\
the genogram, every professional and institution working with the family,\n\
the links between them and the fields where their work overlaps. It runs\n\
fullscreen on a Raspberry Pi (KMSDRM, no desktop), reads the situation from\n\
a USB key mounted read-only and stores nothing on the device.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${CONCERTO_DEB_ARCH})
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Explicit rather than dpkg-shlibdeps, which does not run for a cross build;
# the versions are Debian 12's / Raspberry Pi OS Bookworm's. Fonts are in the
# binary, so no fonts-* package. SDL's KMSDRM video opens EGL, GLES and GBM
# at run time (dlopen, so no linker dependency says so) and GBM loads the
# GPU's DRI driver: without libegl1, libgles2 and libgl1-mesa-dri, which
# libsdl2-2.0-0 does not pull in, Raspberry Pi OS Lite shows no picture.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libc6 (>= 2.34), libsdl2-2.0-0 (>= 2.26), libsdl2-ttf-2.0-0 (>= 2.20), libevdev2 (>= 1.13), libfribidi0 (>= 1.0), libegl1, libgles2, libgbm1, libgl1-mesa-dri, libsystemd0, systemd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CONCERTO_DEPLOY_DIR}/debian/conffiles ${CONCERTO_DEPLOY_DIR}/debian/postinst
  ${CONCERTO_DEPLOY_DIR}/debian/prerm ${CONCERTO_DEPLOY_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_WARN_ON_ABSOLUTE_INSTALL_DESTINATION OFF)
include(CPack)
