// `npm run sdk:types`: types the SDK's REST client from the gateway's OpenAPI document. The
// document comes from gateway/openapi-document.ts, run as its own process (scripts do not import
// the gateway's code); openapi-typescript turns it into sdk/src/rest/openapi.ts.
// test/sdk/openapi-types.test.ts fails when the committed file differs from what this produces.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OPENAPI_TYPES_FILE = path.join(root, 'sdk/src/rest/openapi.ts');

const HEADER = `// Generated from the gateway's OpenAPI document (gateway/openapi-document.ts, the one served at
// /docs/json) by openapi-typescript. Do not edit: change the route schemas and regenerate with
// \`npm run sdk:types\`.

`;

/** The gateway's document, printed by its own process. */
async function openApiDocument(): Promise<OpenAPI3> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'gateway/openapi-document.ts')], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  return JSON.parse(stdout) as OpenAPI3;
}

/** The text of sdk/src/rest/openapi.ts as the current route schemas produce it. */
export async function generateOpenApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument(), { silent: true, alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(OPENAPI_TYPES_FILE, await generateOpenApiTypes());
  console.log(`wrote ${path.relative(root, OPENAPI_TYPES_FILE)}`);
}
