'use client';
import { Button } from 'antd';
import { useState } from 'react';

/** 一键复制: the answer text onto the clipboard for the operator to read out or paste into the ticket. */
export function CopyButton({ text, label = '复制答复' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <Button
        onClick={() => {
          void navigator.clipboard.writeText(text).then(() => setCopied(true));
        }}
      >
        {label}
      </Button>
      <span role="status" className="copy-status">
        {copied ? '已复制' : ''}
      </span>
    </>
  );
}
