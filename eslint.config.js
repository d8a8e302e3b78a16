// ESLint flat config for Antaeus.
//
// Besides typescript-eslint's recommended rules (syntactic only, no type information: lint stays fast),
// this file defines one local rule, `antaeus/layers`, which enforces the dependency rules of
// docs/adr/0002-layering-and-dependency-rules.md. Every import specifier (static import, re-export,
// dynamic import) is classified by the layer of the importing file and of the imported file, and
// refused with a message naming the rule it breaks. test/unit/architecture.test.ts proves each rule fires.
import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Node built-ins a pure rule may use: no IO in any of them. */
const PURE_BUILTINS = new Set(['assert', 'buffer', 'crypto', 'path', 'querystring', 'string_decoder', 'url', 'util']);
/** Database drivers and query builders: only repositories, src/platform/db, test and bench. */
const DB_PACKAGES = ['kysely', 'pg', '@electric-sql/pglite'];
/** Packages that do IO (network, terminal, files): never in rules/. */
const IO_PACKAGES = [
  ...DB_PACKAGES,
  'hono',
  '@hono/zod-openapi',
  '@hono/node-server',
  'commander',
  'cli-progress',
  'pdfkit',
  'csv-stringify',
];

/** The bare package name of a specifier: `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`. */
function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(spec) {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(packageName(spec));
}

function builtinName(spec) {
  return packageName(spec.replace(/^node:/, ''));
}

/** Where a repository-relative path sits in the architecture. */
function classify(rel) {
  const p = rel.split(path.sep).join('/');
  const mod = /^src\/modules\/([^/]+)\/(.*)$/.exec(p);
  if (mod) {
    const [, module, rest] = mod;
    let role = 'other';
    if (rest.startsWith('rules/')) role = 'rules';
    else if (/\.repository\.tsx?$/.test(rest)) role = 'repository';
    else if (/\.routes\.tsx?$/.test(rest)) role = 'routes';
    else if (/\.service\.tsx?$/.test(rest)) role = 'service';
    else if (/\.policy\.tsx?$/.test(rest)) role = 'policy';
    return { layer: 'module', module, role, path: p };
  }
  // Build tooling next to the web app (vite.config.ts) runs in Node, not in the browser.
  if (/^src\/web\/[^/]+\.config\.[cm]?[jt]s$/.test(p)) return { layer: 'webconfig', path: p };
  for (const layer of ['contracts', 'web', 'app', 'cli']) {
    if (p.startsWith(`src/${layer}/`)) return { layer, path: p };
  }
  if (p.startsWith('src/platform/db/')) return { layer: 'platform', db: true, path: p };
  if (p.startsWith('src/platform/')) return { layer: 'platform', db: false, path: p };
  if (p.startsWith('test/')) return { layer: 'test', path: p };
  if (p.startsWith('bench/')) return { layer: 'bench', path: p };
  if (p.startsWith('bin/')) return { layer: 'bin', path: p };
  if (p.startsWith('src/')) return { layer: 'src', path: p };
  return { layer: 'outside', path: p };
}

/**
 * The reason an import is refused, or null when it is allowed.
 * @param from classification of the importing file
 * @param spec the import specifier as written
 * @param target classification of the imported file (relative imports only), else null
 * @param typeOnly whether the import is erased at compile time (`import type`)
 */
function violation(from, spec, target, typeOnly) {
  const pkg = target ? null : packageName(spec);
  const builtin = !target && isBuiltin(spec);
  const isDbPackage = pkg !== null && DB_PACKAGES.includes(pkg);
  const mayUseDb =
    (from.layer === 'module' && from.role === 'repository') ||
    (from.layer === 'platform' && from.db) ||
    from.layer === 'test' ||
    from.layer === 'bench';

  // Only repositories (and the db platform, tests, benchmarks) touch the database driver.
  if (isDbPackage && !mayUseDb) {
    return `'${pkg}' may be imported only by *.repository.ts files, src/platform/db/, test/ and bench/ (all SQL lives in repositories).`;
  }

  if (from.layer === 'contracts') {
    if (target && target.layer !== 'contracts') return 'src/contracts/ may import only zod and other contracts.';
    if (!target && pkg !== 'zod') return `src/contracts/ may import only zod and other contracts, not '${spec}'.`;
    return null;
  }

  if (from.layer === 'web') {
    if (target) {
      if (target.layer === 'web' || target.layer === 'contracts') return null;
      if (typeOnly && target.layer === 'app') return null; // the server's API type for a typed client, erased at build
      return `src/web/ may import only src/web/ and src/contracts/ (and type-only imports from src/app/), not ${target.path}.`;
    }
    if (builtin) return `src/web/ runs in the browser: it may not import the Node built-in '${spec}'.`;
    return null;
  }

  if (from.layer === 'module' && from.role === 'rules') {
    if (target) {
      const ok = target.layer === 'contracts' || (target.layer === 'module' && target.role === 'rules');
      return ok
        ? null
        : `rules/ is pure: it may import only src/contracts/ and other rules/ files, not ${target.path}.`;
    }
    if (builtin && !PURE_BUILTINS.has(builtinName(spec))) {
      return `rules/ is pure (no IO): it may not import the Node built-in '${spec}'.`;
    }
    if (pkg !== null && IO_PACKAGES.includes(pkg)) return `rules/ is pure (no IO): it may not import '${pkg}'.`;
    return null;
  }

  if (!target) return null;

  // Modules sit below the composition root: they never import it, not even its types (ADR 0002).
  if (from.layer === 'module' && target.layer === 'app') {
    return `modules may not import src/app/ (the composition root): ${from.path} may not import ${target.path}; take the services it uses as parameters typed by their own classes.`;
  }

  if (from.layer === 'module' && from.role === 'routes') {
    if (target.layer === 'module' && target.role === 'repository') {
      return `routes never touch the database: ${from.path} may not import the repository ${target.path}; call the service.`;
    }
    if (target.layer === 'platform' && target.db) {
      return `routes never touch the database: ${from.path} may not import ${target.path}; call the service.`;
    }
  }

  // A file that runs queries through a repository holds use cases: it is named *.service.ts, so the rules for
  // services apply to it. Other files of a module (errors, mappers, renderers, middleware, policies) may import a
  // repository's row types only.
  if (
    from.layer === 'module' &&
    !['service', 'repository'].includes(from.role) &&
    target.layer === 'module' &&
    target.role === 'repository' &&
    target.module === from.module &&
    !typeOnly
  ) {
    return `use cases live in *.service.ts files: ${from.path} calls the repository ${target.path}, so name it *.service.ts (or import only its types).`;
  }

  if (from.layer === 'module' && target.layer === 'module' && target.module !== from.module) {
    if (target.role !== 'service' && target.role !== 'rules') {
      return `module '${from.module}' may reach module '${target.module}' only through its *.service.ts (or its pure rules/), not ${target.path}.`;
    }
  }

  if ((from.layer === 'app' || from.layer === 'cli') && target.layer === 'module' && target.role === 'repository') {
    return `${from.layer === 'app' ? 'src/app/' : 'src/cli/'} reaches modules through their services, not the repository ${target.path}.`;
  }

  if (from.layer === 'platform' && ['module', 'app', 'cli', 'web'].includes(target.layer)) {
    return `src/platform/ is below the modules: it may not import ${target.path}.`;
  }

  if (target.layer === 'web' && !['web', 'webconfig', 'test', 'bench'].includes(from.layer)) {
    return `server code may not import the web app (${target.path}).`;
  }

  return null;
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the dependency rules between layers (docs/adr/0002).' },
    schema: [],
    messages: { layer: '{{reason}}' },
  },
  create(context) {
    const filename = context.filename;
    if (!path.isAbsolute(filename)) return {};
    const from = classify(path.relative(ROOT, filename));
    if (from.layer === 'outside') return {};

    function check(node, source, typeOnly) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const spec = source.value;
      let target = null;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        let abs = path.resolve(path.dirname(filename), spec).replace(/\.(js|jsx|mjs)$/, '.ts');
        if (!/\.(ts|tsx|json|css|svg|png)$/.test(abs)) abs += '.ts';
        target = classify(path.relative(ROOT, abs));
      }
      const reason = violation(from, spec, target, typeOnly);
      if (reason) context.report({ node: source, messageId: 'layer', data: { reason } });
    }

    const allTypeSpecifiers = (node) =>
      node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');

    return {
      ImportDeclaration(node) {
        check(node, node.source, node.importKind === 'type' || allTypeSpecifiers(node));
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source, node.exportKind === 'type' || allTypeSpecifiers(node));
      },
      ExportAllDeclaration(node) {
        check(node, node.source, node.exportKind === 'type');
      },
      ImportExpression(node) {
        check(node, node.source, false);
      },
      TSImportType(node) {
        // `typeof import('x')` in type positions: erased, but still a dependency.
        const arg = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument;
        check(node, arg, true);
      },
    };
  },
};

// React hooks rules for the web app: the plugin's recommended set for React 19 (the rules of hooks and the
// React Compiler's checks), with missing effect dependencies an error too. test/unit/architecture.test.ts
// proves the rules run.
const webConfig = [
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
];

const antaeus = { meta: { name: 'antaeus' }, rules: { layers: layersRule } };

const NODE_GLOBALS = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  URLSearchParams: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  setImmediate: 'readonly',
  structuredClone: 'readonly',
  fetch: 'readonly',
  AbortController: 'readonly',
  TextEncoder: 'readonly',
  TextDecoder: 'readonly',
};

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      '.antaeus/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { antaeus },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'antaeus/layers': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  ...webConfig,
  {
    // Tests and benchmarks may use non-null assertions and empty stubs freely.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
);

export { classify, violation };
