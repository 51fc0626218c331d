#!/usr/bin/env bash
# Builds a nutgraf binary for older cluster images: glibc 2.17 (CentOS 7, Amazon Linux 2, EMR, most
# Hadoop and Spark images) instead of the build machine's glibc (2.34+ here). cargo-zigbuild links with
# zig against glibc 2.17 symbols; zig comes from PyPI (`ziglang`), cargo-zigbuild from crates.io.
#
#   examples/spark/build-portable-binary.sh      → target/x86_64-unknown-linux-gnu/release/nutgraf
set -euo pipefail
crate=$(cd "$(dirname "$0")/../.." && pwd)
venv=${NUTGRAF_WHEEL_VENV:-$HOME/.cache/nutgraf-py/build}
if ! "$venv/bin/python" -c 'import ziglang' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check ziglang
fi
command -v cargo-zigbuild >/dev/null || cargo install --locked cargo-zigbuild
# cargo-zigbuild runs `python3 -m ziglang` when no `zig` is on the PATH; the venv's python3 has it.
cd "$crate"
PATH="$venv/bin:$PATH" cargo zigbuild --release --target x86_64-unknown-linux-gnu.2.17
binary=target/x86_64-unknown-linux-gnu/release/nutgraf
# The newest glibc symbol version the binary needs (2.17 or older, or the build did not do its job).
needed=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
echo "$binary: needs $needed"
"$binary" "$crate/data/samples/japan-us-chips.txt" >/dev/null && echo "$binary runs"
