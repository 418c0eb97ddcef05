import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { reapOnExit, stopChild } from './nats-server.js';

/** One app started as a real process (node dist/main.js), with its output kept for failure reports. */
export class AppProcess {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: Record<string, string>,
    readonly readyUrl: string,
  ) {}

  async start(timeoutMs = 30_000): Promise<void> {
    this.child = reapOnExit(
      spawn(process.execPath, [this.entry], {
        env: { ...process.env, ...this.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 500) this.output.shift();
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    await this.waitReady(timeoutMs);
  }

  private async waitReady(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) throw new Error(`${this.name} exited early:\n${this.tail()}`);
      try {
        const res = await fetch(this.readyUrl);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.name} not ready within ${timeoutMs} ms:\n${this.tail()}`);
  }

  /** SIGTERM and wait: the app drains and exits by itself. Returns its exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (!this.child) return null;
    const code = await stopChild(this.child, signal);
    this.child = undefined;
    return code;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Resident memory of the process in MB (Linux /proc), for leak checks. */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null;
  }

  tail(lines = 40): string {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }
}
