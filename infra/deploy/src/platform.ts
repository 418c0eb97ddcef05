/**
 * Facts about the cluster the manifests are made for. Placeholders (example.gov.cn, the database's address range,
 * the registry) are the values ops replace for a real cluster: here, once, and `npm run infra:synth` writes them out.
 */
export const platform = {
  namespace: 'govdisc',
  /** Images are built by infra/docker/Dockerfile and pushed as <registry>/<app>:<tag> (infra/README.md). */
  registry: 'registry.example.gov.cn/govdisc',
  imageTag: '0.1.0',
  /** The public names the ingress controller serves; `auth` is Keycloak's sign-in pages (browsers are sent there). */
  hosts: {
    portal: 'zwgk.example.gov.cn',
    api: 'api.zwgk.example.gov.cn',
    console: 'console.zwgk.example.gov.cn',
    auth: 'auth.zwgk.example.gov.cn',
  },
  ingressClassName: 'nginx',
  /** Certificate of the four hosts (a kubernetes.io/tls Secret, made by ops or cert-manager). */
  tlsSecret: 'govdisc-tls',
  /** Namespaces whose pods may reach ours: the ingress controller (public traffic) and Prometheus (metrics). */
  ingressNamespace: 'ingress-nginx',
  monitoringNamespace: 'monitoring',
  /** PostgreSQL runs outside the cluster (managed service or ops' own servers): its address range and port. */
  postgres: { cidr: '10.20.0.0/24', port: 5432 },
  /**
   * The S3-compatible object store for disclosure attachments (MinIO, Ceph RGW, a cloud's object storage), outside the
   * cluster like PostgreSQL: its endpoint, the bucket ops create, and the address range and port pods may reach.
   */
  objectStore: { endpoint: 'https://s3.example.gov.cn', bucket: 'govdisc-attachments', cidr: '10.20.1.0/24', port: 443 },
  /** Non-root user of every app image (infra/docker/Dockerfile creates it with these ids). */
  appUid: 10001,
  storageClass: { rwo: 'standard', rwx: 'nfs' },
} as const;

/** Labels every object carries; `app.kubernetes.io/name` selects an app's pods. */
export function labelsOf(name: string, component: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': 'govdisc',
    'app.kubernetes.io/managed-by': 'govdisc-deploy',
  };
}

export function selectorOf(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name };
}

/**
 * Capability labels: a pod that carries one may open connections to that dependency. The NetworkPolicies in
 * network.ts allow exactly these paths (and the dependency accepts them), so an app's reach is its labels.
 */
export const Reach = {
  nats: 'govdisc.io/nats-client',
  postgres: 'govdisc.io/postgres-client',
  objectstore: 'govdisc.io/objectstore-client',
  opensearch: 'govdisc.io/opensearch-client',
  keycloak: 'govdisc.io/keycloak-client',
  gateway: 'govdisc.io/gateway-client',
  /** Keycloak at its public host (through the ingress controller): the sites' OpenID Connect calls. */
  auth: 'govdisc.io/auth-client',
  internet: 'govdisc.io/internet-client',
} as const;
export type Reach = keyof typeof Reach;
