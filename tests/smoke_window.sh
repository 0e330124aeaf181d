#!/usr/bin/env bash
# Starts taliq on the bundled sample under Xvfb, waits for its window, takes a screenshot
# and fails if the window never appeared or the screenshot is blank; then checks that a
# panic in the window leaves the unsaved work in the recovery file, and drives the find flow
# by keyboard (Ctrl+F, typing Arabic, Alt+key, Ctrl+S) and checks the saved file.
# Usage: tests/smoke_window.sh [path/to/taliq] [screenshot.png]
set -euo pipefail
bin=${1:-target/debug/taliq}
shot=${2:-$(mktemp --suffix=.png)}
display=:$((90 + RANDOM % 100))

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null; true; }
trap cleanup EXIT
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 WAYLAND_DISPLAY=
sleep 1

"$bin" >/tmp/taliq-smoke.log 2>&1 &
app=$!
window=
for _ in $(seq 1 60); do
    window=$(xdotool search --name 'taliq' 2>/dev/null | head -n1 || true)
    [ -n "$window" ] && break
    if ! kill -0 "$app" 2>/dev/null; then
        echo "smoke: taliq exited before showing a window:"; cat /tmp/taliq-smoke.log; exit 1
    fi
    sleep 0.5
done
if [ -z "$window" ]; then
    echo "smoke: no taliq window after 30 s"; cat /tmp/taliq-smoke.log; exit 1
fi
sleep 2  # let the first frames paint
import -window root "$shot"
colours=$(convert "$shot" -format '%k' info:)
echo "smoke: window $window, screenshot $shot with $colours colours"
if [ "$colours" -lt 8 ]; then
    echo "smoke: the screenshot is blank"; exit 1
fi
kill "$app" 2>/dev/null || true
app=

# The window of process $1, waited for up to 30 s; fails when none appears.
window_of() {
    local found
    for _ in $(seq 1 60); do
        found=$(xdotool search --pid "$1" 2>/dev/null | head -n1 || true)
        [ -n "$found" ] && { echo "$found"; return 0; }
        sleep 0.5
    done
    return 1
}

# A panic in the real window costs no work: with TALIQ_DEBUG_CRASH=frame the first frame with
# unsaved changes panics; Ctrl+Enter (mark done) makes the change. The process must end with
# the change in the recovery file, which is a valid corpus.
crash_dir=$(mktemp -d)
cp assets/sample/sample.json "$crash_dir/corpus.json"
TALIQ_DEBUG_CRASH=frame "$bin" "$crash_dir/corpus.json" >/tmp/taliq-crash.log 2>&1 &
app=$!
window=$(window_of "$app") || { echo "crash: no window"; cat /tmp/taliq-crash.log; exit 1; }
sleep 2
# Focused and typed through XTEST: winit ignores synthetic events sent to a window.
xdotool windowfocus "$window" 2>/dev/null || true
xdotool key ctrl+Return
for _ in $(seq 1 40); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$app" 2>/dev/null; then echo "crash: the window did not panic"; exit 1; fi
app=
grep -q "your unsaved work is in" /tmp/taliq-crash.log || { echo "crash: no word on the recovery file"; cat /tmp/taliq-crash.log; exit 1; }
"$bin" validate "$crash_dir/corpus.recovery.json"
grep -q '"status": "done"' "$crash_dir/corpus.recovery.json" || { echo "crash: the change is not in the recovery file"; exit 1; }
echo "crash: the panic left the unsaved change in $crash_dir/corpus.recovery.json"

# The find flow by keyboard alone in the real window (issue #11): Ctrl+F, type a word into
# the bidi find field, Alt+3 labels every match LOC, Escape closes the bar, Ctrl+S saves.
find_dir=$(mktemp -d)
cp assets/sample/sample.json "$find_dir/corpus.json"
count_loc() {
    python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))["documents"][0]
print(sum(1 for s in d["spans"] if s["label"]=="LOC" and d["text"][s["start"]:s["end"]]=="روسيا"))' "$1"
}
before=$(count_loc "$find_dir/corpus.json")
"$bin" "$find_dir/corpus.json" >/tmp/taliq-find.log 2>&1 &
app=$!
window=$(window_of "$app") || { echo "find: no window"; cat /tmp/taliq-find.log; exit 1; }
sleep 2
xdotool windowfocus "$window" 2>/dev/null || true
xdotool key ctrl+f
sleep 0.5
# One letter a call: xdotool maps each non-Latin letter to a spare key code, and letters sent
# in one burst can be lost while the map changes.
for letter in ر و س ي ا; do xdotool type --delay 80 "$letter"; sleep 0.2; done
sleep 0.5
xdotool key alt+3
sleep 0.5
xdotool key Escape
sleep 0.3
xdotool key ctrl+s
sleep 1.5
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
app=
"$bin" validate "$find_dir/corpus.json"
after=$(count_loc "$find_dir/corpus.json")
echo "find: LOC spans on روسيا before $before, after $after"
if [ "$after" -le "$before" ]; then
    echo "find: Ctrl+F, typing and Alt+3 labelled nothing"; cat /tmp/taliq-find.log; exit 1
fi
