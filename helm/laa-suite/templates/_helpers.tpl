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

{{/* The objects of one service: "<fullname>-<component>". Context: dict root, key, component. */}}
{{- define "laa-suite.componentName" -}}
{{- printf "%s-%s" (include "laa-suite.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "laa-suite.selectorLabels" -}}
app.kubernetes.io/name: {{ include "laa-suite.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

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

{{- define "laa-suite.configmap" -}}
{{- $v := index .root.Values .key -}}
{{- if $v.enabled }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "laa-suite.componentName" . }}
  labels:
    {{- include "laa-suite.labels" . | nindent 4 }}
data:
  {{- if $v.database }}
  {{ $v.envPrefix }}_DB_URL: {{ printf "jdbc:postgresql://%s:%v/%s?%s" .root.Values.global.database.host .root.Values.global.database.port $v.database.name .root.Values.global.database.parameters | quote }}
  {{- else }}
  {{- /* The gateway: the services it reads, by their Kubernetes Service names. */}}
  INDICATORS_ADDRESS: {{ include "laa-suite.peer" (dict "root" .root "key" "indicatorsService" "component" "indicators-service") | quote }}
  FUNDING_ADDRESS: {{ include "laa-suite.peer" (dict "root" .root "key" "fundingService" "component" "funding-service") | quote }}
  PARTNERSHIP_ADDRESS: {{ include "laa-suite.peer" (dict "root" .root "key" "partnershipService" "component" "partnership-service") | quote }}
  LAA_REPORTING_DEADLINE: {{ $v.upstreamDeadline | quote }}
  LAA_REPORTING_RECONNECT_WAIT: {{ $v.upstreamReconnectWait | quote }}
  LAA_REPORTING_FINANCIAL_YEAR: {{ $v.financialYear | quote }}
  {{- end }}
  {{ $v.envPrefix }}_GRPC_PORT: {{ $v.ports.grpc | quote }}
  {{ $v.envPrefix }}_HTTP_PORT: {{ $v.ports.http | quote }}
  LAA_BIND_HOST: "0.0.0.0"
  LOG_LEVEL: {{ .root.Values.global.logLevel | quote }}
  LOG_FORMAT: {{ .root.Values.global.logFormat | quote }}
  JAVA_TOOL_OPTIONS: {{ $v.javaOpts | quote }}
{{- end }}
{{- end }}

{{/* "host:port" of a service's gRPC port inside the cluster. Context: dict root, key, component. */}}
{{- define "laa-suite.peer" -}}
{{- $v := index .root.Values .key -}}
{{- printf "%s:%v" (include "laa-suite.componentName" .) $v.ports.grpc }}
{{- end }}

{{- define "laa-suite.deployment" -}}
{{- $v := index .root.Values .key -}}
{{- if $v.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "laa-suite.componentName" . }}
  labels:
    {{- include "laa-suite.labels" . | nindent 4 }}
spec:
  {{- if not $v.autoscaling.enabled }}
  replicas: {{ $v.replicas }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "laa-suite.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "laa-suite.labels" . | nindent 8 }}
      annotations:
        checksum/config: {{ include "laa-suite.configmap" . | sha256sum }}
    spec:
      automountServiceAccountToken: false
      {{- with .root.Values.global.imagePullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds }}
      securityContext:
        {{- toYaml ($v.podSecurityContext | default .root.Values.global.podSecurityContext) | nindent 8 }}
      containers:
        - name: {{ .component }}
          image: {{ include "laa-suite.image" (dict "root" .root "image" $v.image) | quote }}
          imagePullPolicy: {{ $v.image.pullPolicy }}
          ports:
            - name: grpc
              containerPort: {{ $v.ports.grpc }}
              protocol: TCP
            - name: http
              containerPort: {{ $v.ports.http }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "laa-suite.componentName" . }}
          {{- if or $v.database $v.extraEnv }}
          env:
            {{- if $v.database }}
            - name: {{ $v.envPrefix }}_DB_USER
              valueFrom:
                secretKeyRef:
                  name: {{ include "laa-suite.secretName" . }}
                  key: {{ $v.database.secretKeys.username }}
            - name: {{ $v.envPrefix }}_DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ include "laa-suite.secretName" . }}
                  key: {{ $v.database.secretKeys.password }}
            {{- end }}
            {{- with $v.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- end }}
          {{- if $v.database }}
          # Ready only while the database answers (service ""); alive while the process runs.
          readinessProbe:
            grpc:
              port: {{ $v.ports.grpc }}
              service: ""
            initialDelaySeconds: {{ $v.readinessProbe.initialDelaySeconds }}
            periodSeconds: {{ $v.readinessProbe.periodSeconds }}
            failureThreshold: {{ $v.readinessProbe.failureThreshold }}
          livenessProbe:
            grpc:
              port: {{ $v.ports.grpc }}
              service: liveness
            initialDelaySeconds: {{ $v.livenessProbe.initialDelaySeconds }}
            periodSeconds: {{ $v.livenessProbe.periodSeconds }}
            failureThreshold: {{ $v.livenessProbe.failureThreshold }}
          startupProbe:
            grpc:
              port: {{ $v.ports.grpc }}
              service: liveness
            periodSeconds: {{ $v.startupProbe.periodSeconds }}
            failureThreshold: {{ $v.startupProbe.failureThreshold }}
          {{- else }}
          # The gateway has no database and degrades when a service is down: ready once it serves HTTP.
          readinessProbe:
            httpGet:
              path: /health/readiness
              port: http
            initialDelaySeconds: {{ $v.readinessProbe.initialDelaySeconds }}
            periodSeconds: {{ $v.readinessProbe.periodSeconds }}
            failureThreshold: {{ $v.readinessProbe.failureThreshold }}
          livenessProbe:
            httpGet:
              path: /health/liveness
              port: http
            initialDelaySeconds: {{ $v.livenessProbe.initialDelaySeconds }}
            periodSeconds: {{ $v.livenessProbe.periodSeconds }}
            failureThreshold: {{ $v.livenessProbe.failureThreshold }}
          startupProbe:
            httpGet:
              path: /health/liveness
              port: http
            periodSeconds: {{ $v.startupProbe.periodSeconds }}
            failureThreshold: {{ $v.startupProbe.failureThreshold }}
          {{- end }}
          lifecycle:
            preStop:
              sleep:
                seconds: {{ $v.preStopSleepSeconds }}
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          securityContext:
            {{- toYaml ($v.containerSecurityContext | default .root.Values.global.containerSecurityContext) | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
      {{- with $v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}
{{- end }}

{{- define "laa-suite.service" -}}
{{- $v := index .root.Values .key -}}
{{- if $v.enabled }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "laa-suite.componentName" . }}
  labels:
    {{- include "laa-suite.labels" . | nindent 4 }}
spec:
  type: {{ $v.service.type }}
  selector:
    {{- include "laa-suite.selectorLabels" . | nindent 4 }}
  ports:
    - name: grpc
      port: {{ $v.ports.grpc }}
      targetPort: grpc
      protocol: TCP
      appProtocol: grpc
    - name: http
      port: {{ $v.ports.http }}
      targetPort: http
      protocol: TCP
{{- end }}
{{- end }}

{{- define "laa-suite.hpa" -}}
{{- $v := index .root.Values .key -}}
{{- if and $v.enabled $v.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "laa-suite.componentName" . }}
  labels:
    {{- include "laa-suite.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "laa-suite.componentName" . }}
  minReplicas: {{ $v.autoscaling.minReplicas }}
  maxReplicas: {{ $v.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $v.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
{{- end }}

{{- define "laa-suite.pdb" -}}
{{- $v := index .root.Values .key -}}
{{- if and $v.enabled $v.pdb.enabled (include "laa-suite.multiplePods" $v) }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "laa-suite.componentName" . }}
  labels:
    {{- include "laa-suite.labels" . | nindent 4 }}
spec:
  minAvailable: {{ $v.pdb.minAvailable }}
  selector:
    matchLabels:
      {{- include "laa-suite.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}

{{- define "laa-suite.networkpolicy" -}}
{{- $v := index .root.Values .key -}}
{{- if and $v.enabled $v.networkPolicy.enabled (not $v.database) }}
{{- include "laa-suite.gatewayNetworkpolicy" . }}
{{- else if and $v.enabled $v.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "laa-suite.componentName" . }}
  labels:
    {{- include "laa-suite.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "laa-suite.selectorLabels" . | nindent 6 }}
  policyTypes: ["Ingress", "Egress"]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/instance: {{ .root.Release.Name }}
              {{- toYaml .root.Values.global.gatewayPodLabels | nindent 14 }}
      ports:
        - port: grpc
          protocol: TCP
    - from:
        {{- /* An empty selector (every namespace) must be written {}: a null peer is rejected by the API server. */}}
        - namespaceSelector:
            {{- with .root.Values.global.metricsNamespaceLabels }}
            matchLabels:
              {{- toYaml . | nindent 14 }}
            {{- else }} {}
            {{- end }}
      ports:
        - port: http
          protocol: TCP
  egress:
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    - to:
        - ipBlock:
            cidr: {{ .root.Values.global.database.cidr }}
      ports:
        - port: {{ .root.Values.global.database.port }}
          protocol: TCP
{{- end }}
{{- end }}

{{- define "laa-suite.servicemonitor" -}}
{{- $v := index .root.Values .key -}}
{{- if and $v.enabled $v.serviceMonitor.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "laa-suite.componentName" . }}
  labels:
    {{- include "laa-suite.labels" . | nindent 4 }}
spec:
  selector:
    matchLabels:
      {{- include "laa-suite.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /prometheus
      interval: {{ $v.serviceMonitor.interval }}
{{- end }}
{{- end }}

{{/* The gateway's NetworkPolicy: its ports open (to ingressFrom peers when set); out only to DNS and the services' gRPC ports. */}}
{{- define "laa-suite.gatewayNetworkpolicy" -}}
{{- $v := index .root.Values .key -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "laa-suite.componentName" . }}
  labels:
    {{- include "laa-suite.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "laa-suite.selectorLabels" . | nindent 6 }}
  policyTypes: ["Ingress", "Egress"]
  ingress:
    - {{- with $v.networkPolicy.ingressFrom }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      ports:
        - port: http
          protocol: TCP
        - port: grpc
          protocol: TCP
  egress:
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    {{- range $key, $component := dict "indicatorsService" "indicators-service" "fundingService" "funding-service" "partnershipService" "partnership-service" }}
    - to:
        - podSelector:
            matchLabels:
              {{- include "laa-suite.selectorLabels" (dict "root" $.root "component" $component) | nindent 14 }}
      ports:
        - port: {{ (index $.root.Values $key).ports.grpc }}
          protocol: TCP
    {{- end }}
{{- end }}

{{- define "laa-suite.ingress" -}}
{{- $v := index .root.Values .key -}}
{{- if and $v.enabled $v.ingress.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "laa-suite.componentName" . }}
  labels:
    {{- include "laa-suite.labels" . | nindent 4 }}
  {{- with $v.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with $v.ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- with $v.ingress.tls }}
  tls:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  rules:
    {{- range $v.ingress.hosts }}
    - host: {{ .host | quote }}
      http:
        paths:
          {{- range .paths }}
          - path: {{ .path }}
            pathType: {{ .pathType }}
            backend:
              service:
                name: {{ include "laa-suite.componentName" $ }}
                port:
                  name: http
          {{- end }}
    {{- end }}
{{- end }}
{{- end }}
