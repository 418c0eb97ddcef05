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

const NAME = 'opensearch';
const NODES = 3;
/** The version the tests run (infra/scripts/opensearch.sh); the image is the full distribution. */
const IMAGE = 'opensearchproject/opensearch:2.19.6';
const meta = (name = NAME) => ({ name, namespace: platform.namespace, labels: labelsOf(NAME, 'search') });

/**
 * Three OpenSearch nodes (each cluster-manager eligible and a data node) holding the search read models of
 * policy-svc and qa-svc. The read models can be rebuilt from PostgreSQL, so losing the cluster loses no data.
 */
export function opensearchObjects(): Model<unknown>[] {
  return [
    clientService(),
    headlessService(NAME, meta(`${NAME}-headless`), { http: 9200, transport: 9300 }),
    statefulSet(),
    oneNodeAtATime(NAME, meta()),
    policy(),
  ];
}

function clientService(): Service {
  return new Service({ metadata: meta(), spec: { selector: selectorOf(NAME), ports: [{ name: 'http', port: 9200, targetPort: 'http' }] } });
}

function statefulSet(): StatefulSet {
  const env = {
    'cluster.name': 'govdisc',
    'network.host': '0.0.0.0',
    'discovery.seed_hosts': `${NAME}-headless`,
    'cluster.initial_cluster_manager_nodes': Array.from({ length: NODES }, (_, i) => `${NAME}-${i}`).join(','),
    // No mmap: the nodes then need no vm.max_map_count change, so no privileged init container.
    'node.store.allow_mmap': 'false',
    // Plain HTTP inside the namespace, reachable only by policy-svc and qa-svc (NetworkPolicy); see infra/README.md.
    DISABLE_SECURITY_PLUGIN: 'true',
    DISABLE_INSTALL_DEMO_CONFIG: 'true',
    OPENSEARCH_JAVA_OPTS: '-Xms1g -Xmx1g',
  };
  return new StatefulSet({
    metadata: meta(),
    spec: {
      serviceName: `${NAME}-headless`,
      replicas: NODES,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: selectorOf(NAME) },
      template: {
        metadata: { labels: labelsOf(NAME, 'search') },
        spec: {
          ...hardenedPod(1000),
          terminationGracePeriodSeconds: 120,
          ...spreadOverMachines(NAME),
          containers: [
            {
              name: NAME,
              image: IMAGE,
              // The image writes its keystore and logs under its home at start.
              ...hardenedContainer(false),
              env: [
                { name: 'node.name', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                ...Object.entries(env).map(([name, value]) => ({ name, value })),
              ],
              ports: [
                { name: 'http', containerPort: 9200 },
                { name: 'transport', containerPort: 9300 },
              ],
              resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '2Gi' } },
              startupProbe: { tcpSocket: { port: 'http' }, periodSeconds: 5, failureThreshold: 60 },
              livenessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 3 },
              readinessProbe: {
                httpGet: { path: '/_cluster/health?local=true', port: 'http' },
                periodSeconds: 10,
                timeoutSeconds: 5,
                failureThreshold: 3,
              },
              volumeMounts: [{ name: 'data', mountPath: '/usr/share/opensearch/data' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [dataVolumeClaim('30Gi')],
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
        { from: [{ podSelector: { matchLabels: { [Reach.opensearch]: 'true' } } }], ports: tcp(9200) },
        { from: [podsOf(NAME)], ports: tcp(9300) },
        { from: [fromNamespace(platform.monitoringNamespace)], ports: tcp(9200) },
      ],
      egress: [{ to: [podsOf(NAME)], ports: tcp(9300) }],
    },
  });
}
