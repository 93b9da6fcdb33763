# Cross-compiling for the Raspberry Pi (64-bit Raspberry Pi OS, Debian arm64)
# with Debian's cross compiler and multiarch -dev:arm64 packages:
#   dpkg --add-architecture arm64 && apt-get update
#   apt-get install crossbuild-essential-arm64 qemu-user-static \
#     libsdl2-dev:arm64 libsdl2-ttf-dev:arm64 libevdev-dev:arm64 \
#     libfribidi-dev:arm64 libsystemd-dev:arm64
# (deploy/install-deps.sh test does it). Tests run under qemu-user: the arm64
# libraries live in /lib/aarch64-linux-gnu beside the native ones, so the
# emulator's library root is / itself.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER aarch64-linux-gnu-gcc)

# Multiarch: headers and libraries for arm64 sit in the native tree, under
# the triplet's directories, so the root path is / and only the arch-specific
# directories differ.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config must see only arm64 .pc files (and the arch-independent ones).
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(PKG_CONFIG_EXECUTABLE pkg-config CACHE FILEPATH "pkg-config (host tool, arm64 .pc files)")

set(CMAKE_CROSSCOMPILING_EMULATOR "qemu-aarch64-static;-L;/")

