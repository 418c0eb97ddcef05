import type { Resource } from './schema-check.js';

interface Container {
  name: string;
  envFrom?: { configMapRef?: { name: string } }[];
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}
interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: {
    containers: Container[];
    securityContext?: { runAsNonRoot?: boolean };
    volumes?: { configMap?: { name: string }; persistentVolumeClaim?: { claimName: string }; secret?: unknown }[];
  };
}
type Labels = Record<string, string>;

const spec = (r: Resource) => (r.body.spec ?? {}) as Record<string, unknown>;
const isWorkload = (r: Resource) => ['Deployment', 'StatefulSet', 'Job'].includes(r.kind);
const templateOf = (r: Resource) => spec(r).template as PodTemplate;
const matches = (selector: Labels | undefined, labels: Labels | undefined) =>
  Boolean(selector && Object.keys(selector).length && Object.entries(selector).every(([k, v]) => labels?.[k] === v));

/**
 * What a schema cannot see: names that must point at objects of the set, selectors that must select something,
 * and the rules every long-running workload follows (probes, requests and a memory limit, non-root, a disruption budget).
 */
export function referenceProblems(resources: Resource[], namespace: string): string[] {
  const problems: string[] = [];
  const named = (kind: string, name: string) => resources.some((r) => r.kind === kind && r.name === name);
  const podLabels = resources.filter(isWorkload).map((r) => templateOf(r).metadata?.labels);
  const selects = (selector: Labels | undefined) => podLabels.some((labels) => matches(selector, labels));

  for (const r of resources) {
    const label = `${r.file}: ${r.kind}/${r.name}`;
    if (r.kind !== 'Namespace' && r.namespace !== namespace) problems.push(`${label}: namespace must be ${namespace}`);
    if (isWorkload(r)) {
      const template = templateOf(r);
      const selector = (spec(r).selector as { matchLabels?: Labels } | undefined)?.matchLabels;
      if (r.kind !== 'Job' && !matches(selector, template.metadata?.labels))
        problems.push(`${label}: selector does not match its pod labels`);
      if (!template.spec.securityContext?.runAsNonRoot) problems.push(`${label}: pods must set runAsNonRoot`);
      for (const c of template.spec.containers) {
        for (const e of c.envFrom ?? [])
          if (e.configMapRef && !named('ConfigMap', e.configMapRef.name))
            problems.push(`${label}: ConfigMap ${e.configMapRef.name} is not defined`);
        if (!c.resources?.requests?.memory || !c.resources.limits?.memory)
          problems.push(`${label}: container ${c.name} needs a memory request and limit`);
        if (r.kind !== 'Job' && (!c.livenessProbe || !c.readinessProbe))
          problems.push(`${label}: container ${c.name} needs liveness and readiness probes`);
      }
      for (const v of template.spec.volumes ?? []) {
        if (v.configMap && !named('ConfigMap', v.configMap.name)) problems.push(`${label}: ConfigMap ${v.configMap.name} is not defined`);
        if (v.persistentVolumeClaim && !named('PersistentVolumeClaim', v.persistentVolumeClaim.claimName))
          problems.push(`${label}: PersistentVolumeClaim ${v.persistentVolumeClaim.claimName} is not defined`);
      }
      if (r.kind !== 'Job') {
        const budgeted = resources.some(
          (p) =>
            p.kind === 'PodDisruptionBudget' &&
            matches((spec(p).selector as { matchLabels?: Labels }).matchLabels, template.metadata?.labels),
        );
        if (!budgeted) problems.push(`${label}: no PodDisruptionBudget selects its pods`);
      }
    }
    if (r.kind === 'Service' && !selects(spec(r).selector as Labels)) problems.push(`${label}: its selector matches no pods`);
    if (r.kind === 'PodDisruptionBudget' && !selects((spec(r).selector as { matchLabels?: Labels }).matchLabels))
      problems.push(`${label}: its selector matches no pods`);
    if (r.kind === 'HorizontalPodAutoscaler') {
      const target = spec(r).scaleTargetRef as { kind: string; name: string };
      if (!named(target.kind, target.name)) problems.push(`${label}: scale target ${target.kind}/${target.name} is not defined`);
    }
    if (r.kind === 'Ingress') {
      const rules = (spec(r).rules ?? []) as { http?: { paths: { backend: { service?: { name: string } } }[] } }[];
      for (const path of rules.flatMap((rule) => rule.http?.paths ?? [])) {
        const service = path.backend.service?.name;
        if (service && !named('Service', service)) problems.push(`${label}: backend Service ${service} is not defined`);
      }
    }
  }
  return problems;
}
