// Prints the gateway's OpenAPI document (the one served at /docs/json) on stdout, without
// MySQL, Redis, Kafka or Temporal: the routes (the same list as the app's, routes/index.ts) are
// registered on a bare instance whose services are never called, so only their schemas matter.
// `npm run sdk:types` runs it to type the SDK's REST client; test/sdk/openapi-types.test.ts
// checks it against the running app's document.
import Fastify, { type FastifyInstance } from 'fastify';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../config/index.ts';
import swagger from './plugins/swagger.ts';
import type { Services } from './plugins/services.ts';
import { registerRoutes } from './routes/index.ts';

/** The document of the routes app.ts registers, as /docs/json serves it. */
export async function openApiDocument(config: Config = loadConfig({})): Promise<unknown> {
  const app: FastifyInstance = Fastify({ logger: false });
  try {
    app.setValidatorCompiler(TypeBoxValidatorCompiler);
    // Route plugins read their service at registration; no handler runs here.
    app.decorate('services', {} as Services);
    await app.register(swagger);
    await registerRoutes(app, { maxContentBytes: config.chat.maxContentBytes });
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await openApiDocument(), null, 2)}\n`);
}
