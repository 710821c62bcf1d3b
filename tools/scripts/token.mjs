// `npm run -s token -- --tenant acme --sub u-123 --roles program-admin,participant [--ttl 3600]`
// prints a bearer token from the development issuer, which services started by `npm start` accept.
import { parseArgs } from 'node:util';
import { signDevToken } from './dev-issuer.mjs';

const roles = ['platform-admin', 'program-admin', 'analyst', 'participant'];
const usage = `usage: npm run -s token -- --tenant <tenant> --sub <user id> --roles <role>[,<role>...] [--ttl <seconds>]
roles: ${roles.join(', ')}`;

function fail(message) {
  process.stderr.write(`npm run token: ${message}\n${usage}\n`);
  process.exit(1);
}

function options() {
  try {
    return parseArgs({
      options: {
        tenant: { type: 'string' },
        sub: { type: 'string' },
        roles: { type: 'string' },
        ttl: { type: 'string', default: '3600' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return fail(error.message);
  }
}

const values = options();
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
for (const name of ['tenant', 'sub', 'roles']) if (!values[name]) fail(`--${name} is required`);
const requested = values.roles
  .split(',')
  .map((role) => role.trim())
  .filter(Boolean);
const unknown = requested.filter((role) => !roles.includes(role));
if (requested.length === 0 || unknown.length > 0)
  fail(`unknown role ${unknown.join(', ') || '(none given)'}`);
const ttl = Number(values.ttl);
// Services refuse tokens living longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS (default 24 h).
if (!Number.isInteger(ttl) || ttl < 1 || ttl > 24 * 3600)
  fail('--ttl must be a whole number of seconds (1 to 86400, the services\' default maximum lifetime)');

const token = await signDevToken({ tenant: values.tenant, sub: values.sub, roles: requested, ttlSeconds: ttl });
process.stdout.write(`${token}\n`);
