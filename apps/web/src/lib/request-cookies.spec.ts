import { readOnlyJar } from './request-cookies';

describe('readOnlyJar', () => {
  const jar = readOnlyJar({ elder: '1', empty: '' });

  it('gives the request cookies web-auth reads, including an empty value', () => {
    expect(jar.get('elder')).toEqual({ value: '1' });
    expect(jar.get('empty')).toEqual({ value: '' });
    expect(jar.get('session')).toBeUndefined();
  });

  it('refuses to set or delete a cookie during a page render', () => {
    const options = { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 60 } as const;
    expect(() => jar.set('session', 'x', options)).toThrow(/cannot set the cookie session/);
    expect(() => jar.delete('session')).toThrow(/cannot delete the cookie session/);
  });
});
