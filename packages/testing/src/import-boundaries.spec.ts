import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addEdge, cyclePath, cyclicComponents, importsOf, listTsFiles, type ImportEdge } from './import-graph.js';

// The repo's shape, checked on every `npm test`: apps never import other apps or any app's dist/,
// packages never import apps, and there are no import cycles between files, between the folders
// (contexts) of one app or package, or between workspaces.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const apps = readdirSync(`${root}apps`);
const packages = readdirSync(`${root}packages`);
const appPackageNames = new Set(apps.map((app) => `@govdisc/${app}`));

const workspaces = [...apps.map((a) => `apps/${a}`), ...packages.map((p) => `packages/${p}`)];
const files = workspaces.flatMap((w) => [...listTsFiles(root, `${w}/src`), ...listTsFiles(root, `${w}/test`)]);
const edges = files.flatMap((file) => importsOf(root, file));

const workspaceOf = (path: string): string => path.split('/').slice(0, 2).join('/');
/** `apps/x/src/search/a.ts` → `apps/x/src/search`; a file directly in src/ is its own context. */
const contextOf = (path: string): string => path.split('/').slice(0, 4).join('/');
const isSource = (path: string): boolean => /^(apps|packages)\/[^/]+\/src\//u.test(path) && !path.endsWith('.spec.ts');
const describeEdge = (e: ImportEdge): string => `${e.from} imports '${e.specifier}'`;

function cycles(graph: Map<string, Set<string>>): string[] {
  return cyclicComponents(graph).map((component) => cyclePath(graph, component));
}

describe('import boundaries', () => {
  it('reads the whole repo (the check would pass vacuously on an empty graph)', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(edges.filter((e) => e.to !== null).length).toBeGreaterThan(200);
  });

  it('apps never import another app or any app’s dist/', () => {
    const violations = edges
      .filter((e) => e.from.startsWith('apps/'))
      .filter((e) =>
        e.to === null
          ? appPackageNames.has(e.specifier.split('/').slice(0, 2).join('/'))
          : workspaceOf(e.to) !== workspaceOf(e.from) || /^apps\/[^/]+\/dist\//u.test(e.to),
      )
      .map(describeEdge);
    expect(violations).toEqual([]);
  });

  it('packages never import apps, and reach other packages only by their package name', () => {
    const violations = edges
      .filter((e) => e.from.startsWith('packages/'))
      .filter((e) =>
        e.to === null ? appPackageNames.has(e.specifier.split('/').slice(0, 2).join('/')) : workspaceOf(e.to) !== workspaceOf(e.from),
      )
      .map(describeEdge);
    expect(violations).toEqual([]);
  });

  it('no import cycle between source files', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) if (e.to && isSource(e.from) && isSource(e.to)) addEdge(graph, e.from, e.to);
    expect(cycles(graph)).toEqual([]);
  });

  it('no import cycle between the folders (contexts) of an app or package', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) if (e.to && isSource(e.from) && isSource(e.to)) addEdge(graph, contextOf(e.from), contextOf(e.to));
    expect(cycles(graph)).toEqual([]);
  });

  it('no dependency cycle between workspaces', () => {
    const graph = new Map<string, Set<string>>();
    const byName = new Map(workspaces.map((w) => [`@govdisc/${w.split('/')[1]}`, w]));
    for (const e of edges) {
      const target = e.to === null ? byName.get(e.specifier.split('/').slice(0, 2).join('/')) : undefined;
      if (target && isSource(e.from)) addEdge(graph, workspaceOf(e.from), target);
    }
    expect(cycles(graph)).toEqual([]);
  });
});
