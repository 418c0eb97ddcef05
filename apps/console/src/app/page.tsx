import { Alert, Card } from 'antd';
import { currentUser } from '../lib/auth';
import { navFor } from '../lib/nav';

export const dynamic = 'force-dynamic';

/** Home: sign in, or the screens this person's roles open. */
export default async function Home() {
  const user = await currentUser();
  if (!user) {
    return (
      <>
        <h1>政务公开工作台</h1>
        <p>工作人员专用。请使用统一身份认证账号登录。</p>
        <p>
          <a href="/auth/login">登录</a>
        </p>
      </>
    );
  }
  const items = navFor(user);
  return (
    <>
      <h1>您好，{user.name}</h1>
      {items.length === 0 ? (
        <Alert type="warning" showIcon title="您的账号没有工作台权限，请联系管理员分配角色。" />
      ) : (
        <div className="stack">
          {items.map((item) => (
            <Card key={item.href} size="small">
              <a href={item.href}>{item.label}</a>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
