#!/usr/bin/env bash
# Opens `nutgraf --format html` pages in headless Chromium: a screenshot of each, and a check in the DOM
# the browser built that the highlighted sentences are exactly the brief (tests/html_chromium.rs).
# Installs Debian's chromium when it is missing (about 144 MB, two minutes); not part of .ci/run for
# that reason. Screenshots land in target/tmp/html-check/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v chromium >/dev/null 2>&1; then
    echo "== installing chromium"
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y chromium; else sudo apt-get install -y chromium; fi
fi

echo "== the HTML page in headless Chromium"
cargo test --test html_chromium -- --ignored --nocapture
