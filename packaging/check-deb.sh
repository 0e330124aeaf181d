#!/usr/bin/env bash
# Checks a built taliq .deb as an installer would meet it: lists its contents, unpacks it into
# a scratch root (dpkg -x), runs the unpacked binary (--version, validate on the sample),
# validates the desktop entry, finds every icon, file type, licence and doc, and checks that
# the manual pages and the bash/zsh/fish completions name every subcommand the binary's own
# --help lists (walked recursively, so a new subcommand is checked with no change here).
# With --window, also opens the unpacked binary's window under Xvfb (tests/smoke_window.sh).
# Usage: packaging/check-deb.sh [--window] [target/debian/taliq_X_Y.deb]
# Needs: dpkg-deb, desktop-file-validate (desktop-file-utils), update-mime-database
# (shared-mime-info); gio (libglib2.0-bin) when present checks the file type as a file
# manager sees it.
set -euo pipefail
cd "$(dirname "$0")/.."

window=
if [ "${1:-}" = --window ]; then window=1; shift; fi
deb=${1:-$(ls -t target/debian/taliq_*.deb 2>/dev/null | head -n1)}
[ -f "$deb" ] || { echo "check-deb: no package (run packaging/deb.sh first)"; exit 1; }
fail() { echo "check-deb: $*"; exit 1; }

echo "== $deb"
dpkg-deb --field "$deb" Package Version Architecture Installed-Size Depends Recommends Suggests
echo "Size: $(stat -c %s "$deb") bytes"
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|')
echo "$contents" | grep -v '/$'

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"

echo "== files"
expected=(
    /usr/bin/taliq
    /usr/share/applications/taliq.desktop
    /usr/share/mime/packages/taliq.xml
    /usr/share/icons/hicolor/scalable/apps/taliq.svg
    /usr/share/man/man1/taliq.1.gz
    /usr/share/bash-completion/completions/taliq
    /usr/share/zsh/vendor-completions/_taliq
    /usr/share/fish/vendor_completions.d/taliq.fish
    /usr/share/doc/taliq/README.md
    /usr/share/doc/taliq/copyright
    /usr/share/doc/taliq/LICENSE-MIT
    /usr/share/doc/taliq/LICENSE-APACHE
    /usr/share/doc/taliq/fonts-OFL.txt
    /usr/share/doc/taliq/examples/sample.json
)
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/taliq.png")
done
for path in "${expected[@]}"; do
    [ -s "$root$path" ] || fail "missing or empty: $path"
done
for size in 16 22 24 32 48 64 128 256 512; do
    file "$root/usr/share/icons/hicolor/${size}x${size}/apps/taliq.png" \
        | grep -q "PNG image data, $size x $size" || fail "the ${size}px icon is not ${size}x${size}"
done
echo "all ${#expected[@]} files present"

echo "== the unpacked binary"
bin=$root/usr/bin/taliq
version=$("$bin" --version)
want="taliq $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
[ "$version" = "$want" ] || fail "--version says '$version', Cargo.toml '$want'"
echo "$version"
"$bin" validate "$root/usr/share/doc/taliq/examples/sample.json"
"$bin" validate assets/sample/sample.json

echo "== desktop entry"
desktop-file-validate "$root/usr/share/applications/taliq.desktop"
grep -qx 'Exec=taliq %f' "$root/usr/share/applications/taliq.desktop" || fail "Exec is not 'taliq %f'"
grep -qx 'Icon=taliq' "$root/usr/share/applications/taliq.desktop" || fail "Icon is not 'taliq'"
grep -q '^MimeType=.*application/x-taliq-corpus;.*application/json;' \
    "$root/usr/share/applications/taliq.desktop" || fail "MimeType lacks the corpus type or JSON"
echo "valid"

echo "== file type"
mime=$(mktemp -d)
mkdir -p "$mime/mime/packages"
cp "$root/usr/share/mime/packages/taliq.xml" "$mime/mime/packages/"
cp /usr/share/mime/packages/freedesktop.org.xml "$mime/mime/packages/"
XDG_DATA_DIRS=$mime update-mime-database "$mime/mime"
grep -q 'application/x-taliq-corpus:\*\.taliq\.json' "$mime/mime/globs2" || fail "no *.taliq.json glob"
grep -aq 'taliq-corpus' "$mime/mime/magic" || fail "no magic for the corpus"
if command -v gio >/dev/null; then
    files=$(mktemp -d)
    cp assets/sample/sample.json "$files/by-content.json"
    cp assets/sample/sample.json "$files/named.taliq.json"
    echo '{"format": "something-else"}' > "$files/other.json"
    type_of() {
        XDG_DATA_HOME=$mime XDG_DATA_DIRS=$mime gio info -a standard::content-type "$1" \
            | sed -n 's/.*content-type: //p'
    }
    [ "$(type_of "$files/by-content.json")" = application/x-taliq-corpus ] || fail "a corpus named .json is $(type_of "$files/by-content.json")"
    [ "$(type_of "$files/named.taliq.json")" = application/x-taliq-corpus ] || fail "*.taliq.json is $(type_of "$files/named.taliq.json")"
    [ "$(type_of "$files/other.json")" = application/json ] || fail "other JSON is $(type_of "$files/other.json")"
    rm -rf "$files"
    echo "gio: a corpus (by name or by content) is application/x-taliq-corpus, other JSON application/json"
fi
rm -rf "$mime"

echo "== manual pages and completions name every subcommand"
# Subcommand paths as the binary's help lists them ("project init", ...), recursively.
subcommands_of() {
    local -a above=("$@")
    "$bin" "${above[@]}" --help </dev/null | awk '/^Commands:/{on=1; next} on && /^$/{exit} on && $1 != "help" {print $1}' \
        | while read -r name; do
            echo "${above[*]} $name" | sed 's/^ //'
            subcommands_of "${above[@]}" "$name"
        done
}
mapfile -t subcommands < <(subcommands_of)
[ "${#subcommands[@]}" -gt 20 ] || fail "only ${#subcommands[@]} subcommands found: ${subcommands[*]}"
man=$root/usr/share/man/man1
for path in "${subcommands[@]}"; do
    page=taliq-${path// /-}
    [ -s "$man/$page.1.gz" ] || fail "no manual page $page.1.gz"
    parent=taliq
    case $path in *" "*) parent=taliq-$(echo "${path% *}" | tr ' ' -) ;; esac
    zcat "$man/$parent.1.gz" | grep -qF "${page//-/\\-}(1)" || fail "$parent.1 does not name $page(1)"
    name=${path##* }
    for completion in "$root/usr/share/bash-completion/completions/taliq" \
        "$root/usr/share/zsh/vendor-completions/_taliq" \
        "$root/usr/share/fish/vendor_completions.d/taliq.fish"; do
        grep -qw -- "$name" "$completion" || fail "$(basename "$completion") does not name $name"
    done
done
bash -n "$root/usr/share/bash-completion/completions/taliq" || fail "the bash completion does not parse"
if command -v zsh >/dev/null; then zsh -n "$root/usr/share/zsh/vendor-completions/_taliq"; fi
if command -v fish >/dev/null; then fish -n "$root/usr/share/fish/vendor_completions.d/taliq.fish"; fi
echo "${#subcommands[@]} subcommands, each with its manual page and in every completion"

if [ -n "$window" ]; then
    echo "== the unpacked binary's window"
    bash tests/smoke_window.sh "$bin"
fi
echo "== package checked"
