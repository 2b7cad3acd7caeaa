{{/* NetworkPolicy rules: one destination (peers, ports) per rule. */}}
{{- define "pmo.egressRule" -}}
- {{- with .rule.peers }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  ports:
    {{- range $port := .rule.ports }}
    {{- range $protocol := $.protocols }}
    - { port: {{ $port }}, protocol: {{ $protocol }} }
    {{- end }}
    {{- end }}
{{- end }}
{{- define "pmo.commonEgress" -}}
{{ include "pmo.egressRule" (dict "rule" .Values.networkPolicy.egress.dns "protocols" (list "UDP" "TCP")) }}
{{- if .Values.otlp.endpoint }}
{{ include "pmo.egressRule" (dict "rule" .Values.networkPolicy.egress.otlp "protocols" (list "TCP")) }}
{{- end }}
{{- end }}
{{- define "pmo.ingressControllerPeer" -}}
- namespaceSelector:
    {{- toYaml .namespaceSelector | nindent 4 }}
  podSelector:
    {{- toYaml .podSelector | nindent 4 }}
{{- end }}
