import { metricsRegistry, recordHttpRequest, recordRpcCall } from './metrics.js';

test('the RPC calls and HTTP requests recorded are counted by their labels, durations in their histograms', async () => {
  const subject = 'rpc.test.metrics.spec';
  recordRpcCall(subject, 'ok', 0.002);
  recordRpcCall(subject, 'ok', 0.003);
  recordRpcCall(subject, 'SERVICE_TIMEOUT', 5);
  recordHttpRequest('/api/v1/test/:id', 'GET', 200, 0.004);
  recordHttpRequest('/api/v1/test/:id', 'GET', 404, 0.001);
  recordHttpRequest('/api/v1/test/:id', 'GET', 200, 0.02);
  const text = await metricsRegistry.metrics();
  expect(text).toContain(`govdisc_rpc_client_requests_total{subject="${subject}",outcome="ok"} 2`);
  expect(text).toContain(`govdisc_rpc_client_requests_total{subject="${subject}",outcome="SERVICE_TIMEOUT"} 1`);
  expect(text).toContain(`govdisc_rpc_client_duration_seconds_count{subject="${subject}"} 3`);
  expect(text).toContain(`govdisc_rpc_client_duration_seconds_bucket{le="0.005",subject="${subject}"} 2`);
  expect(text).toContain('govdisc_http_requests_total{route="/api/v1/test/:id",method="GET",status="200"} 2');
  expect(text).toContain('govdisc_http_requests_total{route="/api/v1/test/:id",method="GET",status="404"} 1');
  expect(text).toContain('govdisc_http_request_duration_seconds_count{route="/api/v1/test/:id",method="GET"} 3');
});
