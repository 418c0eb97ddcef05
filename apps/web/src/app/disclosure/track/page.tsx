import type { Metadata } from 'next';
import { TrackForm } from './form';

export const metadata: Metadata = {
  title: '查询申请进度',
  description: '凭查询码和手机号后四位，查询政府信息公开申请的办理进度。',
  alternates: { canonical: '/disclosure/track' },
};

export default function TrackPage() {
  return (
    <>
      <h1>查询申请进度</h1>
      <p>请输入提交申请后获得的查询码，以及申请时所留手机号的后四位。</p>
      <TrackForm />
    </>
  );
}
