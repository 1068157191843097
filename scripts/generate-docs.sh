#!/usr/bin/env bash
# Regenerate completions/ and man/ from the CLI definition (a test fails when they are stale).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/mtlsctl
mkdir -p completions man
"$bin" completions bash > completions/mtlsctl.bash
"$bin" completions zsh > completions/_mtlsctl
"$bin" completions fish > completions/mtlsctl.fish
"$bin" completions powershell > completions/_mtlsctl.ps1
"$bin" completions elvish > completions/mtlsctl.elv
rm -f man/*.1
"$bin" -q man --out-dir man
echo "regenerated completions/ and man/"
