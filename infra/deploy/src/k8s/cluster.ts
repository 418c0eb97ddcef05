import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IHTTPIngressPath } from 'kubernetes-models/networking.k8s.io/v1/HTTPIngressPath';
import type { IIngressRule } from 'kubernetes-models/networking.k8s.io/v1/IngressRule';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { imageOf, type AppSpec } from '../apps.js';
import { Reach, labelsOf, platform } from '../platform.js';
import { hardenedContainer, hardenedPod } from './common.js';

export function namespace(): Namespace {
  return new Namespace({
    metadata: {
      name: platform.namespace,
      // Every pod here satisfies the restricted Pod Security Standard; the API server refuses any that does not.
      labels: {
        ...labelsOf('govdisc', 'namespace'),
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
      },
    },
  });
}

type Rule = IIngressRule & { host: string };

/**
 * The only way in from outside, TLS terminated by the ingress controller: the public apps' hosts, and Keycloak's
 * sign-in pages on the auth host. Two objects, because nginx's annotations hold for a whole Ingress: the sites that
 * keep sessions in memory get cookie affinity, the gateway and Keycloak are balanced per request.
 */
export function ingresses(apps: AppSpec[]): Ingress[] {
  const exposed = apps.filter((a): a is AppSpec & { publicHost: string } => Boolean(a.publicHost));
  const ruleOf = (a: AppSpec & { publicHost: string }): Rule => ({ host: a.publicHost, http: { paths: [path('/', a.name)] } });
  // Only the realms' pages and their static resources: the admin console stays off the internet (kubectl port-forward).
  const auth: Rule = { host: platform.hosts.auth, http: { paths: [path('/realms/', 'keycloak'), path('/resources/', 'keycloak')] } };
  return [
    ingressOf('govdisc', [...exposed.filter((a) => !a.stickySessions).map(ruleOf), auth], {}),
    ingressOf('govdisc-sites', exposed.filter((a) => a.stickySessions).map(ruleOf), STICKY),
  ];
}

/**
 * A browser keeps to the pod that holds its sign-in session (docs/adr/0007). `persistent`: scaling up does not move
 * existing browsers (nginx's `balanced` would, signing them out); a cookie pointing at a pod that is gone picks a new
 * pod, where the person signs in again. Lifetime: the sessions' absolute 10 hours.
 */
const STICKY: Record<string, string> = {
  'nginx.ingress.kubernetes.io/affinity': 'cookie',
  'nginx.ingress.kubernetes.io/affinity-mode': 'persistent',
  'nginx.ingress.kubernetes.io/session-cookie-name': 'govdisc-route',
  'nginx.ingress.kubernetes.io/session-cookie-path': '/',
  'nginx.ingress.kubernetes.io/session-cookie-secure': 'true',
  'nginx.ingress.kubernetes.io/session-cookie-samesite': 'Lax',
  'nginx.ingress.kubernetes.io/session-cookie-max-age': String(10 * 3600),
  'nginx.ingress.kubernetes.io/session-cookie-change-on-failure': 'true',
};

function path(prefix: string, service: string): IHTTPIngressPath {
  return { path: prefix, pathType: 'Prefix', backend: { service: { name: service, port: { name: 'http' } } } };
}

function ingressOf(name: string, rules: Rule[], annotations: Record<string, string>): Ingress {
  return new Ingress({
    metadata: {
      name,
      namespace: platform.namespace,
      labels: labelsOf('govdisc', 'ingress'),
      // Attachments of disclosure requests are uploaded through the gateway (its BODY_LIMIT decides).
      annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m', ...annotations },
    },
    spec: {
      ingressClassName: platform.ingressClassName,
      tls: [{ hosts: rules.map((r) => r.host), secretName: platform.tlsSecret }],
      rules,
    },
  });
}

/**
 * Creates or updates the JetStream streams and durable consumers (scripts/bus-apply.mjs, idempotent) with the gateway's
 * image, which holds the scripts. Deleted 10 minutes after it finishes, so the next `kubectl apply` runs it again.
 */
export function busApplyJob(gateway: AppSpec): Job {
  return new Job({
    metadata: { name: 'bus-apply', namespace: platform.namespace, labels: labelsOf('bus-apply', 'job') },
    spec: {
      backoffLimit: 20,
      ttlSecondsAfterFinished: 600,
      template: {
        metadata: { labels: { ...labelsOf('bus-apply', 'job'), [Reach.nats]: 'true' } },
        spec: {
          ...hardenedPod(),
          restartPolicy: 'OnFailure',
          containers: [
            {
              name: 'bus-apply',
              image: imageOf(gateway.name),
              ...hardenedContainer(),
              workingDir: '/app',
              command: ['node', 'scripts/bus-apply.mjs'],
              env: [
                { name: 'NATS_URL', value: gateway.config.NATS_URL ?? '' },
                { name: 'NATS_SUBJECT_PREFIX', value: gateway.config.NATS_SUBJECT_PREFIX ?? '' },
                // Every stream on all three NATS nodes (nats.ts): an acknowledged event survives the loss of one.
                { name: 'JETSTREAM_REPLICAS', value: '3' },
              ],
              resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
            },
          ],
        },
      },
    },
  });
}
