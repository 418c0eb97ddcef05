import { NextResponse, type NextRequest } from 'next/server';

/** Tells the server components which page is open (the menu marks it with aria-current). */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-console-path', request.nextUrl.pathname);
  return NextResponse.next({ request: { headers } });
}
