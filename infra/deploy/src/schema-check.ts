import type { Model, ModelConstructor } from '@kubernetes-models/base';
import { parseAllDocuments } from 'yaml';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';

type Kind = ModelConstructor<Model<unknown>> & { apiVersion: string; kind: string };

/** The kinds the platform uses, each with the OpenAPI schema of its API version (kubernetes-models). */
const KINDS: Kind[] = [
  ConfigMap,
  Namespace,
  PersistentVolumeClaim,
  Secret,
  Service,
  Deployment,
  StatefulSet,
  HorizontalPodAutoscaler,
  Job,
  Ingress,
  NetworkPolicy,
  PodDisruptionBudget,
] as unknown as Kind[];
const byType = new Map(KINDS.map((k) => [`${k.apiVersion}/${k.kind}`, k]));

export interface Resource {
  file: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  body: Record<string, unknown>;
}

/** Parses a multi-document YAML file and checks each object against its Kubernetes schema. */
export function checkYaml(file: string, text: string): { resources: Resource[]; problems: string[] } {
  const resources: Resource[] = [];
  const problems: string[] = [];
  parseAllDocuments(text).forEach((doc, i) => {
    const where = `${file} (document ${i + 1})`;
    if (doc.errors.length) {
      problems.push(`${where}: YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
      return;
    }
    const body: unknown = doc.toJS();
    if (body === null || body === undefined) return;
    if (typeof body !== 'object' || Array.isArray(body)) {
      problems.push(`${where}: not a Kubernetes object`);
      return;
    }
    const object = body as Record<string, unknown>;
    const type = `${String(object.apiVersion)}/${String(object.kind)}`;
    const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
    const label = `${file}: ${String(object.kind)}/${metadata.name ?? '?'}`;
    const Kind = byType.get(type);
    if (!Kind) {
      problems.push(`${label}: no schema for ${type} (known: ${[...byType.keys()].join(', ')})`);
      return;
    }
    try {
      new Kind(object as never).validate();
    } catch (error) {
      problems.push(`${label}: ${(error as Error).message}`);
      return;
    }
    if (!metadata.name) problems.push(`${label}: metadata.name missing`);
    resources.push({
      file,
      apiVersion: String(object.apiVersion),
      kind: String(object.kind),
      name: metadata.name ?? '',
      namespace: metadata.namespace,
      body: object,
    });
  });
  return { resources, problems };
}
