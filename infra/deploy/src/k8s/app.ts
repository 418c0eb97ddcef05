import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { Model } from '@kubernetes-models/base';
import { imageOf, type AppSpec } from '../apps.js';
import { Reach, labelsOf, platform, selectorOf } from '../platform.js';
import { fromNamespace, hardenedContainer, hardenedPod, tcp } from './common.js';

/** Everything one app needs in the cluster: config, workload, service, autoscaler, disruption budget, who may call it. */
export function appObjects(app: AppSpec): Model<unknown>[] {
  const objects: Model<unknown>[] = [
    configMap(app),
    deployment(app),
    service(app),
    autoscaler(app),
    disruptionBudget(app),
    ingressPolicy(app),
  ];
  for (const volume of app.volumes.filter((v) => v.kind === 'shared')) objects.push(sharedClaim(app, volume.name, volume.size ?? '10Gi'));
  return objects;
}

const meta = (app: AppSpec, name = app.name) => ({ name, namespace: platform.namespace, labels: labelsOf(app.name, componentOf(app)) });
const componentOf = (app: AppSpec) => (app.runtime === 'next' ? 'web' : app.name === 'gateway' ? 'gateway' : 'service');
const claimName = (app: AppSpec, volume: string) => `${app.name}-${volume}`;

function configMap(app: AppSpec): ConfigMap {
  return new ConfigMap({ metadata: meta(app, `${app.name}-config`), data: { ...app.config } });
}

function secretEnv(app: AppSpec): IEnvVar[] {
  return Object.entries(app.secrets).map(([name, ref]) => ({
    name,
    valueFrom: { secretKeyRef: { name: ref.secret, key: ref.key, ...(ref.optional ? { optional: true } : {}) } },
  }));
}

function deployment(app: AppSpec): Deployment {
  const reachLabels = Object.fromEntries(app.reach.map((r) => [Reach[r], 'true']));
  const volumes: IVolume[] = app.volumes.map((v) =>
    v.kind === 'scratch' ? { name: v.name, emptyDir: {} } : { name: v.name, persistentVolumeClaim: { claimName: claimName(app, v.name) } },
  );
  const ports = [{ name: 'http', containerPort: app.port }];
  if (app.metricsPort) ports.push({ name: 'metrics', containerPort: app.metricsPort });
  return new Deployment({
    metadata: meta(app),
    spec: {
      // No `replicas`: the autoscaler owns the count (a re-apply must not reset it).
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorOf(app.name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: {
          labels: { ...labelsOf(app.name, componentOf(app)), ...reachLabels },
          annotations: {
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': String(app.metricsPort ?? app.port),
            'prometheus.io/path': '/metrics',
          },
        },
        spec: {
          ...hardenedPod(),
          // The app drains NATS subscriptions and in-flight work within RPC_DRAIN_TIMEOUT_MS (10 s) after SIGTERM.
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selectorOf(app.name) },
            },
          ],
          containers: [
            {
              name: app.name,
              image: imageOf(app.name),
              // Next.js writes its render and prerender caches under .next (the image gives it to the app's user).
              ...hardenedContainer(app.runtime !== 'next'),
              ports,
              envFrom: [{ configMapRef: { name: `${app.name}-config` } }],
              env: secretEnv(app),
              resources: {
                requests: { cpu: app.resources.cpu, memory: app.resources.memory },
                limits: { memory: app.resources.memoryLimit },
              },
              // Start-up includes migrations and loading the search index: up to 5 minutes before liveness counts.
              startupProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 5, failureThreshold: 60 },
              livenessProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
              readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
              // Lets the endpoints controller take the pod out of the Service before the app stops listening.
              lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
              volumeMounts: app.volumes.map((v) => ({ name: v.name, mountPath: v.mountPath })),
            },
          ],
          volumes,
        },
      },
    },
  });
}

function service(app: AppSpec): Service {
  const ports = [{ name: 'http', port: app.port, targetPort: 'http' }];
  if (app.metricsPort) ports.push({ name: 'metrics', port: app.metricsPort, targetPort: 'metrics' });
  return new Service({ metadata: meta(app), spec: { type: 'ClusterIP', selector: selectorOf(app.name), ports } });
}

function autoscaler(app: AppSpec): HorizontalPodAutoscaler {
  return new HorizontalPodAutoscaler({
    metadata: meta(app),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app.name },
      minReplicas: app.replicas.min,
      maxReplicas: app.replicas.max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      // Scale down slowly: a burst of searches should not make pods come and go.
      behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
    },
  });
}

function disruptionBudget(app: AppSpec): PodDisruptionBudget {
  return new PodDisruptionBudget({ metadata: meta(app), spec: { minAvailable: 1, selector: { matchLabels: selectorOf(app.name) } } });
}

/** Who may open connections to this app: the ingress controller if it is public, the portals for the gateway, Prometheus. */
function ingressPolicy(app: AppSpec): NetworkPolicy {
  const rules = [];
  if (app.publicHost) rules.push({ from: [fromNamespace(platform.ingressNamespace)], ports: tcp(app.port) });
  if (app.name === 'gateway') rules.push({ from: [{ podSelector: { matchLabels: { [Reach.gateway]: 'true' } } }], ports: tcp(app.port) });
  rules.push({ from: [fromNamespace(platform.monitoringNamespace)], ports: tcp(app.metricsPort ?? app.port) });
  return new NetworkPolicy({
    metadata: meta(app, `${app.name}-ingress`),
    spec: { podSelector: { matchLabels: selectorOf(app.name) }, policyTypes: ['Ingress'], ingress: rules },
  });
}

function sharedClaim(app: AppSpec, volume: string, size: string): PersistentVolumeClaim {
  return new PersistentVolumeClaim({
    metadata: meta(app, claimName(app, volume)),
    spec: { accessModes: ['ReadWriteMany'], storageClassName: platform.storageClass.rwx, resources: { requests: { storage: size } } },
  });
}
