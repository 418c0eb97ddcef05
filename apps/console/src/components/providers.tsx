'use client';
import { AntdRegistry } from '@ant-design/nextjs-registry';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';

/** Ant Design in Chinese, its CSS-in-JS styles collected during server rendering (no flash of unstyled page). */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <AntdRegistry>
      {/* colorPrimary darker than antd's default blue: white text on it meets WCAG AA contrast */}
      {/* no space inserted into two-character button labels (发布, not 发 布): screen readers read the words */}
      <ConfigProvider
        locale={zhCN}
        button={{ autoInsertSpace: false }}
        theme={{ token: { colorPrimary: '#0958d9', colorLink: '#0958d9', colorTextDescription: 'rgba(0,0,0,0.65)' } }}
      >
        {children}
      </ConfigProvider>
    </AntdRegistry>
  );
}
