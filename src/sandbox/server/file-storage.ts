import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes `content` to `file` so that a crash at any moment leaves either the old or the new file, never a torn one:
 * write a temporary file in the same directory, fsync it, rename it over the target, then fsync the directory so the
 * rename itself is durable.
 */
export function writeFileAtomic(file: string, content: string): void {
  const target = resolve(file);
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'w', 0o600);
  try {
    const data = Buffer.from(content, 'utf8');
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dir);
}

function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads and parses a JSON file; `null` when it does not exist. A corrupt file is an error, never silently reset. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(
      `${file} is not valid JSON (${(error as Error).message}); move it away to start from a seed`,
      {
        cause: error,
      },
    );
  }
}

/** What the `--data` file holds: the sandbox state and the credentials known to the server. */
export interface DataFileContent<SandboxState, AuthState> {
  format: 'iplb-console-sandbox';
  version: 1;
  savedAt: string;
  sandbox: SandboxState | null;
  auth: AuthState | null;
}

/**
 * One JSON file holding two sections, each saved atomically with the other's last known value.
 * `load*` read what was on disk at start.
 */
export class DataFile<SandboxState, AuthState> {
  readonly path: string;
  private content: DataFileContent<SandboxState, AuthState>;

  constructor(path: string) {
    this.path = resolve(path);
    const raw = readJsonFile(this.path);
    if (raw === null) {
      this.content = {
        format: 'iplb-console-sandbox',
        version: 1,
        savedAt: new Date(0).toISOString(),
        sandbox: null,
        auth: null,
      };
    } else {
      const candidate = raw as Partial<DataFileContent<SandboxState, AuthState>>;
      if (candidate.format !== 'iplb-console-sandbox' || candidate.version !== 1) {
        throw new Error(`${this.path} is not an IPLB Console sandbox data file (format/version missing)`);
      }
      this.content = {
        format: 'iplb-console-sandbox',
        version: 1,
        savedAt: candidate.savedAt ?? new Date(0).toISOString(),
        sandbox: candidate.sandbox ?? null,
        auth: candidate.auth ?? null,
      };
    }
  }

  loadSandbox(): SandboxState | null {
    return this.content.sandbox;
  }

  loadAuth(): AuthState | null {
    return this.content.auth;
  }

  saveSandbox(state: SandboxState): void {
    this.content.sandbox = state;
    this.flush();
  }

  saveAuth(state: AuthState): void {
    this.content.auth = state;
    this.flush();
  }

  private flush(): void {
    this.content.savedAt = new Date().toISOString();
    writeFileAtomic(this.path, `${JSON.stringify(this.content)}\n`);
  }
}
