import type { Metadata } from 'next';
import { DisclosureForm } from './form';

export const metadata: Metadata = {
  title: '申请政府信息公开',
  description: '依据《中华人民共和国政府信息公开条例》在线申请政府信息公开，提交后获得受理编号和查询码。',
  alternates: { canonical: '/disclosure/new' },
};

export default function NewDisclosurePage() {
  return (
    <>
      <h1>申请政府信息公开</h1>
      <p>
        请如实填写以下内容。行政机关收到申请后，一般在 20
        个工作日内答复。标有“必填”的项目必须填写。提交后您会得到受理编号和查询码，请妥善保存。
      </p>
      <DisclosureForm />
    </>
  );
}
