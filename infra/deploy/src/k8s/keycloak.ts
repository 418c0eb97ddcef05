import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { Model } from '@kubernetes-models/base';
import { Reach, labelsOf, platform, selectorOf } from '../platform.js';
import { fromNamespace, hardenedContainer, hardenedPod, podsOf, tcp } from './common.js';

const NAME = 'keycloak';
/** The version the tests run (infra/scripts/keycloak.sh). */
const IMAGE = 'quay.io/keycloak/keycloak:26.7.3';
const meta = (name = NAME) => ({ name, namespace: platform.namespace, labels: labelsOf(NAME, 'identity') });
const secretVar = (name: string, secret: string, key = name) => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });

/**
 * Keycloak on the external PostgreSQL, two replicas sharing sessions (JGroups over the database's JDBC_PING).
 * The realm is imported from the Secret `keycloak-realm` (made from infra/keycloak/realm-govdisc.json, adapted for
 * production: infra/README.md) when it does not exist yet.
 */
export function keycloakObjects(): Model<unknown>[] {
  return [service(), deployment(), disruptionBudget(), policy()];
}

function service(): Service {
  return new Service({ metadata: meta(), spec: { selector: selectorOf(NAME), ports: [{ name: 'http', port: 8080, targetPort: 'http' }] } });
}

function deployment(): Deployment {
  return new Deployment({
    metadata: meta(),
    spec: {
      replicas: 2,
      selector: { matchLabels: selectorOf(NAME) },
      template: {
        metadata: { labels: { ...labelsOf(NAME, 'identity'), [Reach.postgres]: 'true' } },
        spec: {
          ...hardenedPod(1000),
          containers: [
            {
              name: NAME,
              image: IMAGE,
              // Quarkus re-augments the server into its own directory on a plain `start`.
              ...hardenedContainer(false),
              args: ['start', '--import-realm'],
              env: [
                { name: 'KC_DB', value: 'postgres' },
                secretVar('KC_DB_URL', 'keycloak-db'),
                secretVar('KC_DB_USERNAME', 'keycloak-db'),
                secretVar('KC_DB_PASSWORD', 'keycloak-db'),
                secretVar('KC_BOOTSTRAP_ADMIN_USERNAME', 'keycloak-admin'),
                secretVar('KC_BOOTSTRAP_ADMIN_PASSWORD', 'keycloak-admin'),
                { name: 'KC_HTTP_ENABLED', value: 'true' },
                { name: 'KC_HEALTH_ENABLED', value: 'true' },
                { name: 'KC_METRICS_ENABLED', value: 'true' },
                // Browsers sign in at the public host, and tokens name it as their issuer. Calls at the in-cluster
                // address (the gateway's key fetches) get in-cluster back-channel URLs in discovery.
                { name: 'KC_HOSTNAME', value: `https://${platform.hosts.auth}` },
                { name: 'KC_HOSTNAME_BACKCHANNEL_DYNAMIC', value: 'true' },
                // The ingress controller terminates TLS and says so in X-Forwarded-* headers.
                { name: 'KC_PROXY_HEADERS', value: 'xforwarded' },
                { name: 'JAVA_OPTS_KC_HEAP', value: '-XX:MaxRAMPercentage=70' },
              ],
              ports: [
                { name: 'http', containerPort: 8080 },
                { name: 'management', containerPort: 9000 },
                { name: 'jgroups', containerPort: 7800 },
              ],
              resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '1536Mi' } },
              startupProbe: { httpGet: { path: '/health/started', port: 'management' }, periodSeconds: 5, failureThreshold: 60 },
              livenessProbe: {
                httpGet: { path: '/health/live', port: 'management' },
                periodSeconds: 15,
                timeoutSeconds: 5,
                failureThreshold: 3,
              },
              readinessProbe: {
                httpGet: { path: '/health/ready', port: 'management' },
                periodSeconds: 10,
                timeoutSeconds: 5,
                failureThreshold: 3,
              },
              volumeMounts: [{ name: 'realm', mountPath: '/opt/keycloak/data/import', readOnly: true }],
            },
          ],
          volumes: [{ name: 'realm', secret: { secretName: 'keycloak-realm' } }],
        },
      },
    },
  });
}

function disruptionBudget(): PodDisruptionBudget {
  return new PodDisruptionBudget({ metadata: meta(), spec: { minAvailable: 1, selector: { matchLabels: selectorOf(NAME) } } });
}

function policy(): NetworkPolicy {
  return new NetworkPolicy({
    metadata: meta(`${NAME}-network`),
    spec: {
      podSelector: { matchLabels: selectorOf(NAME) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [{ podSelector: { matchLabels: { [Reach.keycloak]: 'true' } } }], ports: tcp(8080) },
        // Browsers (and the sites' servers) through the ingress controller: the auth host's rule in k8s/cluster.ts.
        { from: [fromNamespace(platform.ingressNamespace)], ports: tcp(8080) },
        { from: [podsOf(NAME)], ports: tcp(7800, 57800) },
        { from: [fromNamespace(platform.monitoringNamespace)], ports: tcp(9000) },
      ],
      egress: [{ to: [podsOf(NAME)], ports: tcp(7800, 57800) }],
    },
  });
}
