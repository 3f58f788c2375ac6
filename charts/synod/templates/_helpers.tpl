{{/*
Names. Kubernetes names are limited to 63 characters. The longest name derived from the prefix is Strimzi's
bootstrap Service "<prefix>-kafka-kafka-bootstrap" (22 more), so the prefix is cut at 40.
*/}}
{{- define "synod.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 40 | trimSuffix "-" }}
{{- end }}

{{- define "synod.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "synod.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object. Argument: the root context. */}}
{{- define "synod.labels" -}}
helm.sh/chart: {{ include "synod.chart" . }}
app.kubernetes.io/part-of: synod
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Selector labels of a component. Argument: dict root, name. */}}
{{- define "synod.selectorLabels" -}}
app.kubernetes.io/name: {{ include "synod.name" .root }}-{{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* All labels of a component's objects. Argument: dict root, name. */}}
{{- define "synod.componentLabels" -}}
{{ include "synod.labels" .root }}
{{ include "synod.selectorLabels" . }}
{{- end }}

{{/* Image reference. Argument: dict root, image (repository, tag), what (for the error message). */}}
{{- define "synod.image" -}}
{{- $repo := required (printf "%s.image.repository is required" .what) .image.repository }}
{{- printf "%s:%s" $repo (default .root.Chart.AppVersion .image.tag) }}
{{- end }}

{{/* The Secret holding the admin and reputer tokens. */}}
{{- define "synod.credentialsSecret" -}}
{{- default (printf "%s-credentials" (include "synod.fullname" .)) .Values.credentials.existingSecret }}
{{- end }}

{{/* PostgreSQL connection: host, port, database, user, Secret and key of the password. */}}
{{- define "synod.pg.host" -}}
{{- if .Values.postgresql.cloudnativepg.enabled }}
{{- printf "%s-postgresql-rw" (include "synod.fullname" .) }}
{{- else }}
{{- required "postgresql.external.host is required (or set postgresql.cloudnativepg.enabled=true)" .Values.postgresql.external.host }}
{{- end }}
{{- end }}

{{- define "synod.pg.port" -}}
{{- if .Values.postgresql.cloudnativepg.enabled }}5432{{ else }}{{ .Values.postgresql.external.port }}{{ end }}
{{- end }}

{{- define "synod.pg.database" -}}
{{- if .Values.postgresql.cloudnativepg.enabled }}
{{- .Values.postgresql.cloudnativepg.database }}
{{- else }}
{{- required "postgresql.external.database is required" .Values.postgresql.external.database }}
{{- end }}
{{- end }}

{{- define "synod.pg.user" -}}
{{- if .Values.postgresql.cloudnativepg.enabled }}
{{- .Values.postgresql.cloudnativepg.owner }}
{{- else }}
{{- required "postgresql.external.user is required" .Values.postgresql.external.user }}
{{- end }}
{{- end }}

{{- define "synod.pg.secret" -}}
{{- if .Values.postgresql.cloudnativepg.enabled }}
{{- printf "%s-postgresql-app" (include "synod.fullname" .) }}
{{- else }}
{{- required "postgresql.external.existingSecret is required: a Secret with the database password" .Values.postgresql.external.existingSecret }}
{{- end }}
{{- end }}

{{- define "synod.pg.secretKey" -}}
{{- if .Values.postgresql.cloudnativepg.enabled }}password{{ else }}{{ .Values.postgresql.external.passwordKey }}{{ end }}
{{- end }}

{{/* Kafka bootstrap servers and the ports clients reach brokers on. */}}
{{- define "synod.kafka.bootstrap" -}}
{{- if .Values.kafka.strimzi.enabled }}
{{- printf "%s-kafka-kafka-bootstrap:9092" (include "synod.fullname" .) }}
{{- else }}
{{- required "kafka.external.bootstrapServers is required (or set kafka.strimzi.enabled=true)" .Values.kafka.external.bootstrapServers }}
{{- end }}
{{- end }}

{{- define "synod.kafka.ports" -}}
{{- if .Values.kafka.strimzi.enabled }}{{ toJson (list 9092) }}{{ else }}{{ toJson .Values.kafka.external.ports }}{{ end }}
{{- end }}

{{/*
Settings of a service as environment variables (the ConfigMap's data). Argument: dict root, name.
Payouts reads its own names (services/payouts/README.md); the others use Quarkus' names.
*/}}
{{- define "synod.service.config" -}}
{{- $root := .root }}
{{- $c := index $root.Values .name }}
{{- $url := printf "postgresql://%s:%s/%s" (include "synod.pg.host" $root) (include "synod.pg.port" $root) (include "synod.pg.database" $root) -}}
QUARKUS_HTTP_PORT: {{ $c.port | quote }}
{{- if eq .name "payouts" }}
SYNOD_PAYOUTS_DB_URL: {{ $url | quote }}
SYNOD_PAYOUTS_DB_USER: {{ include "synod.pg.user" $root | quote }}
SYNOD_KAFKA: {{ include "synod.kafka.bootstrap" $root | quote }}
{{- else }}
QUARKUS_DATASOURCE_REACTIVE_URL: {{ $url | quote }}
QUARKUS_DATASOURCE_USERNAME: {{ include "synod.pg.user" $root | quote }}
KAFKA_BOOTSTRAP_SERVERS: {{ include "synod.kafka.bootstrap" $root | quote }}
{{- end }}
{{- with $root.Values.tracing.otlpEndpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}
OTEL_EXPORTER_OTLP_PROTOCOL: {{ $root.Values.tracing.otlpProtocol | quote }}
{{- end }}
{{- range $k, $v := $c.config }}
{{ $k }}: {{ $v | toString | quote }}
{{- end }}
{{- end }}

{{/*
Egress to the OTLP collector of tracing.otlpEndpoint, by port (a collector's address is not selectable by labels):
the URL's port, else 4317 for grpc and 4318 for http/protobuf. Nothing when tracing is off. Argument: the root.
*/}}
{{- define "synod.egress.tracing" -}}
{{- with .Values.tracing.otlpEndpoint }}
{{- $host := (urlParse .).host }}
{{- $port := regexFind ":[0-9]+$" $host | trimPrefix ":" }}
{{- if not $port }}{{ $port = ternary "4318" "4317" (eq $.Values.tracing.otlpProtocol "http/protobuf") }}{{ end -}}
# The OTLP collector (tracing.otlpEndpoint).
- ports:
    - {protocol: TCP, port: {{ $port }}}
{{- end }}
{{- end }}

{{/* Secret-backed environment of a service. Argument: dict root, name. */}}
{{- define "synod.service.secretEnv" -}}
{{- $root := .root -}}
- name: {{ if eq .name "payouts" }}SYNOD_PAYOUTS_DB_PASSWORD{{ else }}QUARKUS_DATASOURCE_PASSWORD{{ end }}
  valueFrom:
    secretKeyRef:
      name: {{ include "synod.pg.secret" $root }}
      key: {{ include "synod.pg.secretKey" $root }}
- name: SYNOD_AUTH_ADMIN_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "synod.credentialsSecret" $root }}
      key: {{ $root.Values.credentials.adminTokenKey }}
- name: SYNOD_AUTH_REPUTER_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "synod.credentialsSecret" $root }}
      key: {{ $root.Values.credentials.reputerTokenKey }}
{{- end }}

{{/* Pass-through scheduling fields of a pod. Argument: the component's values. */}}
{{- define "synod.scheduling" -}}
{{- with .nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .topologySpreadConstraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- end }}

{{/* Egress every component needs: DNS, then the extra rules. Argument: the root context. */}}
{{- define "synod.egress.dns" -}}
- ports:
    - {protocol: UDP, port: 53}
    - {protocol: TCP, port: 53}
{{- end }}

{{- define "synod.egress.data" -}}
- ports:
    - {protocol: TCP, port: {{ include "synod.pg.port" . }}}
- ports:
    {{- range (include "synod.kafka.ports" . | fromJsonArray) }}
    - {protocol: TCP, port: {{ . }}}
    {{- end }}
{{- end }}
