/**
 * Append-only JSON Lines files (the audit log, the restore journal). Each append is one write of one
 * complete line followed by fsync, so a kill at any point loses at most the line being written; a torn last
 * line is recognised on reading and skipped, and lines that do not parse are counted, never fatal.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface JsonLinesRead<T> {
  entries: T[];
  /** Lines that were not valid JSON or failed validation (a torn final line counts here). */
  skipped: number;
}

export class JsonLinesFile<T> {
  readonly path: string;
  readonly #parse: (value: unknown) => T;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(path: string, parse: (value: unknown) => T) {
    this.path = path;
    this.#parse = parse;
  }

  /** Appends one entry durably; appends from one process are serialized so lines never interleave. */
  append(entry: T): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const work = async () => {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      const handle = await open(this.path, 'a+', 0o600);
      try {
        // A previous crash may have left a torn line without its newline; start ours on a fresh line.
        const { size } = await handle.stat();
        let prefix = '';
        if (size > 0) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) prefix = '\n';
        }
        await handle.write(prefix + line);
        await handle.sync();
      } finally {
        await handle.close();
      }
    };
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async read(): Promise<JsonLinesRead<T>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skipped: 0 };
      throw error;
    }
    const entries: T[] = [];
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        entries.push(this.#parse(JSON.parse(line)));
      } catch {
        skipped++;
      }
    }
    return { entries, skipped };
  }
}
