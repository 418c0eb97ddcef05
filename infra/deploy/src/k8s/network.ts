import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import { Reach, labelsOf, platform } from '../platform.js';
import { fromNamespace, podsOf, tcp } from './common.js';

const meta = (name: string) => ({ name, namespace: platform.namespace, labels: labelsOf('govdisc', 'network') });

/**
 * Nothing moves unless a policy allows it: every pod may resolve names, and a pod reaches a dependency only if it
 * carries that dependency's Reach label (apps.ts). The dependencies' own policies accept the same labels.
 */
export function namespacePolicies(): NetworkPolicy[] {
  return [
    new NetworkPolicy({ metadata: meta('default-deny'), spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } }),
    new NetworkPolicy({
      metadata: meta('allow-dns'),
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
                podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              },
            ],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    }),
    reach('nats', { to: [podsOf('nats')], ports: tcp(4222) }),
    reach('postgres', { to: [{ ipBlock: { cidr: platform.postgres.cidr } }], ports: tcp(platform.postgres.port) }),
    reach('objectstore', { to: [{ ipBlock: { cidr: platform.objectStore.cidr } }], ports: tcp(platform.objectStore.port) }),
    reach('opensearch', { to: [podsOf('opensearch')], ports: tcp(9200) }),
    reach('keycloak', { to: [podsOf('keycloak')], ports: tcp(8080) }),
    reach('gateway', { to: [podsOf('gateway')], ports: tcp(3000) }),
    // The sites' server-side OpenID Connect calls go to Keycloak's public host (the issuer must match its name). Inside
    // the cluster the load balancer's address leads to the ingress controller's pods; if the CNI sees the traffic leave
    // for the balancer instead, its address must be added here as an ipBlock (infra/README.md).
    reach('auth', { to: [fromNamespace(platform.ingressNamespace)], ports: tcp(443) }),
    // notify-svc: mail relays and departments' webhook endpoints, on the public internet only (SSRF guard in depth).
    reach('internet', {
      to: [
        {
          ipBlock: {
            cidr: '0.0.0.0/0',
            except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '100.64.0.0/10', '127.0.0.0/8'],
          },
        },
      ],
      ports: tcp(25, 465, 587, 80, 443),
    }),
  ];
}

function reach(to: Reach, rule: INetworkPolicyEgressRule): NetworkPolicy {
  return new NetworkPolicy({
    metadata: meta(`reach-${to}`),
    spec: { podSelector: { matchLabels: { [Reach[to]]: 'true' } }, policyTypes: ['Egress'], egress: [rule] },
  });
}
