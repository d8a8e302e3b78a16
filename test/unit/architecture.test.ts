// The dependency rules of docs/adr/0002 are enforced by the `antaeus/layers` lint rule in eslint.config.js.
// These cases lint small synthetic files (they need not exist) so the rule cannot silently rot:
// every refused import must be reported, every allowed one must pass.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.lintText('', { filePath: path.join(ROOT, 'src/warm-up.ts') }); // loads the config once
}, 30_000);

/** The `antaeus/layers` messages ESLint reports for `code` placed at `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  if (!result) throw new Error('no lint result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`unparsable snippet: ${fatal[0]?.message}`);
  return result.messages.filter((m) => m.ruleId === 'antaeus/layers').map((m) => m.message);
}

type Case = [file: string, code: string];

const refused: Case[] = [
  // routes never touch the database
  ['src/modules/alpha/alpha.routes.ts', "import { findX } from './alpha.repository.js';\nfindX();"],
  ['src/modules/alpha/alpha.routes.ts', "import { sql } from 'kysely';\nsql``;"],
  [
    'src/modules/alpha/alpha.routes.ts',
    "import type { Database } from '../../platform/db/client.js';\nlet d: Database;",
  ],
  // only repositories (and src/platform/db, test, bench) import the database driver
  ['src/modules/alpha/alpha.service.ts', "import { sql } from 'kysely';\nsql``;"],
  ['src/modules/alpha/alpha.service.ts', "import type { Kysely } from 'kysely';\nlet k: Kysely<never>;"],
  ['src/modules/alpha/alpha.policy.ts', "import pg from 'pg';\npg.Pool;"],
  ['src/cli/commands/migrate.ts', "import { PGlite } from '@electric-sql/pglite';\nnew PGlite();"],
  ['src/platform/http/app.ts', "import { ltree } from '@electric-sql/pglite/contrib/ltree';\nltree;"],
  ['src/app/compose.ts', "import { Kysely } from 'kysely';\nKysely;"],
  ['src/web/app/App.tsx', "import pg from 'pg';\npg;"],
  // rules/ is pure
  ['src/modules/alpha/rules/quorum.ts', "import { readFileSync } from 'node:fs';\nreadFileSync('x');"],
  ['src/modules/alpha/rules/quorum.ts', "import fs from 'fs';\nfs;"],
  ['src/modules/alpha/rules/quorum.ts', "import { request } from 'node:http';\nrequest;"],
  ['src/modules/alpha/rules/quorum.ts', "import { spawn } from 'node:child_process';\nspawn;"],
  ['src/modules/alpha/rules/quorum.ts', "import { connect } from 'node:net';\nconnect;"],
  ['src/modules/alpha/rules/quorum.ts', "import { Hono } from 'hono';\nnew Hono();"],
  ['src/modules/alpha/rules/quorum.ts', "import { sql } from 'kysely';\nsql;"],
  ['src/modules/alpha/rules/quorum.ts', "import { AlphaService } from '../alpha.service.js';\nAlphaService;"],
  ['src/modules/alpha/rules/quorum.ts', "import { q } from '../alpha.repository.js';\nq;"],
  ['src/modules/alpha/rules/quorum.ts', "import { config } from '../../../platform/config/config.js';\nconfig;"],
  // a module reaches another only through its service (or its pure rules)
  ['src/modules/alpha/alpha.service.ts', "import { q } from '../beta/beta.repository.js';\nq;"],
  ['src/modules/alpha/alpha.service.ts', "import { betaRoutes } from '../beta/beta.routes.js';\nbetaRoutes;"],
  ['src/modules/alpha/alpha.service.ts', "import { canX } from '../beta/beta.policy.js';\ncanX;"],
  ['src/modules/alpha/alpha.service.ts', "import { BetaErrors } from '../beta/beta.errors.js';\nBetaErrors;"],
  ['src/modules/alpha/alpha.service.ts', "export { q } from '../beta/beta.repository.js';"],
  ['src/modules/alpha/alpha.service.ts', "export async function f() { return import('../beta/beta.repository.js'); }"],
  ['src/app/compose.ts', "import { q } from '../modules/beta/beta.repository.js';\nq;"],
  ['src/cli/main.ts', "import { q } from '../modules/beta/beta.repository.js';\nq;"],
  // modules sit below the composition root: no import from src/app/, not even a type (routes take their services)
  ['src/modules/alpha/alpha.routes.ts', "import type { Services } from '../../app/compose.js';\nlet s: Services;"],
  ['src/modules/alpha/alpha.service.ts', "import { createServices } from '../../app/compose.js';\ncreateServices;"],
  ['src/modules/alpha/alpha.routes.ts', "export type { Services } from '../../app/compose.js';"],
  ['src/modules/alpha/alpha.routes.ts', "let s: typeof import('../../app/compose.js');"],
  ['src/modules/alpha/rules/quorum.ts', "import type { Services } from '../../../app/compose.js';\nlet s: Services;"],
  // a file that calls its repository holds use cases, so it must be named *.service.ts
  ['src/modules/alpha/alpha.queries.ts', "import * as repo from './alpha.repository.js';\nrepo;"],
  ['src/modules/alpha/alpha-intake.ts', "import { insertBatch } from './alpha.repository.js';\ninsertBatch;"],
  ['src/modules/alpha/alpha.policy.ts', "import { q } from './alpha.repository.js';\nq;"],
  ['src/modules/alpha/alpha.mappers.ts', "export { q } from './alpha.repository.js';"],
  // the web app imports only src/web and src/contracts (and npm packages), never server code
  [
    'src/web/modules/tree/TreePage.tsx',
    "import { OrganisationService } from '../../../modules/organisation/organisation.service.js';\nOrganisationService;",
  ],
  ['src/web/app/App.tsx', "import { statusOf } from '../../platform/http/error-map.js';\nstatusOf;"],
  ['src/web/app/App.tsx', "import type { ErrorKind } from '../../platform/errors.js';\nlet k: ErrorKind;"],
  ['src/web/app/App.tsx', "import { buildApp } from '../../app/compose.js';\nbuildApp;"],
  ['src/web/app/App.tsx', "import { readFileSync } from 'node:fs';\nreadFileSync;"],
  ['src/web/app/App.tsx', "import path from 'path';\npath;"],
  // contracts import only zod and other contracts
  ['src/contracts/body.ts', "import { z } from '@hono/zod-openapi';\nz;"],
  ['src/contracts/body.ts', "import { AppError } from '../platform/errors.js';\nAppError;"],
  ['src/contracts/body.ts', "import { pathLabel } from '../modules/organisation/rules/path.js';\npathLabel;"],
  ['src/contracts/body.ts', "import { randomUUID } from 'node:crypto';\nrandomUUID;"],
  // the platform sits below the modules
  ['src/platform/http/app.ts', "import { AuthService } from '../../modules/auth/auth.service.js';\nAuthService;"],
  // server code never imports the web app
  ['src/modules/alpha/alpha.service.ts', "import { App } from '../../web/app/App.js';\nApp;"],
];

const allowed: Case[] = [
  ['src/modules/alpha/alpha.repository.ts', "import { sql, type Kysely } from 'kysely';\nsql; let k: Kysely<never>;"],
  ['src/modules/alpha/alpha.service.ts', "import { q } from './alpha.repository.js';\nq;"],
  [
    'src/modules/alpha/alpha.service.ts',
    "import type { Executor } from '../../platform/db/executor.js';\nlet e: Executor;",
  ],
  ['src/modules/alpha/alpha.service.ts', "import { BetaService } from '../beta/beta.service.js';\nBetaService;"],
  ['src/modules/alpha/alpha.service.ts', "import { pathLabel } from '../beta/rules/path.js';\npathLabel;"],
  ['src/modules/alpha/alpha.queries.service.ts', "import * as repo from './alpha.repository.js';\nrepo;"],
  ['src/modules/alpha/alpha-intake.service.ts', "import { insertBatch } from './alpha.repository.js';\ninsertBatch;"],
  ['src/modules/alpha/alpha.mappers.ts', "import type { AlphaRow } from './alpha.repository.js';\nlet r: AlphaRow;"],
  // routes are given the services they use, typed by the services' own classes (their module's or another's)
  [
    'src/modules/alpha/alpha.routes.ts',
    "import type { AlphaService } from './alpha.service.js';\nimport type { BetaService } from '../beta/beta.service.js';\nlet d: { alpha: AlphaService; beta: BetaService };",
  ],
  ['src/modules/alpha/alpha.routes.ts', "import { createRoute } from '@hono/zod-openapi';\ncreateRoute;"],
  ['src/modules/alpha/alpha.routes.ts', "import { AlphaService } from './alpha.service.js';\nAlphaService;"],
  ['src/modules/alpha/alpha.routes.ts', "import { Body } from '../../contracts/body.js';\nBody;"],
  ['src/modules/alpha/rules/quorum.ts', "import { Statute } from '../../../contracts/statute.js';\nStatute;"],
  ['src/modules/alpha/rules/quorum.ts', "import { pathLabel } from '../../beta/rules/path.js';\npathLabel;"],
  ['src/modules/alpha/rules/quorum.ts', "import { createHash } from 'node:crypto';\ncreateHash;"],
  ['src/modules/alpha/rules/quorum.ts', "import { z } from 'zod';\nz;"],
  ['src/platform/db/client.ts', "import pg from 'pg';\nimport { PGlite } from '@electric-sql/pglite';\npg; PGlite;"],
  ['src/platform/db/migrate.ts', "import { readFile } from 'node:fs/promises';\nreadFile;"],
  ['src/app/compose.ts', "import { alphaRoutes } from '../modules/alpha/alpha.routes.js';\nalphaRoutes;"],
  ['src/cli/main.ts', "import { migrate } from '../platform/db/migrate.js';\nmigrate;"],
  [
    'src/web/app/App.tsx',
    "import { Body } from '../../contracts/body.js';\nimport { useState } from 'react';\nBody; useState;",
  ],
  ['src/web/app/App.tsx', "import type { Api } from '../../app/compose.js';\nlet a: Api;"],
  ['src/web/vite.config.ts', "import path from 'node:path';\npath;"],
  ['src/contracts/body.ts', "import { z } from 'zod';\nimport { Id } from './common.js';\nz; Id;"],
  [
    'test/integration/tree.test.ts',
    "import { sql } from 'kysely';\nimport { q } from '../../src/modules/beta/beta.repository.js';\nsql; q;",
  ],
  ['bench/tree.ts', "import pg from 'pg';\nimport { PGlite } from '@electric-sql/pglite';\npg; PGlite;"],
  // a load generator plays the web client (e.g. blind tokens for question notes)
  ['bench/hall.ts', "import { prepareTokens } from '../src/web/modules/assembly/note-tokens.js';\nprepareTokens;"],
];

describe('dependency rules (antaeus/layers)', () => {
  it.each(refused)('refuses %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each(allowed)('allows %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('classes the use-case files by their *.service.ts names', async () => {
    // as services they may call their repository, and another module may reach them
    for (const [file, repository] of [
      ['src/modules/admission/admission.applications.service.ts', './admission.repository.js'],
      ['src/modules/organisation/organisation.queries.service.ts', './organisation.repository.js'],
      ['src/modules/organisation/organisation.offices.service.ts', './office.repository.js'],
      ['src/modules/ballot/ballot-intake.service.ts', './secret.repository.js'],
    ] as const) {
      expect(await layerErrors(file, `import * as repo from '${repository}';\nrepo;`)).toEqual([]);
      const fromElsewhere = `import * as m from '../${file.split('/').slice(2).join('/').replace(/\.ts$/, '.js')}';\nm;`;
      expect(await layerErrors('src/modules/alpha/alpha.service.ts', fromElsewhere)).toEqual([]);
    }
  });

  it('names the composition root when a module imports it', async () => {
    const [message] = await layerErrors(
      'src/modules/alpha/alpha.routes.ts',
      "import type { Services } from '../../app/compose.js';\nlet s: Services;",
    );
    expect(message).toMatch(/modules may not import src\/app\//);
  });

  it('explains which rule is broken', async () => {
    const [message] = await layerErrors(
      'src/modules/alpha/alpha.routes.ts',
      "import { q } from './alpha.repository.js';\nq;",
    );
    expect(message).toMatch(/routes never touch the database/);
  });
});

/** The react-hooks messages (rule id and severity) ESLint reports for `code` placed at `file`. */
async function hookErrors(file: string, code: string): Promise<{ rule: string | null; severity: number }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  if (!result) throw new Error('no lint result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`unparsable snippet: ${fatal[0]?.message}`);
  return result.messages
    .filter((m) => m.ruleId?.startsWith('react-hooks/'))
    .map((m) => ({ rule: m.ruleId, severity: m.severity }));
}

// eslint-plugin-react-hooks is a devDependency and loaded unconditionally: these cases fail if the rules stop running.
describe('React hooks rules (react-hooks)', () => {
  it('refuses a hook called conditionally in the web app', async () => {
    const code = [
      "import { useState } from 'react';",
      'export function Box({ open }: { open: boolean }) {',
      '  if (open) {',
      '    const [n] = useState(0);',
      '    return n;',
      '  }',
      '  return null;',
      '}',
    ].join('\n');
    expect(await hookErrors('src/web/ui/Box.tsx', code)).toContainEqual({
      rule: 'react-hooks/rules-of-hooks',
      severity: 2,
    });
  }, 60_000);

  it('refuses an effect that leaves out a dependency', async () => {
    const code = [
      "import { useEffect } from 'react';",
      'export function Title({ title }: { title: string }) {',
      '  useEffect(() => {',
      '    document.title = title;',
      '  }, []);',
      '  return null;',
      '}',
    ].join('\n');
    expect(await hookErrors('src/web/ui/Title.tsx', code)).toContainEqual({
      rule: 'react-hooks/exhaustive-deps',
      severity: 2,
    });
  }, 60_000);

  it('passes a correct component', async () => {
    const code = [
      "import { useEffect } from 'react';",
      'export function Title({ title }: { title: string }) {',
      '  useEffect(() => {',
      '    document.title = title;',
      '  }, [title]);',
      '  return null;',
      '}',
    ].join('\n');
    expect(await hookErrors('src/web/ui/Title.tsx', code)).toEqual([]);
  }, 60_000);
});
