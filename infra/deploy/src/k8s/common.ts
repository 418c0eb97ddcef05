import type { IContainer } from 'kubernetes-models/v1/Container';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
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

export function tcp(...ports: number[]): INetworkPolicyPort[] {
  return ports.map((port) => ({ protocol: 'TCP', port }));
}
