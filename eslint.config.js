// Lint rules that keep the rooms of DESIGN.md apart: imports point down, only main reads config,
// and only src/net talks to the network.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const rooms = ['main', 'config', 'web', 'cli', 'jobs', 'ingest', 'newsroom', 'mail', 'net', 'extract', 'feeds', 'store', 'model', 'testing'];

/** Which rooms each room may import from (besides itself). */
const allowed = {
  main: ['config', 'web', 'cli', 'jobs', 'ingest', 'newsroom', 'mail', 'net', 'extract', 'feeds', 'store', 'model'],
  web: ['jobs', 'ingest', 'newsroom', 'mail', 'net', 'extract', 'feeds', 'store', 'model'],
  cli: ['web', 'jobs', 'ingest', 'newsroom', 'mail', 'net', 'extract', 'feeds', 'store', 'model'],
  jobs: ['ingest', 'newsroom', 'mail', 'net', 'extract', 'feeds', 'store', 'model'],
  newsroom: ['ingest', 'mail', 'net', 'extract', 'feeds', 'store', 'model'],
  mail: ['net', 'extract', 'feeds', 'store', 'model'],
  ingest: ['net', 'extract', 'feeds', 'store', 'model'],
  net: ['model'],
  extract: ['model'],
  feeds: ['model'],
  store: ['model'],
  model: [],
  config: ['model', 'net'],
  testing: ['web', 'cli', 'jobs', 'ingest', 'newsroom', 'mail', 'net', 'extract', 'feeds', 'store', 'model', 'config'],
};

function roomRules(room) {
  const banned = rooms.filter((r) => r !== room && !allowed[room].includes(r));
  const patterns = banned.map((r) => ({
    group: r === 'main' ? ['**/main.ts', '**/main'] : [`**/${r}/**`],
    message: `src/${room} may not import src/${r} (see docs/ARCHITECTURE.md: imports point down).`,
    ...(r === 'config' ? { allowTypeImports: true } : {}),
  }));
  return {
    files: room === 'main' ? ['src/main.ts'] : [`src/${room}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'test-output/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', performance: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'All outbound HTTP goes through src/net/safe-fetch.' }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='globalThis'][property.name='fetch']", message: 'All outbound HTTP goes through src/net/safe-fetch.' }],
    },
  },
  {
    // Tests and test support talk to our own servers on 127.0.0.1; the fetch ban protects production code.
    files: ['**/*.test.ts', 'src/testing/**', 'bench/**'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-syntax': 'off' },
  },
  ...rooms.filter((r) => r !== 'testing').map(roomRules),
  {
    files: ['src/**/*.ts'],
    ignores: ['src/net/**', 'src/testing/**', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [
        { name: 'undici', message: 'All outbound HTTP goes through src/net/safe-fetch.' },
        { name: 'node:http', message: 'All outbound HTTP goes through src/net/safe-fetch; servers live in src/web.', allowTypeImports: true },
        { name: 'node:https', message: 'All outbound HTTP goes through src/net/safe-fetch.' },
      ] }],
    },
  },
);
