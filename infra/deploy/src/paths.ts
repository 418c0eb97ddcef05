import { fileURLToPath } from 'node:url';

/** The repository root (this file is infra/deploy/{src,dist}/paths.*). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
