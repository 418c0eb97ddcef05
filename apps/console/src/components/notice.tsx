import { Alert } from 'antd';

/** The outcome of the last form, carried in the query (?done= / ?error=) so it works without JavaScript. */
export function Notice({ done, error }: { done: string; error: string }) {
  if (error) return <Alert type="error" showIcon title={error} />;
  if (done) return <Alert type="success" showIcon role="status" title={done} />;
  return null;
}
