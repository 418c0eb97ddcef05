import { createHash } from 'node:crypto';
import type { AuthorizationRequest } from './embedded-issuer.js';

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f6f6f6;color:#1a1a1a}
main{max-width:26rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}
h1{font-size:1.4rem;margin-top:0}label{display:block;margin-top:1rem;font-weight:600}
input{box-sizing:border-box;width:100%;padding:.6rem;font-size:1rem;border:1px solid #555;border-radius:4px}
button{margin-top:1.5rem;width:100%;padding:.7rem;font-size:1rem;background:#9f1d15;color:#fff;border:0;border-radius:4px}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.error-summary{border:2px solid #b42318;padding:.75rem 1rem;margin-bottom:1rem}.error-summary h2{font-size:1rem;margin:0 0 .25rem;color:#b42318}`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * The pages' Content-Security-Policy: their one inline style by hash, no script, forms only to this
 * issuer and (Chrome checks form-action on the redirect after the POST) the client's redirect origin.
 */
export function pageCsp(redirectUri?: string): string {
  const formTargets = ["'self'", ...(redirectUri ? [new URL(redirectUri).origin] : [])].join(' ');
  return `default-src 'none'; style-src ${STYLE_HASH}; img-src 'self'; form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head><body><main id="main">${body}</main></body></html>`;
}

/** The sign-in page: a plain form (no script needed), the request carried in hidden fields, errors summarised on top. */
export function loginPage(request: AuthorizationRequest, options: { errorZh?: string; username?: string; action: string }): string {
  const hidden = Object.entries(request)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(String(value))}">`)
    .join('');
  const summary = options.errorZh
    ? `<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>登录未成功</h2><p>${escape(options.errorZh)}</p></div>`
    : '';
  return page(
    '登录 · 政务公开',
    `<h1>登录政务公开平台</h1>${summary}
<form method="post" action="${escape(options.action)}">${hidden}
<label for="username">用户名</label>
<input id="username" name="username" autocomplete="username" required value="${escape(options.username ?? '')}"${options.errorZh ? ' aria-describedby="error-summary"' : ''}>
<label for="password">密码</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">登录</button>
</form>`,
  );
}

export function messagePage(title: string, messageZh: string): string {
  return page(title, `<h1>${escape(title)}</h1><p>${escape(messageZh)}</p>`);
}
