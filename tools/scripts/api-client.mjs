// `npm run api:client`: regenerates libs/api-client/src/generated/<service>.ts from each service's
// OpenAPI document. The services are compiled with the build's SWC options into node_modules/.cache
// (not dist/, which a running `npm start` may be using) and their Nest apps created in this process
// but never started: the document is built when the app is created, while Kafka and MongoDB are only
// reached by lifecycle hooks that run on start, so no infrastructure is needed. The document is read
// from the route the services serve it on, GET /api/<service>/docs/openapi.json.
import { createRequire } from 'node:module';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compileTrees } from './compile.mjs';
import { openApiToTypeScript } from './openapi-to-typescript.mjs';

const require = createRequire(import.meta.url);
const { workspaceRoot } = require('./swc-options.cjs');

const services = ['matching', 'goals', 'sessions', 'analytics'];
const outDir = path.join(workspaceRoot, 'node_modules/.cache/tandem-api-client');
const generatedDir = path.join(workspaceRoot, 'libs/api-client/src/generated');
// Valid configuration that is never used: nothing connects or verifies a token before the app starts.
const unusedEnv = {
  MONGODB_URI: 'mongodb://127.0.0.1:9/unused',
  KAFKA_BROKERS: '127.0.0.1:9',
  AUTH_ISSUER: 'tandem-api-client',
  AUTH_AUDIENCE: 'tandem',
  AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
};

async function documentOf(runtime, service) {
  const definition = require(path.join(outDir, `apps/${service}/src/${service}.module.js`))[
    `${service}Service`
  ];
  const config = runtime.loadServiceConfig(service, 0, unusedEnv);
  const app = await runtime.createServiceApp(definition, config, { logger: false });
  // Nest's HTTP server, listened on directly: app.listen() would start the app (and its connections).
  const server = app.getHttpServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(
      `http://127.0.0.1:${server.address().port}/api/${service}/docs/openapi.json`,
    );
    if (!response.ok) throw new Error(`${service}: the OpenAPI document answered ${response.status}`);
    return await response.json();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

async function main() {
  const started = Date.now();
  process.env.OTEL_SDK_DISABLED = 'true';
  await rm(outDir, { recursive: true, force: true });
  await compileTrees({
    roots: ['apps', 'libs'].map((dir) => path.join(workspaceRoot, dir)),
    baseDir: workspaceRoot,
    outDir,
  });
  const runtime = require(path.join(outDir, 'libs/runtime/src/index.js'));
  await mkdir(generatedDir, { recursive: true });
  for (const service of services) {
    const source = await openApiToTypeScript(service, await documentOf(runtime, service));
    const file = path.join(generatedDir, `${service}.ts`);
    const previous = await readFile(file, 'utf8').catch(() => undefined);
    await writeFile(file, source);
    console.log(
      `api:client: ${previous === source ? 'unchanged' : 'wrote    '} libs/api-client/src/generated/${service}.ts`,
    );
  }
  console.log(`api:client: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().then(
  // The created apps hold no connections, but their modules may keep timers; nothing is left to do.
  () => process.exit(0),
  (error) => {
    process.stderr.write(`api:client: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
