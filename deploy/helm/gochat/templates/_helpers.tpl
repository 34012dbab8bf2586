{{/* Names and labels. */}}
{{- define "gochat.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The release's full name. Kept to 40 characters: the gateway's pod names (full name + "-gateway-N")
become GATEWAY_ID values and Kafka topic names, which must stay within 64 characters.
*/}}
{{- define "gochat.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "gochat.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "gochat.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of one component: call with (dict "root" $ "component" "gateway"). */}}
{{- define "gochat.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gochat.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "gochat.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "gochat.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "gochat.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "gochat.secretName" -}}
{{- default (printf "%s-secrets" (include "gochat.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{/*
The settings every process shares, as KEY: "value" lines: the ConfigMap's data and the migration
Job's environment. Values from .Values.config override the chart's own.
*/}}
{{- define "gochat.configData" -}}
{{- $s := .Values.externalServices -}}
{{- $base := dict
  "NODE_ENV" .Values.nodeEnv
  "LOG_LEVEL" .Values.logLevel
  "HTTP_HOST" "0.0.0.0"
  "METRICS_HOST" "0.0.0.0"
  "HTTP_PORT" (toString .Values.gateway.port)
  "DB_DRIVER" $s.mysql.driver
  "MYSQL_HOST" $s.mysql.host
  "MYSQL_PORT" (toString $s.mysql.port)
  "MYSQL_USER" $s.mysql.user
  "MYSQL_DATABASE" $s.mysql.database
  "REDIS_HOST" $s.redis.host
  "REDIS_PORT" (toString $s.redis.port)
  "KAFKA_BROKERS" $s.kafka.brokers
  "KAFKA_UPSTREAM_PARTITIONS" (toString $s.kafka.upstreamPartitions)
  "KAFKA_REPLICATION_FACTOR" (toString $s.kafka.replicationFactor)
  "KAFKA_MIN_INSYNC_REPLICAS" (toString $s.kafka.minInsyncReplicas)
  "TEMPORAL_ADDRESS" $s.temporal.address
  "TEMPORAL_NAMESPACE" $s.temporal.namespace
  "TEMPORAL_TASK_QUEUE" $s.temporal.taskQueue
  "TEMPORAL_UI_URL" $s.temporal.uiUrl
  "ATTACHMENTS_STORAGE" "s3"
  "ATTACHMENTS_S3_REGION" $s.objectStore.region
  "ATTACHMENTS_S3_BUCKET" $s.objectStore.bucket
-}}
{{- if $s.objectStore.endpoint }}{{ $_ := set $base "ATTACHMENTS_S3_ENDPOINT" $s.objectStore.endpoint }}{{ end -}}
{{- if $s.redis.keyPrefix }}{{ $_ := set $base "REDIS_KEY_PREFIX" $s.redis.keyPrefix }}{{ end -}}
{{- if $s.redis.clusterNodes }}{{ $_ := set $base "REDIS_CLUSTER_NODES" $s.redis.clusterNodes }}{{ end -}}
{{- if $s.kafka.topicSuffix }}{{ $_ := set $base "KAFKA_TOPIC_SUFFIX" $s.kafka.topicSuffix }}{{ end -}}
{{- $all := merge (deepCopy .Values.config) (deepCopy .Values.extraEnv) $base -}}
{{- range $k, $v := $all }}
{{ $k }}: {{ include "gochat.envValue" $v | quote }}
{{- end -}}
{{- end -}}

{{/*
JWT_SECRET: the value given, else the one already in the release's Secret (so an upgrade keeps
every issued token valid), else a new random one. The random value is stored in .Values for the
rest of this render, so the Secret and the migration Job's Secret get the same one.
*/}}
{{- define "gochat.jwtSecret" -}}
{{- if .Values.secrets.jwtSecret -}}
{{- .Values.secrets.jwtSecret -}}
{{- else -}}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (include "gochat.secretName" .) | default dict -}}
{{- $kept := dig "data" "JWT_SECRET" "" $existing -}}
{{- if $kept -}}
{{- b64dec $kept -}}
{{- else -}}
{{- if not (hasKey .Values.secrets "generatedJwtSecret") -}}
{{- $_ := set .Values.secrets "generatedJwtSecret" (randAlphaNum 48) -}}
{{- end -}}
{{- .Values.secrets.generatedJwtSecret -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Pod-level settings shared by every GoChat pod. */}}
{{- define "gochat.podCommon" -}}
serviceAccountName: {{ include "gochat.serviceAccountName" . }}
automountServiceAccountToken: false
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- end -}}

{{/* V8's compile cache (NODE_COMPILE_CACHE=/tmp/…) is the only thing the processes write. */}}
{{- define "gochat.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- end -}}

{{- define "gochat.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/* envFrom of every GoChat container: the shared ConfigMap and the Secret. */}}
{{- define "gochat.envFrom" -}}
- configMapRef:
    name: {{ include "gochat.fullname" . }}-config
- secretRef:
    name: {{ include "gochat.secretName" . }}
{{- end -}}

{{/*
A value as an environment variable. Numbers from values.yaml arrive as floats, and a large one
would print as 6.048e+08, which the config module rejects: whole numbers print as integers.
*/}}
{{- define "gochat.envValue" -}}
{{- if and (kindIs "float64" .) (eq (float64 (int64 .)) .) -}}
{{- int64 . -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/* Per-process env from a map (gateway.env, logic.env, worker.env). */}}
{{- define "gochat.envMap" -}}
{{- range $k, $v := . }}
- name: {{ $k }}
  value: {{ include "gochat.envValue" $v | quote }}
{{- end -}}
{{- end -}}

{{/*
An exec probe for the logic and Temporal workers: their /healthz and /readyz listen on loopback
only (metrics/http.ts), out of the kubelet's reach, so node's fetch asks from inside the pod.
Call with (dict "port" 9464 "path" "/readyz").
*/}}
{{- define "gochat.loopbackProbe" -}}
exec:
  command:
    - node
    - -e
    - {{ printf "fetch('http://127.0.0.1:%v%s').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" .port .path | quote }}
{{- end -}}

{{/* Scrape annotations; call with (dict "port" N "path" "/metrics"). */}}
{{- define "gochat.scrapeAnnotations" -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: {{ .path | quote }}
{{- end -}}

{{/* Pod annotations that change with the settings, so an upgrade that changes them rolls the pods. */}}
{{- define "gochat.checksums" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
{{- if not .Values.secrets.existingSecret }}
checksum/secret: {{ include (print .Template.BasePath "/secret.yaml") . | sha256sum }}
{{- end }}
{{- end -}}
