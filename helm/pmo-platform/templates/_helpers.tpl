{{/* The release's base name: resources are <release>-<workload> (or <fullnameOverride>-<workload>). */}}
{{- define "pmo.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* The three services, in a fixed order, with the prefix of their variables and their API path. */}}
{{- define "pmo.services" -}}
strategic-pmo: { prefix: STRATEGIC_PMO, api: /api/strategic }
program-pmo: { prefix: PROGRAM_PMO, api: /api/program }
project-pmo: { prefix: PROJECT_PMO, api: /api/project }
{{- end -}}

{{- define "pmo.selectorLabels" -}}
app.kubernetes.io/name: {{ default .root.Chart.Name .root.Values.nameOverride }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Labels of every resource; call with (dict "root" $ "component" "<workload>"). */}}
{{- define "pmo.labels" -}}
{{ include "pmo.selectorLabels" . }}
app.kubernetes.io/part-of: pmo-platform
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "pmo.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "pmo.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* <registry>/<repository>/<workload>:<tag>[@digest]; call with (dict "root" $ "workload" "<name>"). */}}
{{- define "pmo.image" -}}
{{- $image := .root.Values.image -}}
{{- $ref := printf "%s/%s/%s:%s" $image.registry $image.repository .workload (default .root.Chart.AppVersion $image.tag) -}}
{{- with (index .root.Values.workloads .workload).image.digest -}}
{{- $ref = printf "%s@%s" $ref . -}}
{{- end -}}
{{- $ref -}}
{{- end -}}

{{/* Secrets: the admin's existing ones, or those the chart makes. */}}
{{- define "pmo.databaseSecret" -}}
{{- default (printf "%s-database" (include "pmo.fullname" .)) .Values.database.existingSecret -}}
{{- end -}}
{{- define "pmo.ownerSecret" -}}
{{- default (printf "%s-database-owner" (include "pmo.fullname" .)) .Values.database.existingSecret -}}
{{- end -}}
{{- define "pmo.kafkaSecret" -}}
{{- default (printf "%s-kafka" (include "pmo.fullname" .)) .Values.kafka.sasl.existingSecret -}}
{{- end -}}

{{/* The securityContext every container runs with: no way to gain privileges or write the image. */}}
{{- define "pmo.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.runAsUser }}
runAsGroup: {{ .Values.runAsUser }}
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "pmo.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.runAsUser }}
runAsGroup: {{ .Values.runAsUser }}
fsGroup: {{ .Values.runAsUser }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Database connection variables of one service; call with (dict "root" $ "service" "<name>" "role" "owner|app"). */}}
{{- define "pmo.databaseEnv" -}}
{{- $db := index .root.Values.database.services .service -}}
{{- $prefix := (index (include "pmo.services" . | fromYaml) .service).prefix -}}
- name: PMO_DB_HOST
  value: {{ .root.Values.database.host | quote }}
- name: PMO_DB_PORT
  value: {{ .root.Values.database.port | quote }}
- name: {{ $prefix }}_DB_NAME
  value: {{ $db.name | quote }}
- name: PMO_DB_USER
  value: {{ (index $db .role).username | quote }}
- name: PMO_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ if eq .role "owner" }}{{ include "pmo.ownerSecret" .root }}{{ else }}{{ include "pmo.databaseSecret" .root }}{{ end }}
      key: {{ printf "%s-%s-password" .service .role }}
{{- end -}}

{{/* OTLP export and the resource attributes that place a span in the cluster. */}}
{{- define "pmo.otlpEnv" -}}
{{- if .Values.otlp.endpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .Values.otlp.endpoint | quote }}
{{- with .Values.otlp.headersSecret }}
- name: OTEL_EXPORTER_OTLP_HEADERS
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: headers
{{- end }}
{{- end }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: OTEL_RESOURCE_ATTRIBUTES
  value: {{ printf "k8s.namespace.name=%s,k8s.pod.name=$(POD_NAME)%s" .Release.Namespace (ternary (printf ",%s" .Values.otlp.resourceAttributes) "" (ne .Values.otlp.resourceAttributes "")) | quote }}
{{- end -}}

{{/*
  Mebibytes in a Kubernetes memory quantity (512Mi, 1Gi, 0.5Gi, 500M, or bytes); fails on any other shape.
*/}}
{{- define "pmo.mebibytes" -}}
{{- if or (kindIs "float64" .) (kindIs "int64" .) (kindIs "int" .) -}}
{{- floor (divf . 1048576.0) | int64 -}}
{{- else -}}
{{- $quantity := toString . -}}
{{- $units := dict "Ki" 1024.0 "Mi" 1048576.0 "Gi" 1073741824.0 "Ti" 1099511627776.0 "k" 1000.0 "M" 1000000.0 "G" 1000000000.0 "T" 1000000000000.0 "" 1.0 -}}
{{- if not (regexMatch "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$" $quantity) -}}
{{- fail (printf "resources.limits.memory %q: give it as bytes or with Ki, Mi, Gi, Ti, k, M, G or T" $quantity) -}}
{{- end -}}
{{- $unit := regexFind "[A-Za-z]+$" $quantity -}}
{{- $amount := float64 (trimSuffix $unit $quantity) -}}
{{- floor (divf (mulf $amount (index $units $unit)) 1048576.0) | int64 -}}
{{- end -}}
{{- end }}

{{/*
  NODE_OPTIONS capping V8's old space at nodeHeap.percentOfMemoryLimit of the container's memory limit. Without it
  V8 sizes its heap to nearly the whole limit and leaves garbage uncollected until the kernel kills the pod; the
  rest of the limit holds code, buffers and the young generation. Nothing when the percentage is 0 or no limit is set.
  Call with (dict "root" $ "resources" <the workload's resources>).
*/}}
{{- define "pmo.nodeHeapEnv" -}}
{{- $percent := int .root.Values.nodeHeap.percentOfMemoryLimit -}}
{{- $limit := dig "limits" "memory" "" (.resources | default dict) -}}
{{- if and (gt $percent 0) $limit -}}
- name: NODE_OPTIONS
  value: "--max-old-space-size={{ div (mul (include "pmo.mebibytes" $limit | int64) $percent) 100 }}"
{{- end -}}
{{- end }}
