import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { Model } from '@kubernetes-models/base';
import { Reach, labelsOf, platform, selectorOf } from '../platform.js';
import {
  dataVolumeClaim,
  fromNamespace,
  hardenedContainer,
  hardenedPod,
  headlessService,
  oneNodeAtATime,
  podsOf,
  spreadOverMachines,
  tcp,
} from './common.js';

const NAME = 'nats';
const NODES = 3;
const IMAGE = 'nats:2.10-alpine';
const meta = (name = NAME) => ({ name, namespace: platform.namespace, labels: labelsOf(NAME, 'message-bus') });
const routeOf = (i: number) => `nats://${NAME}-${i}.${NAME}-headless.${platform.namespace}.svc.cluster.local:6222`;

/**
 * A three-node NATS cluster with JetStream on each node's own volume: a stream replicated three ways keeps every
 * acknowledged message while one node is down. Servers find each other by the headless Service's stable names.
 */
export function natsObjects(): Model<unknown>[] {
  return [
    config(),
    clientService(), // Routes must resolve before the nodes are ready: readiness needs the cluster formed.
    headlessService(NAME, meta(`${NAME}-headless`), { client: 4222, cluster: 6222, monitor: 8222 }),
    statefulSet(),
    // Replicated streams need a majority (2 of 3).
    oneNodeAtATime(NAME, meta()),
    policy(),
  ];
}

function config(): ConfigMap {
  const conf = [
    'server_name: $POD_NAME',
    'listen: 0.0.0.0:4222',
    'http: 0.0.0.0:8222',
    'pid_file: /var/run/nats/nats.pid',
    // Clients learn the other nodes' addresses from the server and fail over to them.
    'lame_duck_duration: 30s',
    'lame_duck_grace_period: 10s',
    'max_payload: 8MB',
    'jetstream {',
    '  store_dir: /data/jetstream',
    '  max_memory_store: 256MB',
    '  max_file_store: 18GB',
    '}',
    'cluster {',
    `  name: govdisc`,
    '  listen: 0.0.0.0:6222',
    '  connect_retries: 120',
    '  routes: [',
    ...Array.from({ length: NODES }, (_, i) => `    ${routeOf(i)}`),
    '  ]',
    '}',
    '',
  ].join('\n');
  return new ConfigMap({ metadata: meta(`${NAME}-config`), data: { 'nats.conf': conf } });
}

function clientService(): Service {
  return new Service({
    metadata: meta(),
    spec: { selector: selectorOf(NAME), ports: [{ name: 'client', port: 4222, targetPort: 'client' }] },
  });
}

function statefulSet(): StatefulSet {
  return new StatefulSet({
    metadata: meta(),
    spec: {
      serviceName: `${NAME}-headless`,
      replicas: NODES,
      // All nodes start together: each waits for its routes, one at a time would never form the cluster.
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: selectorOf(NAME) },
      template: {
        metadata: { labels: labelsOf(NAME, 'message-bus') },
        spec: {
          ...hardenedPod(1000),
          terminationGracePeriodSeconds: 60,
          ...spreadOverMachines(NAME),
          containers: [
            {
              name: NAME,
              image: IMAGE,
              ...hardenedContainer(),
              command: ['nats-server', '--config', '/etc/nats/nats.conf'],
              env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
              ports: [
                { name: 'client', containerPort: 4222 },
                { name: 'cluster', containerPort: 6222 },
                { name: 'monitor', containerPort: 8222 },
              ],
              resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } },
              startupProbe: { httpGet: { path: '/healthz', port: 'monitor' }, periodSeconds: 5, failureThreshold: 90 },
              livenessProbe: {
                httpGet: { path: '/healthz?js-enabled-only=true', port: 'monitor' },
                periodSeconds: 30,
                timeoutSeconds: 5,
                failureThreshold: 3,
              },
              readinessProbe: {
                httpGet: { path: '/healthz?js-server-only=true', port: 'monitor' },
                periodSeconds: 10,
                timeoutSeconds: 5,
                failureThreshold: 3,
              },
              // Lame-duck mode: clients move to the other nodes before this one stops.
              lifecycle: { preStop: { exec: { command: ['nats-server', '--signal', 'ldm=/var/run/nats/nats.pid'] } } },
              volumeMounts: [
                { name: 'config', mountPath: '/etc/nats' },
                { name: 'pid', mountPath: '/var/run/nats' },
                { name: 'data', mountPath: '/data' },
              ],
            },
          ],
          volumes: [
            { name: 'config', configMap: { name: `${NAME}-config` } },
            { name: 'pid', emptyDir: {} },
          ],
        },
      },
      volumeClaimTemplates: [dataVolumeClaim('20Gi')],
    },
  });
}

function policy(): NetworkPolicy {
  return new NetworkPolicy({
    metadata: meta(`${NAME}-network`),
    spec: {
      podSelector: { matchLabels: selectorOf(NAME) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [{ podSelector: { matchLabels: { [Reach.nats]: 'true' } } }], ports: tcp(4222) },
        { from: [podsOf(NAME)], ports: tcp(6222) },
        { from: [fromNamespace(platform.monitoringNamespace)], ports: tcp(8222) },
      ],
      egress: [{ to: [podsOf(NAME)], ports: tcp(6222) }],
    },
  });
}
