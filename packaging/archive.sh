#!/usr/bin/env bash
# Packs the built release binary with what belongs beside it into
# target/dist/taliq-VERSION-linux-ARCH.tar.gz: the binary, desktop entry, icons, corpus file
# type, manual pages and completions (written by the binary itself), README, licences, and
# the sample corpus, laid out as under /usr/local (bin/, share/…), so that
# `tar -xzf … -C ~/.local --strip-components=1` installs it for one user.
# Usage: packaging/archive.sh   (after `cargo build --release`)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/taliq
[ -x "$bin" ] || { echo "archive: build first: cargo build --release"; exit 1; }
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
name=taliq-$version-linux-$(uname -m)
stage=target/dist/$name
rm -rf "$stage" "$stage.tar.gz"
mkdir -p "$stage/bin" "$stage/share/applications" "$stage/share/mime/packages" \
    "$stage/share/icons/hicolor/scalable/apps" "$stage/share/doc/taliq/examples"
cp "$bin" "$stage/bin/"
cp assets/desktop/taliq.desktop "$stage/share/applications/"
cp packaging/taliq-mime.xml "$stage/share/mime/packages/taliq.xml"
cp assets/desktop/taliq.svg "$stage/share/icons/hicolor/scalable/apps/"
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "$stage/share/icons/hicolor/${size}x${size}/apps"
    cp "assets/desktop/taliq-$size.png" "$stage/share/icons/hicolor/${size}x${size}/apps/taliq.png"
done
"$bin" generate man --out "$stage/share/man/man1" >/dev/null
"$bin" generate completions bash --out "$stage/share/bash-completion/completions" >/dev/null
mv "$stage/share/bash-completion/completions/taliq.bash" "$stage/share/bash-completion/completions/taliq"
"$bin" generate completions zsh --out "$stage/share/zsh/site-functions" >/dev/null
"$bin" generate completions fish --out "$stage/share/fish/vendor_completions.d" >/dev/null
cp README.md LICENSE-MIT LICENSE-APACHE "$stage/share/doc/taliq/"
cp fonts/OFL.txt "$stage/share/doc/taliq/fonts-OFL.txt"
cp assets/sample/sample.json "$stage/share/doc/taliq/examples/"
tar -C target/dist -czf "$stage.tar.gz" "$name"
ls -l "$stage.tar.gz"
