import { spawnSync } from 'node:child_process';
import path from 'node:path';

const checkChart = path.join(__dirname, 'check-chart.mjs');

function check(...sets: string[]): { status: number | null; report: { lint: boolean; rendered: Record<string, string[]>; problems: string[] } } {
  const result = spawnSync(process.execPath, [checkChart, ...sets.flatMap((set) => ['--set', set])], { encoding: 'utf8', timeout: 900_000 });
  return { status: result.status, report: JSON.parse(result.stdout) };
}

// Builds Helm from its Go module on first use (a few minutes), then each check takes seconds.
describe('the Helm chart (deploy/helm/tandem)', () => {
  it('lints strictly and renders manifests valid against the Kubernetes schemas, for two value sets', () => {
    const { status, report } = check();
    expect(report.problems).toEqual([]);
    expect(status).toBe(0);
    expect(report.lint).toBe(true);
    const kinds = report.rendered['defaults']!.map((name) => name.split('/')[0]);
    for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
      expect(kinds.filter((k) => k === kind)).toHaveLength(4);
    }
    expect(kinds).toEqual(expect.arrayContaining(['ConfigMap', 'Secret', 'ServiceAccount', 'Ingress', 'Job']));
    expect(report.rendered['existing-secret, fixed replicas, no ingress, no topics job']).not.toContain(expect.stringMatching(/^(Ingress|Job|Secret|HorizontalPodAutoscaler)\//));
  }, 900_000);

  it('fails on a manifest the Kubernetes schema refuses, and on a workload without resource limits', () => {
    const badPort = check('services.matching.port=not-a-number');
    expect(badPort.status).toBe(1);
    expect(badPort.report.problems).toContainEqual(expect.stringMatching(/Deployment\/check-tandem-matching: .*containerPort must be integer/));
    const noResources = check('services.goals.resources=null');
    expect(noResources.status).toBe(1);
    expect(noResources.report.problems).toContainEqual(expect.stringMatching(/check-tandem-goals: container goals: resource requests and limits are required/));
  }, 900_000);
});
