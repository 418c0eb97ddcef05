import type { IContainer } from 'kubernetes-models/v1/Container';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Service } from 'kubernetes-models/v1/Service';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { platform, selectorOf } from '../platform.js';

/** Non-root, no service-account token, the runtime's default seccomp profile: what every pod of ours starts from. */
export function hardenedPod(
  uid: number = platform.appUid,
): Pick<IPodSpec, 'securityContext' | 'automountServiceAccountToken' | 'enableServiceLinks'> {
  return {
    automountServiceAccountToken: false,
    // Service links would put a variable per Service into every container: noise, and names that could shadow ours.
    enableServiceLinks: false,
    securityContext: { runAsNonRoot: true, runAsUser: uid, runAsGroup: uid, fsGroup: uid, seccompProfile: { type: 'RuntimeDefault' } },
  };
}

/** Read-only root filesystem (writable paths are declared volumes), no privilege escalation, no capabilities. */
export function hardenedContainer(readOnlyRootFilesystem = true): Pick<IContainer, 'securityContext'> {
  return { securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem, capabilities: { drop: ['ALL'] } } };
}

export function fromNamespace(name: string): INetworkPolicyPeer {
  return { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } };
}

/** The pods of one of our workloads, as a NetworkPolicy peer. */
export function podsOf(name: string): INetworkPolicyPeer {
  return { podSelector: { matchLabels: selectorOf(name) } };
}

type IObjectMeta = NonNullable<Service['metadata']>;
type VolumeClaimTemplate = NonNullable<NonNullable<StatefulSet['spec']>['volumeClaimTemplates']>[number];

export function tcp(...ports: number[]): INetworkPolicyPort[] {
  return ports.map((port) => ({ protocol: 'TCP', port }));
}

/** Replicas of a clustered server on different machines where the cluster has them: a machine lost is one node lost. */
export function spreadOverMachines(name: string): Pick<IPodSpec, 'affinity'> {
  return {
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: selectorOf(name) } } },
        ],
      },
    },
  };
}

/** Each node of a clustered server keeps its data on its own volume (a StatefulSet's claim template). */
export function dataVolumeClaim(storage: string): VolumeClaimTemplate {
  return {
    metadata: { name: 'data' },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: platform.storageClass.rwo, resources: { requests: { storage } } },
  };
}

/**
 * A clustered server's headless Service: stable per-node names, published before the nodes are ready because
 * the nodes must find each other to become ready.
 */
export function headlessService(name: string, metadata: IObjectMeta, ports: Record<string, number>): Service {
  return new Service({
    metadata,
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: selectorOf(name),
      ports: Object.entries(ports).map(([portName, port]) => ({ name: portName, port, targetPort: portName })),
    },
  });
}

/** A quorum of nodes (2 of 3) must stay up: never take more than one down on purpose. */
export function oneNodeAtATime(name: string, metadata: IObjectMeta): PodDisruptionBudget {
  return new PodDisruptionBudget({ metadata, spec: { maxUnavailable: 1, selector: { matchLabels: selectorOf(name) } } });
}
