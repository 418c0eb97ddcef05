import type { Metadata } from 'next';
import { currentUser } from '../../../lib/auth';
import { DisclosureForm } from './form';

export const metadata: Metadata = {
  title: '申请政府信息公开',
  description: '依据《中华人民共和国政府信息公开条例》在线申请政府信息公开，提交后获得受理编号和查询码。',
  alternates: { canonical: '/disclosure/new' },
};

export default async function NewDisclosurePage() {
  const user = await currentUser();
  return (
    <>
      <h1>申请政府信息公开</h1>
      <p>
        请如实填写以下内容。行政机关收到申请后，一般在 20
        个工作日内答复。标有“必填”的项目必须填写。提交后您会得到受理编号和查询码，请妥善保存。
      </p>
      {user ? (
        <p className="banner banner-ok">
          您已登录（{user.name}）。本申请将保存在<a href="/me">我的申请</a>中，办理进展会发到<a href="/me/inbox">我的消息</a>。
        </p>
      ) : (
        <p>
          <a href="/auth/login?returnTo=%2Fdisclosure%2Fnew">登录</a>后提交，可以在“我的申请”中随时查看进度和答复。
        </p>
      )}
      <DisclosureForm />
    </>
  );
}
