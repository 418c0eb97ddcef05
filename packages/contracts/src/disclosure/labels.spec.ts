import { readFileSync } from 'node:fs';

test('the labels file imports types only, so client components can load it without zod', () => {
  const source = readFileSync(new URL('./labels.ts', import.meta.url), 'utf8');
  const imports = source.split('\n').filter((line) => /^import\b/.test(line));
  expect(imports.length).toBeGreaterThan(0);
  for (const line of imports) expect(line).toMatch(/^import type /);
});
