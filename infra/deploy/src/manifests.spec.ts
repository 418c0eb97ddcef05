import { parse } from 'yaml';
import { apps, type AppSpec } from './apps.js';
import { coverageProblems } from './env-coverage.js';
import { manifestFiles, renderAll } from './manifests.js';
import { platform } from './platform.js';
import { referenceProblems } from './references.js';
import { checkYaml, type Resource } from './schema-check.js';

const resources: Resource[] = [...renderAll()]
  .filter(([path]) => !path.endsWith('kustomization.yaml'))
  .flatMap(([path, text]) => checkYaml(path, text).resources);
const byKind = (kind: string) => resources.filter((r) => r.kind === kind);

describe('generated manifests', () => {
  it('validate against the Kubernetes schemas and reference only objects of the set', () => {
    const problems = [...renderAll()]
      .filter(([p]) => !p.endsWith('kustomization.yaml'))
      .flatMap(([p, text]) => checkYaml(p, text).problems);
    expect(problems).toEqual([]);
    expect(referenceProblems(resources, platform.namespace)).toEqual([]);
    expect(resources.length).toBeGreaterThan(50);
  });

  it('give every app a Deployment, Service, ConfigMap, autoscaler, disruption budget and ingress policy', () => {
    for (const app of apps) {
      for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
        expect(byKind(kind).map((r) => r.name)).toContain(app.name);
      }
      expect(byKind('ConfigMap').map((r) => r.name)).toContain(`${app.name}-config`);
      expect(byKind('NetworkPolicy').map((r) => r.name)).toContain(`${app.name}-ingress`);
    }
  });

  it('let only the gateway and the web apps in from the ingress controller', () => {
    const fromIngress = byKind('NetworkPolicy')
      .filter((r) => JSON.stringify(r.body).includes(`"kubernetes.io/metadata.name":"${platform.ingressNamespace}"`))
      .map(
        (r) => (r.body.spec as { podSelector: { matchLabels: Record<string, string> } }).podSelector.matchLabels['app.kubernetes.io/name'],
      )
      .sort();
    expect(fromIngress).toEqual(['console', 'gateway', 'web']);
    const backends = (
      parse(renderAll().get('infra/k8s/ingress.yaml') ?? '') as {
        spec: { rules: { http: { paths: { backend: { service: { name: string } } }[] } }[] };
      }
    ).spec.rules
      .flatMap((rule) => rule.http.paths.map((p) => p.backend.service.name))
      .sort();
    expect(backends).toEqual(['console', 'gateway', 'web']);
  });

  it('run a three-node NATS JetStream cluster with routes to each node', () => {
    const nats = manifestFiles()
      .get('nats.yaml')
      ?.map((o) => o.toJSON() as { kind: string; spec?: { replicas?: number }; data?: Record<string, string> });
    expect(nats?.find((o) => o.kind === 'StatefulSet')?.spec?.replicas).toBe(3);
    const conf = nats?.find((o) => o.kind === 'ConfigMap')?.data?.['nats.conf'] ?? '';
    expect(conf).toContain('jetstream {');
    expect(conf.match(/nats:\/\/nats-\d\.nats-headless/g)).toHaveLength(3);
  });

  it('reference secrets by name only: no Secret object is generated', () => {
    expect(byKind('Secret')).toEqual([]);
    const gateway = JSON.stringify(resources.find((r) => r.kind === 'Deployment' && r.name === 'gateway')?.body);
    expect(gateway).toContain('"secretKeyRef":{"name":"gateway-db","key":"DATABASE_URL"}');
  });
});

describe('the validator', () => {
  it('reports a manifest that breaks its schema, and a kind it has no schema for', () => {
    const bad =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: "two", selector: {}, template: {}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: y}\n';
    const { problems } = checkYaml('bad.yaml', bad);
    expect(problems).toEqual([expect.stringContaining('spec/replicas must be integer'), expect.stringContaining('no schema for v1/Pod')]);
  });

  it('reports a Service that selects no pods and an autoscaler without its target', () => {
    const stray: Resource[] = [
      {
        file: 'x.yaml',
        apiVersion: 'v1',
        kind: 'Service',
        name: 's',
        namespace: platform.namespace,
        body: { spec: { selector: { app: 'nobody' } } },
      },
      {
        file: 'x.yaml',
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        name: 'h',
        namespace: platform.namespace,
        body: { spec: { scaleTargetRef: { kind: 'Deployment', name: 'missing' } } },
      },
    ];
    expect(referenceProblems([...resources, ...stray], platform.namespace)).toEqual([
      'x.yaml: Service/s: its selector matches no pods',
      'x.yaml: HorizontalPodAutoscaler/h: scale target Deployment/missing is not defined',
    ]);
  });

  it('names a variable an app reads but the manifests do not set, and one they set that it never reads', () => {
    const app: AppSpec = { ...apps[0]!, config: { HTTP_PORT: '3000', TYPO_PORT: '2' }, secrets: {} };
    expect(coverageProblems(app, new Set(['HTTP_PORT', 'DATABASE_URL']))).toEqual([
      'gateway reads DATABASE_URL, which infra/deploy/src/apps.ts does not set',
      'gateway: apps.ts sets TYPO_PORT, which the app never reads',
    ]);
  });

  it('names an app that would listen on another port than its probes and Service use', () => {
    const app: AppSpec = { ...apps[0]!, config: { HTTP_PORT: '3999' }, secrets: {} };
    expect(coverageProblems(app, new Set(['HTTP_PORT']))).toEqual(['gateway: HTTP_PORT 3999 is not its port 3000']);
  });
});
