#!/usr/bin/env bash
# Installs every Debian 12 package Fairground's build, tests and demo need; idempotent.
# Does nothing (and needs no network) when all are present. Never fetches anything else.
set -euo pipefail

PACKAGES=(
    build-essential cmake pkg-config ccache git
    libvulkan-dev mesa-vulkan-drivers vulkan-validationlayers vulkan-tools glslc
    libglfw3-dev libglm-dev libimgui-dev libassimp-dev libstb-dev libenet-dev
    doctest-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libcli11-dev libfmt-dev
    libmeshoptimizer-dev libxxhash-dev libsodium-dev libedit-dev libzstd-dev zlib1g-dev
    xvfb xauth xfonts-base fonts-dejavu-core
    clang libclang-rt-14-dev
    libical-dev libpng-dev libturbojpeg0-dev
    libpoppler-cpp-dev
    tzdata
    libopus-dev libopenal-dev espeak-ng
    libhiredis-dev redis-server
    libhowardhinnant-date-dev fonts-noto-core fonts-noto-cjk libharfbuzz-dev libfribidi-dev
    libfreetype-dev
    gettext
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
