/**
 * The sandbox API over HTTP, for e2e tests, curl, scripts and other tools:
 *   npm run sandbox:serve -- --port 8787 --seed demo --data .sandbox-data/state.json
 * See `--help`.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isSandboxSeedName, type SandboxSeedName, sandboxSeedNames } from '@/lib/sandbox-seed';
import {
  demoCredentials,
  type SandboxServer,
  type SandboxServerOptions,
  startSandboxServer,
} from '@/sandbox/server/server';

export { startSandboxServer };
export type StartOptions = SandboxServerOptions;

const usage = `Usage: npm run sandbox:serve -- [options]

Serves the simulated OVHcloud /ipLoadbalancing API under http://HOST:PORT/1.0

Options:
  --port N             port to listen on (default 8787; 0 picks a free one)
  --host HOST          interface to listen on (default 127.0.0.1)
  --seed NAME          initial data: ${sandboxSeedNames.join(' | ')} (default: the saved state, else demo)
  --data FILE          keep the state in FILE (JSON, written atomically); loaded at start if present;
                       with --seed, a saved state of another seed is replaced
  --refresh-ms N       how long an "apply configuration" task runs, in ms
  --app-key KEY        application key accepted (default ${demoCredentials.applicationKey})
  --app-secret SECRET  its secret (default ${demoCredentials.applicationSecret})
  --consumer-key KEY   consumer key accepted with every right (default ${demoCredentials.consumerKey})
  --signature-base URL base URL signatures are checked against (default: the URL the request was sent to,
                       http://HOST:PORT/1.0); e.g. https://eu.api.ovh.com/1.0 behind a pass-through proxy
  --no-auth            accept unsigned calls
  -h, --help           this text

Routes outside the OVHcloud API:
  POST /1.0/__sandbox/reset   body {"seed":"demo"}: back to a seed (for tests)
  GET  /auth/validate         the consumer-key validation page (validationUrl of POST /1.0/auth/credential)
`;

export class UsageError extends Error {}

/** Command-line arguments → server options. Throws `UsageError` on bad input. */
export function parseServeArgs(argv: string[]): StartOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        data: { type: 'string' },
        'refresh-ms': { type: 'string' },
        'app-key': { type: 'string' },
        'app-secret': { type: 'string' },
        'consumer-key': { type: 'string' },
        'signature-base': { type: 'string' },
        'no-auth': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values;
  if (values.help) return 'help';

  const options: StartOptions = { port: 8787, host: '127.0.0.1' };
  if (values.port !== undefined) options.port = integer('--port', values.port, 0, 65535);
  if (values.host !== undefined) {
    if (!/^[\w.:-]+$/.test(values.host)) throw new UsageError(`--host: invalid host "${values.host}"`);
    options.host = values.host;
  }
  if (values.seed !== undefined) {
    if (!isSandboxSeedName(values.seed)) {
      throw new UsageError(`--seed must be one of ${sandboxSeedNames.join(', ')} (got "${values.seed}")`);
    }
    options.seed = values.seed as SandboxSeedName;
  }
  if (values.data !== undefined) {
    if (!values.data.trim()) throw new UsageError('--data needs a file name');
    options.dataFile = resolve(values.data);
  }
  if (values['refresh-ms'] !== undefined) {
    options.refreshDurationMs = integer('--refresh-ms', values['refresh-ms'], 0, 24 * 3600 * 1000);
  }
  if (values['signature-base'] !== undefined) {
    const base = values['signature-base'].replace(/\/+$/, '');
    let url: URL;
    try {
      url = new URL(base);
    } catch {
      throw new UsageError(`--signature-base must be an absolute URL (got "${values['signature-base']}")`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new UsageError('--signature-base must be http(s)');
    options.signatureBase = base;
  }
  const keyOptions = ['app-key', 'app-secret', 'consumer-key'] as const;
  if (values['no-auth']) {
    const given = keyOptions.filter((name) => values[name] !== undefined);
    if (given.length) throw new UsageError(`--no-auth cannot be combined with --${given.join(', --')}`);
    options.auth = false;
  } else {
    for (const name of keyOptions) {
      const value = values[name];
      if (value !== undefined && !/^[\w-]{1,128}$/.test(value)) {
        throw new UsageError(`--${name} must be 1 to 128 letters, digits, "_" or "-"`);
      }
    }
    options.auth = {
      applicationKey: values['app-key'] ?? demoCredentials.applicationKey,
      applicationSecret: values['app-secret'] ?? demoCredentials.applicationSecret,
      consumerKey: values['consumer-key'] ?? demoCredentials.consumerKey,
    };
  }
  return options;
}

function integer(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} must be a whole number (got "${text}")`);
  const value = Number(text);
  if (value < min || value > max) throw new UsageError(`${name} must be between ${min} and ${max}`);
  return value;
}

/** Lines printed at start; the first one is parsed by tests and tools. */
export function startBanner(server: SandboxServer, options: StartOptions): string[] {
  const lines = [`Sandbox API listening on ${server.url}`];
  const seed = server.sandbox.state.seed;
  const state = options.dataFile
    ? `${server.stateLoaded ? 'loaded from' : 'new, saved to'} ${options.dataFile} (saved after each change)`
    : 'in memory (--data FILE keeps it)';
  lines.push(`  seed: ${seed}; state: ${state}`);
  if (server.credentials) {
    lines.push(
      `  signatures checked against: ${options.signatureBase ?? `${server.url} (or the URL the request was sent to)`}`,
      `  application key:    ${server.credentials.applicationKey}`,
      `  application secret: ${server.credentials.applicationSecret}`,
      `  consumer key:       ${server.credentials.consumerKey}`,
    );
  } else {
    lines.push('  signatures: not checked (--no-auth)');
  }
  lines.push(
    `  reset: curl -X POST ${server.url}/__sandbox/reset -d '{"seed":"${seed}"}'`,
    'Press Ctrl+C to stop.',
  );
  return lines;
}

async function main(argv: string[]): Promise<void> {
  let options: StartOptions | 'help';
  try {
    options = parseServeArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`sandbox-serve: ${error.message}\n\n${usage}`);
      process.exit(2);
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(usage);
    return;
  }
  const server = await startSandboxServer(options);
  process.stdout.write(`${startBanner(server, options).join('\n')}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nReceived ${signal}, stopping the sandbox server.\n`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sandbox-serve: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`sandbox-serve: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
