#!/usr/bin/env bash
# Builds the Debian package target/debian/taliq_VERSION-1_ARCH.deb: the release binary, the
# desktop entry, icons, file type, manual pages and completions (written here by the built
# binary itself, `taliq generate`), licences and README. Installs cargo-deb first if missing.
# Usage: packaging/deb.sh            (then: sudo apt install ./target/debian/taliq_*.deb)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-deb >/dev/null; then
    echo "== installing cargo-deb"
    cargo install cargo-deb --version 3.8.0 --locked
fi

echo "== release build"
cargo build --release --locked

echo "== manual pages and completions from the built binary"
generated=target/packaging
rm -rf "$generated"
target/release/taliq generate man --out "$generated/man" >/dev/null
gzip -9n "$generated"/man/*.1
for shell in bash zsh fish; do
    target/release/taliq generate completions "$shell" --out "$generated/completions" >/dev/null
done

echo "== package"
# --no-build: the binary built above (the profile `cargo run --release` uses, so the two
# share one build) is the one packaged, and the one that wrote the manual and completions.
cargo deb --no-build --locked
ls -l target/debian/taliq_*.deb
