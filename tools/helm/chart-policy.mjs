// What the platform team expects of every workload in the chart, beyond schema validity.
export function policyProblems(document) {
  const pod = document.kind === 'Deployment' || document.kind === 'Job' ? document.spec?.template?.spec : undefined;
  if (!pod) return [];
  const problems = [];
  if (pod.securityContext?.runAsNonRoot !== true) problems.push('pod must set runAsNonRoot: true');
  for (const container of pod.containers ?? []) {
    const where = `container ${container.name}`;
    if (container.securityContext?.readOnlyRootFilesystem !== true) problems.push(`${where}: readOnlyRootFilesystem must be true`);
    if (container.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation must be false`);
    if (!container.resources?.requests || !container.resources?.limits) problems.push(`${where}: resource requests and limits are required`);
    if (document.kind === 'Deployment' && (!container.livenessProbe || !container.readinessProbe)) problems.push(`${where}: liveness and readiness probes are required`);
  }
  return problems;
}
