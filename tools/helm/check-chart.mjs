// Checks deploy/helm/tandem: `helm lint --strict`, then renders it with several value sets and
// validates every manifest against the Kubernetes API schemas (kubernetes-models) and our own
// rules (non-root, read-only root filesystem, probes, resources). Prints JSON; exits 1 on a problem.
//   npm run helm:check [-- --set key=value ...]
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { helmBinary } from './helm-binary.mjs';
import { policyProblems } from './chart-policy.mjs';

const chart = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../deploy/helm/tandem');
const KUBE_VERSION = '1.31.0';
const extraSets = process.argv.slice(2);
const valueSets = {
  defaults: [],
  'existing-secret, fixed replicas, no ingress, no topics job': [
    '--set', 'mongodb.existingSecret=tandem-mongodb',
    '--set', 'ingress.enabled=false',
    '--set', 'kafka.topicsJob.enabled=false',
    ...['matching', 'goals', 'sessions', 'analytics'].flatMap((s) => ['--set', `services.${s}.autoscaling.enabled=false`]),
  ],
};

const helm = helmBinary();
const problems = [];
const lint = run([ 'lint', '--strict', chart, '--kube-version', KUBE_VERSION, ...extraSets ]);
if (!lint.ok) problems.push(`helm lint: ${lint.output.trim().split('\n').slice(-3).join(' ')}`);

const rendered = {};
for (const [name, sets] of Object.entries(valueSets)) {
  const template = run(['template', 'check', chart, '--kube-version', KUBE_VERSION, ...sets, ...extraSets]);
  if (!template.ok) {
    problems.push(`helm template (${name}): ${template.output.trim().split('\n').slice(-2).join(' ')}`);
    continue;
  }
  let documents;
  try {
    documents = yaml.loadAll(template.output).filter(Boolean);
  } catch (error) {
    problems.push(`helm template (${name}) is not valid YAML: ${error.reason} at line ${error.mark?.line}`);
    continue;
  }
  rendered[name] = documents.map((d) => `${d.kind}/${d.metadata?.name}`);
  for (const document of documents) {
    const schemaProblem = await validateAgainstSchema(document);
    if (schemaProblem) problems.push(`${name}: ${document.kind}/${document.metadata?.name}: ${schemaProblem}`);
    for (const problem of policyProblems(document)) problems.push(`${name}: ${document.kind}/${document.metadata?.name}: ${problem}`);
  }
}
console.log(JSON.stringify({ helm: helm, kubeVersion: KUBE_VERSION, lint: lint.ok, rendered, problems }, null, 2));
process.exit(problems.length === 0 ? 0 : 1);

function run(args) {
  try {
    return { ok: true, output: execFileSync(helm, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

/** The model class of the manifest's apiVersion and kind, and its schema validation. */
async function validateAgainstSchema(document) {
  const [group, version] = document.apiVersion.includes('/') ? document.apiVersion.split('/') : [undefined, document.apiVersion];
  const modulePath = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  let Model;
  try {
    Model = (await import(modulePath))[document.kind];
  } catch {
    return `no schema for ${document.apiVersion} ${document.kind}`;
  }
  if (!Model) return `no schema for ${document.apiVersion} ${document.kind}`;
  try {
    new Model(document).validate();
    return undefined;
  } catch (error) {
    return error.message.split('\n')[0];
  }
}
