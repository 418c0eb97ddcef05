import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
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

/** The only way in from outside: the public apps' hosts, TLS terminated by the ingress controller. */
export function ingress(apps: AppSpec[]): Ingress {
  const exposed = apps.filter((a): a is AppSpec & { publicHost: string } => Boolean(a.publicHost));
  return new Ingress({
    metadata: {
      name: 'govdisc',
      namespace: platform.namespace,
      labels: labelsOf('govdisc', 'ingress'),
      // Attachments of disclosure requests are uploaded through the gateway (its BODY_LIMIT decides).
      annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' },
    },
    spec: {
      ingressClassName: platform.ingressClassName,
      tls: [{ hosts: exposed.map((a) => a.publicHost), secretName: platform.tlsSecret }],
      rules: exposed.map((a) => ({
        host: a.publicHost,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: a.name, port: { name: 'http' } } } }] },
      })),
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
              ],
              resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
            },
          ],
        },
      },
    },
  });
}
