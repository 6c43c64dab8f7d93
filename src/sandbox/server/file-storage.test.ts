// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFile, writeFileAtomic } from './file-storage';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iplb-sandbox-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', () => {
    const file = join(dir, 'nested', 'state.json');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']);
  });
});

describe('DataFile', () => {
  it('starts empty, saves both sections, and reads them back in a new instance', () => {
    const file = join(dir, 'data.json');
    const first = new DataFile<{ farms: number[] }, { keys: string[] }>(file);
    expect(first.loadSandbox()).toBeNull();
    expect(first.loadAuth()).toBeNull();
    first.saveSandbox({ farms: [1, 2] });
    first.saveAuth({ keys: ['a'] });

    const second = new DataFile<{ farms: number[] }, { keys: string[] }>(file);
    expect(second.loadSandbox()).toEqual({ farms: [1, 2] });
    expect(second.loadAuth()).toEqual({ keys: ['a'] });
  });

  it('refuses a corrupt or foreign file instead of overwriting it', () => {
    const file = join(dir, 'data.json');
    writeFileSync(file, '{"farms":');
    expect(() => new DataFile(file)).toThrow(/not valid JSON/);
    writeFileSync(file, '{"farms":[]}');
    expect(() => new DataFile(file)).toThrow(/not an IPLB Console sandbox data file/);
    expect(readFileSync(file, 'utf8')).toBe('{"farms":[]}');
  });
});
