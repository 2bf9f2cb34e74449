#!/usr/bin/env bash
# Renders the example timeline report (dev.vigil.timeline.ExampleReport) in headless Chromium,
# checks the page the browser built, and keeps a screenshot for the docs.
#
#   scripts/render-timeline-report.sh
#
# Output: target/timeline-report/example.html and docs/timeline-report.png.
# Not part of the default build: it needs a browser, which it installs from Debian if missing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
out_dir="$root/target/timeline-report"
html="$out_dir/example.html"
png="$root/docs/timeline-report.png"
chromium=/usr/bin/chromium

# Every type ExampleReport records: the browser's DOM must show all of them.
expected_types=(
  request.received
  order.created
  payment.initiated
  "POST /v1/charges"
  payment.completed
  inventory.reserved
  shipping.label_created
  notification.sent
  delivery.failed
  message.dead_lettered
)

fail() {
  echo "render-timeline-report: $*" >&2
  exit 1
}

if [[ ! -x "$chromium" ]]; then
  echo "Installing Debian chromium..."
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends \
    chromium fonts-dejavu-core
fi

mkdir -p "$out_dir" "$root/docs"

echo "Compiling vigil-core and its tests..."
mvn -B -q -Dstyle.color=never -pl vigil-core -am test-compile -Dspotless.check.skip=true
mvn -B -q -Dstyle.color=never -pl vigil-core dependency:build-classpath \
  -Dmdep.outputFile="$out_dir/classpath.txt" -Dmdep.includeScope=test
classpath="$root/vigil-core/target/classes:$root/vigil-core/target/test-classes:$(cat "$out_dir/classpath.txt")"

java -cp "$classpath" dev.vigil.timeline.ExampleReport "$html"

# The report must be one file that loads nothing: no URL in any src or href, no remote CSS.
if grep -Eiq "(src|href)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*(https?:)?//" "$html"; then
  grep -Eio "(src|href)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*(https?:)?//[^\"' >]*" "$html" >&2
  fail "$html references the network (see above); the report must be self-contained"
fi
if grep -Eiq "@import|url\([[:space:]]*[\"']?(https?:)?//" "$html"; then
  fail "$html loads CSS from the network; the report must be self-contained"
fi

# Separate profiles and no network resolver: a page that tried to fetch something could not.
browser() {
  local profile
  profile=$(mktemp -d)
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile" "$@" 2>"$out_dir/chromium.log"
  local status=$?
  rm -rf "$profile"
  return $status
}

echo "Checking the page in headless Chromium..."
dom="$out_dir/example.dom.html"
browser --dump-dom "file://$html" >"$dom" || fail "chromium could not load $html (see $out_dir/chromium.log)"
grep -q "<svg" "$dom" || fail "the browser's DOM has no <svg> diagram; see $dom"
missing=()
for type in "${expected_types[@]}"; do
  grep -Fq ">$type</text>" "$dom" || missing+=("$type")
done
if ((${#missing[@]} > 0)); then
  fail "the browser's DOM is missing entry types: ${missing[*]} (see $dom)"
fi

# Size the window to the diagram so the screenshot shows all of it and nothing else.
svg_height=$(grep -Eo '<svg[^>]* height="[0-9]+"' "$html" | head -n 1 | grep -Eo 'height="[0-9]+"' | grep -Eo '[0-9]+')
[[ -n "$svg_height" ]] || fail "no SVG height in $html"
height=$((svg_height + 150))

echo "Taking the screenshot..."
rm -f "$png"
browser --hide-scrollbars --window-size="1400,$height" --screenshot="$png" "file://$html" \
  || fail "chromium could not screenshot $html (see $out_dir/chromium.log)"
[[ -s "$png" ]] || fail "chromium wrote no screenshot to $png (see $out_dir/chromium.log)"

echo "Report:     $html"
echo "Screenshot: $png"
