// The GraphQL-over-HTTP audit of graphql-http against a running server: node audit.mjs <graphql url>.
// Every request carries GraphQL-Preflight, the header this server asks of GET requests so that a
// cross-site page cannot make a browser send them (see docs/clients.md); the audit's requests are
// otherwise unchanged. Prints each failed audit and the score per level; exits 1 if a MUST fails.
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? 'http://localhost:18080/graphql';
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('GraphQL-Preflight', '1');
  return fetch(input, { ...init, headers });
};

const results = await auditServer({ url, fetchFn });
const levels = {};
for (const result of results) {
  const level = result.name.split(' ')[0];
  levels[level] ??= { ok: 0, all: 0 };
  levels[level].all++;
  if (result.status === 'ok') {
    levels[level].ok++;
  } else {
    console.log(`${result.status}: ${result.name}: ${result.reason}`);
  }
}
for (const [level, { ok, all }] of Object.entries(levels)) {
  console.log(`${level} ${ok}/${all}`);
}
process.exit(levels.MUST && levels.MUST.ok < levels.MUST.all ? 1 : 0);
