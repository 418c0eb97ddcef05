import { readFileSync } from 'node:fs';
import { validate } from 'dockerfile-utils';

/**
 * The image recipe, offline: the Dockerfile parser's diagnostics (unknown instructions, bad flags and arguments)
 * and what the platform asks of every image: several stages, a non-root user and a health check in the last one.
 */
export function dockerfileProblems(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const problems = validate(text).map(
    (d) => `${file}:${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`,
  );
  const instructions = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = instructions.filter((line) => /^FROM\s/i.test(line)).length;
  if (stages < 2) problems.push(`${file}: not a multi-stage build`);
  const lastStage = instructions.slice(instructions.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true));
  const user = lastStage.filter((l) => /^USER\s/i.test(l)).pop();
  if (!user || /^USER\s+(root|0)(:|\s|$)/i.test(user)) problems.push(`${file}: the final stage must switch to a non-root USER`);
  if (!lastStage.some((l) => /^HEALTHCHECK\s+(?!NONE)/i.test(l))) problems.push(`${file}: the final stage has no HEALTHCHECK`);
  return problems;
}
