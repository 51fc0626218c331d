#!/usr/bin/env bash
# Builds the portable Python wheel: manylinux2014 (glibc 2.17, x86_64), abi3, so one file installs on
# CPython 3.9 and newer on practically any Linux. maturin links it with zig (the `ziglang` package from
# PyPI) against glibc 2.17 symbols, and checks the result with its auditwheel rules.
#
#   nutgraf-py/build-portable-wheel.sh [OUTDIR]      (default: target/wheels)
set -euo pipefail
crate=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$crate/target/wheels}
venv=${NUTGRAF_WHEEL_VENV:-$HOME/.cache/nutgraf-py/build}
if [[ ! -x "$venv/bin/maturin" ]] || ! "$venv/bin/python" -c 'import ziglang' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'maturin>=1.16,<2' ziglang
fi
# maturin finds zig as `python -m ziglang` of the Python it runs under.
PATH="$venv/bin:$PATH" "$venv/bin/maturin" build --release --zig --compatibility manylinux2014 \
    -m "$crate/nutgraf-py/Cargo.toml" -o "$out"
ls -l "$out"/nutgraf-*manylinux2014*.whl
