{{/* Chart name. */}}
{{- define "decaybench.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name: release-chart, unless the release name already contains the chart name. */}}
{{- define "decaybench.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "decaybench.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "decaybench.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: decaybench
{{- end -}}

{{- define "decaybench.selectorLabels" -}}
app.kubernetes.io/name: {{ include "decaybench.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end -}}

{{- define "decaybench.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "decaybench.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The namespaces the operator watches: a list, empty in cluster mode. */}}
{{- define "decaybench.watchedNamespaces" -}}
{{- if eq .Values.watch.mode "namespace" -}}
{{- list .Release.Namespace | toJson -}}
{{- else if eq .Values.watch.mode "namespaces" -}}
{{- if not .Values.watch.namespaces -}}
{{- fail "watch.namespaces must list at least one namespace when watch.mode is namespaces" -}}
{{- end -}}
{{- .Values.watch.namespaces | uniq | toJson -}}
{{- else -}}
{{- list | toJson -}}
{{- end -}}
{{- end -}}

{{/* Where the trial NetworkPolicy goes. */}}
{{- define "decaybench.networkPolicyNamespaces" -}}
{{- if .Values.networkPolicy.namespaces -}}
{{- .Values.networkPolicy.namespaces | uniq | toJson -}}
{{- else if eq .Values.watch.mode "cluster" -}}
{{- list .Release.Namespace | toJson -}}
{{- else -}}
{{- include "decaybench.watchedNamespaces" . -}}
{{- end -}}
{{- end -}}

{{/* Leader election: asked for, or needed because there is more than one replica. */}}
{{- define "decaybench.leaderElection" -}}
{{- if or .Values.operator.leaderElection.enabled (gt (int .Values.operator.replicas) 1) -}}
true
{{- else -}}
false
{{- end -}}
{{- end -}}

{{/* repository:tag (or @digest) of an image dict; $default tag when tag is empty. */}}
{{- define "decaybench.image" -}}
{{- $img := index . 0 -}}
{{- $defaultTag := index . 1 -}}
{{- if $img.digest -}}
{{- printf "%s@%s" $img.repository $img.digest -}}
{{- else -}}
{{- printf "%s:%s" $img.repository (default $defaultTag $img.tag) -}}
{{- end -}}
{{- end -}}

{{/* requests.cpu=1,limits.memory=2Gi: the operator's resource setting format. */}}
{{- define "decaybench.resourceSetting" -}}
{{- $parts := list -}}
{{- range $kind := list "requests" "limits" -}}
{{- range $name, $q := (get $ $kind | default dict) -}}
{{- $parts = append $parts (printf "%s.%s=%v" $kind $name $q) -}}
{{- end -}}
{{- end -}}
{{- join "," $parts -}}
{{- end -}}

{{/* key=value,key2=value2 */}}
{{- define "decaybench.keyValues" -}}
{{- $parts := list -}}
{{- range $k, $v := . -}}
{{- $parts = append $parts (printf "%s=%v" $k $v) -}}
{{- end -}}
{{- join "," $parts -}}
{{- end -}}
