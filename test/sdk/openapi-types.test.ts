// The SDK's REST types come from the gateway's OpenAPI document: the committed
// sdk/src/rest/openapi.ts must be what `npm run sdk:types` produces from the current route
// schemas, and the document printer (run without any service) must print what the running app
// serves at /docs/json.
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../../gateway/openapi-document.ts';
import { generateOpenApiTypes, OPENAPI_TYPES_FILE } from '../../scripts/openapi-types.ts';
import { buildGateway } from '../gateway/helpers.ts';

let app: FastifyInstance | undefined;

afterAll(async () => {
  await app?.close();
});

describe('the SDK REST types', () => {
  it('are up to date with the route schemas (run `npm run sdk:types` after changing a route)', async () => {
    const committed = await readFile(OPENAPI_TYPES_FILE, 'utf8');
    const generated = await generateOpenApiTypes();
    expect(committed === generated, 'sdk/src/rest/openapi.ts is stale: run `npm run sdk:types`').toBe(true);
    expect(generated).toContain('"/conversations/{id}/messages"');
  });

  it('are generated from the document the gateway serves', async () => {
    const built = await buildGateway();
    app = built.app;
    const served = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(served.statusCode).toBe(200);
    expect(await openApiDocument(built.config)).toEqual(served.json());
  });
});
