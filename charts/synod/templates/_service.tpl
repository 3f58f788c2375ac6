{{/*
The objects of one Quarkus service (gateway, scoring, payouts, verification). Each template file of a service
renders one of these with dict root, name, so every service is deployed the same way. The values of a service
live under .Values.<name>.
*/}}

{{- define "synod.service.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "synod.fullname" .root }}-{{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "synod.componentLabels" . | nindent 4 }}
data:
  {{- include "synod.service.config" . | nindent 2 }}
{{- end }}

{{- define "synod.service.deployment" -}}
{{- $root := .root }}
{{- $c := index $root.Values .name }}
{{- $fullname := include "synod.fullname" $root }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}-{{ .name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "synod.componentLabels" . | nindent 4 }}
spec:
  {{- if not $c.autoscaling.enabled }}
  replicas: {{ $c.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "synod.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      annotations:
        # Rolls the pods when their settings change.
        checksum/config: {{ include "synod.service.config" . | sha256sum }}
        {{- with $c.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      labels:
        {{- include "synod.componentLabels" . | nindent 8 }}
        {{- with $c.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      # The services never call the Kubernetes API.
      automountServiceAccountToken: false
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      {{- with (include "synod.scheduling" $c) }}
      {{- . | nindent 6 }}
      {{- end }}
      containers:
        - name: {{ .name }}
          image: {{ include "synod.image" (dict "root" $root "image" $c.image "what" .name) }}
          imagePullPolicy: {{ $c.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $c.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ $fullname }}-{{ .name }}
          env:
            {{- include "synod.service.secretEnv" . | nindent 12 }}
            {{- with $c.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          startupProbe:
            httpGet: {path: /q/health/live, port: http}
            periodSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet: {path: /q/health/live, port: http}
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet: {path: /q/health/ready, port: http}
            periodSeconds: 5
            failureThreshold: 3
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          resources:
            {{- toYaml (required (printf "%s.resources is required" .name) $c.resources) | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        # The root filesystem is read-only; Quarkus and Vert.x write only below /tmp.
        - name: tmp
          emptyDir:
            sizeLimit: {{ $root.Values.tmpSizeLimit }}
{{- end }}

{{- define "synod.service.service" -}}
{{- $c := index .root.Values .name }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "synod.fullname" .root }}-{{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "synod.componentLabels" . | nindent 4 }}
  {{- with $c.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $c.service.type }}
  selector:
    {{- include "synod.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ $c.port }}
      targetPort: http
      protocol: TCP
{{- end }}

{{- define "synod.service.hpa" -}}
{{- $c := index .root.Values .name }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "synod.fullname" .root }}-{{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "synod.componentLabels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "synod.fullname" .root }}-{{ .name }}
  minReplicas: {{ $c.autoscaling.minReplicas }}
  maxReplicas: {{ $c.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $c.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}

{{- define "synod.service.pdb" -}}
{{- $c := index .root.Values .name }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "synod.fullname" .root }}-{{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "synod.componentLabels" . | nindent 4 }}
spec:
  maxUnavailable: {{ $c.pdb.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "synod.selectorLabels" . | nindent 6 }}
{{- end }}

{{/*
NetworkPolicy of a service. The gateway's port is open to every source; the other services accept only pods of
the release namespace (plus networkPolicy.metricsFrom, for scraping).
*/}}
{{- define "synod.service.networkpolicy" -}}
{{- $root := .root }}
{{- $c := index $root.Values .name }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "synod.fullname" $root }}-{{ .name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "synod.componentLabels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "synod.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    {{- if eq .name "gateway" }}
    - ports:
        - {protocol: TCP, port: {{ $c.port }}}
    {{- else }}
    - from:
        - podSelector: {}
        {{- with $root.Values.networkPolicy.metricsFrom }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      ports:
        - {protocol: TCP, port: {{ $c.port }}}
    {{- end }}
  egress:
    {{- include "synod.egress.dns" $root | nindent 4 }}
    {{- include "synod.egress.data" $root | nindent 4 }}
    {{- with (include "synod.egress.tracing" $root) }}
    {{- . | nindent 4 }}
    {{- end }}
    {{- if eq .name "gateway" }}
    # Worker pods made by the operator, in any namespace.
    - to:
        - namespaceSelector: {}
          podSelector:
            matchLabels:
              app.kubernetes.io/name: synod-worker
      ports:
        - {protocol: TCP, port: {{ $root.Values.worker.port }}}
    {{- with $root.Values.networkPolicy.gatewayExtraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- end }}
    {{- with $root.Values.networkPolicy.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}

{{/* Whether ServiceMonitors are rendered: the API is served, or forced. Argument: the root context. */}}
{{- define "synod.serviceMonitor.on" -}}
{{- if or .Values.serviceMonitor.force (and .Values.serviceMonitor.enabled (.Capabilities.APIVersions.Has "monitoring.coreos.com/v1/ServiceMonitor")) }}true{{ end }}
{{- end }}

{{- define "synod.servicemonitor" -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "synod.fullname" .root }}-{{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "synod.componentLabels" . | nindent 4 }}
    {{- with .root.Values.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "synod.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /q/metrics
      interval: {{ .root.Values.serviceMonitor.interval }}
{{- end }}
