{{- define "tandem.fullname" -}}
{{- printf "%s-tandem" .Release.Name | trunc 55 | trimSuffix "-" -}}
{{- end -}}

{{- define "tandem.labels" -}}
app.kubernetes.io/part-of: tandem
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "tandem.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "tandem.serviceAccountName" -}}
{{- default (include "tandem.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{- define "tandem.mongodbSecret" -}}
{{- default (printf "%s-mongodb" (include "tandem.fullname" .)) .Values.mongodb.existingSecret -}}
{{- end -}}
