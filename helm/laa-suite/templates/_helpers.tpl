{{/* Names, as `helm create` makes them. */}}
{{- define "laa-suite.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "laa-suite.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "laa-suite.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The name of every object of one component: "<fullname>-<component>". Context: dict root, component. */}}
{{- define "laa-suite.componentName" -}}
{{- printf "%s-%s" (include "laa-suite.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The labels that pick one component's pods. Context: dict root, component. */}}
{{- define "laa-suite.selectorLabels" -}}
app.kubernetes.io/name: {{ include "laa-suite.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* The labels of every object: the selector labels, the chart's, and global.commonLabels. Context: dict root, component. */}}
{{- define "laa-suite.labels" -}}
helm.sh/chart: {{ include "laa-suite.chart" .root }}
{{ include "laa-suite.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: laa-suite
{{- with .root.Values.global.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* "<registry>/<repository>:<tag>"; the tag: the component's, else global.image.tag, else the chart's appVersion. Context: dict root, image (the component's image values). */}}
{{- define "laa-suite.image" -}}
{{- $tag := .image.tag | default .root.Values.global.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s/%s:%s" .root.Values.global.image.registry .image.repository $tag }}
{{- end }}

{{/* The Secret with a service's database credentials: database.existingSecret, else "<fullname>-<component>-db" (which the service's secret.yaml creates when values give a password). Context: dict root, component, database. */}}
{{- define "laa-suite.secretName" -}}
{{- .database.existingSecret | default (printf "%s-db" (include "laa-suite.componentName" .)) }}
{{- end }}

{{/* The Secret with the gateway's SMTP password when the reminders are on and have one: reminders.smtp.existingSecret, else "<fullname>-reporting-gateway-smtp" (which its secret.yaml creates when values give a password); empty otherwise. Context: root. */}}
{{- define "laa-suite.smtpSecretName" -}}
{{- with .Values.reportingGateway.reminders }}
{{- if .enabled }}
{{- .smtp.existingSecret | default (ternary (printf "%s-smtp" (include "laa-suite.componentName" (dict "root" $ "component" "reporting-gateway"))) "" (ne .smtp.password "")) }}
{{- end }}
{{- end }}
{{- end }}

{{/* A service's <PREFIX>_DB_USER and <PREFIX>_DB_PASSWORD, from that Secret. Context: dict root, component, envPrefix, database. */}}
{{- define "laa-suite.databaseEnv" -}}
- name: {{ .envPrefix }}_DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ include "laa-suite.secretName" . }}
      key: {{ .database.secretKeys.username }}
- name: {{ .envPrefix }}_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "laa-suite.secretName" . }}
      key: {{ .database.secretKeys.password }}
{{- end }}

{{/* "true" when more than one pod always runs (replicas, or the autoscaler's minimum): the condition for a PodDisruptionBudget. Context: the component's values. */}}
{{- define "laa-suite.multiplePods" -}}
{{- $pods := ternary .autoscaling.minReplicas .replicas (and .autoscaling.enabled true) -}}
{{- if gt (int $pods) 1 }}true{{ end }}
{{- end }}

{{/* Every component's security settings, as ConfigMap data: the issuers it trusts (security.issuers) and the admins. Context: root. */}}
{{- define "laa-suite.securityConfig" -}}
{{- range .Values.security.issuers }}
{{- if not (regexMatch "^[a-z][a-z0-9]*$" (.name | default "")) }}
{{- fail (printf "security.issuers: name %q must be lower-case letters and digits" (.name | default "")) }}
{{- end }}
{{- if not .issuer }}
{{- fail (printf "security.issuers: %s has no issuer" .name) }}
{{- end }}
{{- $prefix := printf "LAA_SECURITY_ISSUERS_%s_" (upper .name) }}
{{ $prefix }}ISSUER: {{ .issuer | quote }}
{{ $prefix }}AUDIENCE: {{ .audience | default "laa-suite" | quote }}
{{- with .organisation }}
{{ $prefix }}ORGANISATION: {{ . | quote }}
{{- end }}
{{- with .jwks }}
{{ $prefix }}JWKS: {{ . | quote }}
{{- end }}
{{- end }}
LAA_SECURITY_ADMINS: {{ .Values.security.admins | quote }}
{{- end }}

{{/* Egress to the identity providers (their keys; the gateway's token endpoint), when any is configured. Context: root. */}}
{{- define "laa-suite.identityProviderEgress" -}}
{{- if .Values.security.issuers }}
- to:
    - ipBlock:
        cidr: {{ .Values.security.identityProviderCidr }}
  ports:
    - port: 443
      protocol: TCP
{{- end }}
{{- end }}

{{/*
  The checks of a service's integrator Ingress (to its gRPC port): calls through it need a token of an issuer, so
  issuers must be configured; and gRPC is HTTP/2, which ingress-nginx serves only over TLS, so every host must be
  named in the tls block (exactly, or by a wildcard "*.<parent>"). Context: dict root, key (the service's values key,
  for the messages), ingress (its ingress values).
*/}}
{{- define "laa-suite.grpcIngressChecks" -}}
{{- if not .root.Values.security.issuers }}
{{- fail (printf "%s.ingress: integrators call with a bearer token of one of security.issuers, and none is configured" .key) }}
{{- end }}
{{- if not .ingress.hosts }}
{{- fail (printf "%s.ingress: no hosts" .key) }}
{{- end }}
{{- $tlsHosts := list }}
{{- range .ingress.tls }}
{{- $tlsHosts = concat $tlsHosts (.hosts | default list) }}
{{- end }}
{{- range .ingress.hosts }}
{{- $wildcard := printf "*.%s" (regexReplaceAll "^[^.]*\\." (.host | default "") "") }}
{{- if not (or (has .host $tlsHosts) (has $wildcard $tlsHosts)) }}
{{- fail (printf "%s.ingress: host %q has no TLS; gRPC reaches ingress-nginx only over TLS (HTTP/2): name it in %s.ingress.tls[].hosts, with the secretName of its certificate (or none, for the controller's default certificate)" $.key (.host | default "") $.key) }}
{{- end }}
{{- end }}
{{- end }}

{{/*
  A service's Ingress annotations: its own, with nginx.ingress.kubernetes.io/backend-protocol GRPC always (the port
  speaks gRPC in plain HTTP/2, nothing else), and proxy-body-size "0" unless they set one: ingress-nginx refuses a
  request body over 1 MiB by default, and a gRPC call's body is its whole request stream (an import's file, an
  ImportOutturns stream), while the service itself answers one over its limits (16 MiB a message, 100,000 rows a
  stream) with RESOURCE_EXHAUSTED or INVALID_ARGUMENT saying which. Context: the ingress values.
*/}}
{{- define "laa-suite.grpcIngressAnnotations" -}}
{{- toYaml (merge (dict "nginx.ingress.kubernetes.io/backend-protocol" "GRPC") (.annotations | default dict) (dict "nginx.ingress.kubernetes.io/proxy-body-size" "0")) }}
{{- end }}

{{/*
  A service's NetworkPolicy rule for its Ingress: the ingress controller's pods (networkPolicy.ingressFrom) may reach
  the gRPC port, only while the ingress is enabled; they must be named then, or the policy would keep them out.
  Context: dict key (the service's values key, for the message), values (its values).
*/}}
{{- define "laa-suite.ingressControllerRule" -}}
{{- if .values.ingress.enabled }}
{{- if not .values.networkPolicy.ingressFrom }}
{{- fail (printf "%s.ingress is enabled: set %s.networkPolicy.ingressFrom to the ingress controller's pods (e.g. a namespaceSelector of its namespace), which the NetworkPolicy otherwise keeps from the gRPC port" .key .key) }}
{{- end }}
- from:
    {{- toYaml .values.networkPolicy.ingressFrom | nindent 4 }}
  ports:
    - port: grpc
      protocol: TCP
{{- end }}
{{- end }}

{{/* What every component reads about tracing (its configmap.yaml's data). Context: root. */}}
{{- define "laa-suite.tracingConfig" -}}
LAA_TRACING_ENABLED: {{ .Values.tracing.enabled | quote }}
{{- if .Values.tracing.enabled }}
LAA_TRACING_OTLP_ENDPOINT: {{ required "tracing.otlpEndpoint: the collector's OTLP endpoint" .Values.tracing.otlpEndpoint | quote }}
LAA_TRACING_OTLP_PROTOCOL: {{ .Values.tracing.protocol | quote }}
{{- end }}
{{- end }}

{{/* Egress to the OpenTelemetry collector, when tracing is on. Context: root. */}}
{{- define "laa-suite.tracingEgress" -}}
{{- if .Values.tracing.enabled }}
- to:
    - ipBlock:
        cidr: {{ .Values.tracing.collectorCidr }}
  ports:
    - port: {{ .Values.tracing.collectorPort }}
      protocol: TCP
{{- end }}
{{- end }}
