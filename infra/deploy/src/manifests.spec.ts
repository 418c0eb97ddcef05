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
type IngressRule = { host: string; http: { paths: { path: string; backend: { service: { name: string } } }[] } };
const ingressRules = () => byKind('Ingress').flatMap((r) => (r.body.spec as { rules: IngressRule[] }).rules);

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

  it('let only the gateway, the web apps and Keycloak in from the ingress controller, Keycloak on its auth host only', () => {
    type Policy = { podSelector: { matchLabels: Record<string, string> }; ingress?: unknown[] };
    const fromIngress = byKind('NetworkPolicy')
      .map((r) => r.body.spec as Policy)
      .filter((p) => JSON.stringify(p.ingress ?? []).includes(`"kubernetes.io/metadata.name":"${platform.ingressNamespace}"`))
      .map((p) => p.podSelector.matchLabels['app.kubernetes.io/name'])
      .sort();
    expect(fromIngress).toEqual(['console', 'gateway', 'keycloak', 'web']);
    const routes = ingressRules().flatMap((rule) => rule.http.paths.map((p) => `${rule.host}${p.path} → ${p.backend.service.name}`));
    expect(routes.sort()).toEqual([
      `${platform.hosts.api}/ → gateway`,
      `${platform.hosts.auth}/realms/ → keycloak`,
      `${platform.hosts.auth}/resources/ → keycloak`,
      `${platform.hosts.console}/ → console`,
      `${platform.hosts.portal}/ → web`,
    ]);
  });

  it('keep a browser on the site pod holding its in-memory session (cookie affinity), and only there', () => {
    const sticky = byKind('Ingress').map((r) => {
      const meta = r.body.metadata as { annotations?: Record<string, string> };
      const hosts = (r.body.spec as { rules: { host: string }[] }).rules.map((rule) => rule.host).sort();
      return { hosts, affinity: meta.annotations?.['nginx.ingress.kubernetes.io/affinity'] ?? 'none' };
    });
    expect(sticky).toEqual([
      { hosts: [platform.hosts.api, platform.hosts.auth].sort(), affinity: 'none' },
      { hosts: [platform.hosts.console, platform.hosts.portal].sort(), affinity: 'cookie' },
    ]);
    for (const r of byKind('Ingress')) {
      const spec = r.body.spec as { rules: { host: string }[]; tls: { hosts: string[] }[] };
      expect(spec.tls[0]?.hosts).toEqual(spec.rules.map((rule) => rule.host));
    }
  });

  it('have the sites sign in at the issuer tokens name, which the gateway expects and Keycloak calls itself', () => {
    const issuer = `https://${platform.hosts.auth}`;
    const keycloak = JSON.stringify(resources.find((r) => r.kind === 'Deployment' && r.name === 'keycloak')?.body);
    expect(keycloak).toContain(`{"name":"KC_HOSTNAME","value":"${issuer}"}`);
    const gateway = apps.find((a) => a.name === 'gateway')!;
    expect(gateway.config.KEYCLOAK_ISSUER_URL).toBe(issuer);
    for (const site of apps.filter((a) => a.runtime === 'next')) {
      expect(site.config.OIDC_ISSUER_URL).toBe(`${issuer}/realms/${gateway.config.KEYCLOAK_REALM}`);
      expect(site.config.AUTH_REDIRECT_BASE).toBe(`https://${site.publicHost}`);
      expect(site.reach).toContain('auth');
    }
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

  it('lets a Next.js app read NEXT_RUNTIME (Next sets it) but not the manifests set it', () => {
    const web = apps.find((a) => a.name === 'web')!;
    const reads = new Set([...Object.keys(web.config), ...Object.keys(web.secrets), 'NEXT_RUNTIME']);
    expect(coverageProblems(web, reads)).toEqual([]);
    expect(coverageProblems({ ...web, config: { ...web.config, NEXT_RUNTIME: 'nodejs' } }, reads)).toEqual([
      'web: apps.ts sets NEXT_RUNTIME, which the framework sets itself',
    ]);
  });

  it('names an app that would listen on another port than its probes and Service use', () => {
    const app: AppSpec = { ...apps[0]!, config: { HTTP_PORT: '3999' }, secrets: {} };
    expect(coverageProblems(app, new Set(['HTTP_PORT']))).toEqual(['gateway: HTTP_PORT 3999 is not its port 3000']);
  });
});
