'use client';
import { Alert, Button } from 'antd';
import { useActionState, type ReactNode } from 'react';
import { CopyButton } from '../../../components/copy-button';
import type { SecretState } from './labels';

/**
 * A form whose server action may answer a signing secret: shown here once, with a copy button, and nowhere
 * else (not in the URL, not on the next visit).
 */
export function SecretForm({
  action,
  label,
  submit,
  children,
}: {
  action: (prev: SecretState, form: FormData) => Promise<SecretState>;
  label: string;
  submit: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} aria-label={label} className="stack">
      {children}
      <div>
        <Button type="primary" htmlType="submit" loading={pending}>
          {submit}
        </Button>
      </div>
      {state.error && <Alert type="error" showIcon title={state.error} />}
      {state.secret && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={state.done}
          description={
            <>
              <p>签名密钥只显示这一次，请立即交给部门系统保存：</p>
              <code className="secret">{state.secret}</code> <CopyButton text={state.secret} label="复制密钥" />
            </>
          }
        />
      )}
    </form>
  );
}
