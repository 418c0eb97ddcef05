import { Alert } from 'antd';

/** Shown when the person's roles do not open this screen (the gateway would refuse the calls anyway). */
export function Forbidden() {
  return <Alert type="error" showIcon title="您的账号没有使用此功能的权限。如需开通，请联系管理员。" />;
}

/** A refused or failed gateway call, in the words the gateway gave (Chinese, with its stable code). */
export function ApiFailure({ error }: { error: { code?: string; message?: string } | null | undefined }) {
  return (
    <Alert type="error" showIcon title={`${error?.message ?? '服务暂时不可用，请稍后再试。'}${error?.code ? `（${error.code}）` : ''}`} />
  );
}
