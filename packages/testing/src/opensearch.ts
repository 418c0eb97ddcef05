/**
 * The OpenSearch that tests on both engines run against. A missing URL fails the test with how to start one;
 * the OpenSearch half of a suite is never skipped quietly.
 */
export function requiredOpensearchUrl(): string {
  const url = process.env.OPENSEARCH_URL;
  if (!url)
    throw new Error(
      'OPENSEARCH_URL is not set: run the tests with `npm test`, which starts OpenSearch, or start it with `eval "$(bash infra/scripts/up-external.sh)"` and export OPENSEARCH_URL=<the URL it prints>',
    );
  return url;
}
