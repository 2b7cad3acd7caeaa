# Pinned versions of the tools the image build and the chart tests use, and where each one is cached:
# outside the clone, keyed by version, so that a fresh clone on the same machine finds them.
# Sourced by tools/kube/binaries, deploy/images/build and the chart tests.
HELM_VERSION=v4.3.1
CRANE_VERSION=v0.22.1
KWOK_VERSION=v0.8.0
KUBE_VERSION=v1.37.2 # etcd, kube-apiserver, kube-controller-manager, kube-scheduler (tools/kube/go.mod)
KUBERNETES_VALIDATE_VERSION=1.37.0
# The definitions of the custom resources the chart can render (HTTPRoute, ServiceMonitor), from the projects'
# Go modules as the Go module proxy serves them (each module's zip holds its CRD YAML).
GATEWAY_API_VERSION=v1.4.1
PROMETHEUS_OPERATOR_VERSION=v0.85.0
PMO_TOOL_CACHE=${PMO_TOOL_CACHE:-$HOME/.cache/pmo}

HELM_BIN=$PMO_TOOL_CACHE/helm-$HELM_VERSION/helm
CRANE_BIN=$PMO_TOOL_CACHE/crane-$CRANE_VERSION/crane
KWOK_BIN=$PMO_TOOL_CACHE/kwok-$KWOK_VERSION/kwok
KWOK_STAGES=$PMO_TOOL_CACHE/kwok-$KWOK_VERSION/stages
KUBE_BIN_DIR=$PMO_TOOL_CACHE/kube-$KUBE_VERSION
CRDS_DIR=$PMO_TOOL_CACHE/crds-gateway-api-$GATEWAY_API_VERSION-prometheus-operator-$PROMETHEUS_OPERATOR_VERSION
KUBERNETES_VALIDATE_BIN=$PMO_TOOL_CACHE/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION/venv/bin/kubernetes-validate
