// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { defaultSchemaPath, generate, outputPath, readSchema, typeName } from './generate-api';

const schemaPresent = existsSync(defaultSchemaPath);

describe('generated API types', () => {
  it.skipIf(!schemaPresent)('src/api/generated.ts is up to date with the API description', () => {
    const fresh = generate(readSchema());
    const committed = readFileSync(outputPath, 'utf8');
    // Run `npm run generate:api` when this fails.
    expect(committed === fresh).toBe(true);
  });

  it.runIf(!schemaPresent)('skipped the staleness check: the API description (../shared/ovh-api) is absent', () => {
    console.info(`skipped: ${defaultSchemaPath} not found`);
  });

  it('names models without their namespace noise', () => {
    expect(typeName('ipLoadbalancing.backendHttp.BackendHttp')).toBe('BackendHttp');
    expect(typeName('ipLoadbalancing.backendHttpCustomerServer.BackendHTTPServer')).toBe('BackendHTTPServer');
    expect(typeName('ipLoadbalancing.Task.Task')).toBe('Task');
    expect(typeName('ipLoadbalancing.status.Enum')).toBe('StatusEnum');
    expect(typeName('ipLoadbalancing.RouteRule')).toBe('RouteRuleSummary');
    expect(typeName('services.Service')).toBe('ServicesService');
  });
});
