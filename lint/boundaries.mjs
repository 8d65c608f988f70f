// Samtrygg's architecture rules, checked by oxlint (an ESLint-compatible JS plugin), in the
// spirit of Actual Budget's boundary rule: the layers and features import each other only
// through the doors STYLE.md names. Paths are resolved from the importing file, so the rules
// judge what is imported, not how the specifier happens to be spelled.
import path from 'node:path';

const FEATURES = '/src/server/features/';

/** Absolute path an import points at, or null for a package import. */
function resolved(context, specifier) {
  if (typeof specifier !== 'string' || !specifier.startsWith('.')) return null;
  return path.resolve(path.dirname(context.filename), specifier).split(path.sep).join('/');
}

const normalised = (file) => file.split(path.sep).join('/');

/** `{ root, rest }` where root is what precedes `/src/`, for paths inside a tree's src/. */
function inTree(file, folder) {
  const at = file.indexOf(folder);
  return at === -1 ? null : { root: file.slice(0, at), rest: file.slice(at + folder.length) };
}

const featureOf = (file) => inTree(file, FEATURES)?.rest.split('/')[0] ?? null;

/** Calls `check(node, target, specifier)` for every import, re-export and dynamic import with a source. */
function eachImport(context, check) {
  const visit = (node) => {
    const source = node.source;
    if (!source || source.type !== 'Literal') return;
    check(source, resolved(context, source.value), source.value);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

/**
 * Cross-feature imports a feature may make besides another feature's service: its policy (the
 * visibility rules the read-only reports apply in SQL), and, until the lead's single platform
 * rule replaces them, the personal-data detector and its wrapper (issue 18 leaves those to it).
 */
const ALLOWED_FROM_OTHER_FEATURES = [
  /\.service\.ts$/,
  /\.policy\.ts$/,
  /\/reports\/personal-data\/personal-data\.ts$/,
  /\/actions\/personal-text\.ts$/,
];
const isTestSupport = (file) => /\.(test|fixtures)\.ts$/.test(file) || file.endsWith('.test-support.ts');

const featureBoundary = {
  meta: { type: 'problem', docs: { description: 'A feature reaches another feature only through its service.' } },
  create(context) {
    const file = normalised(context.filename);
    const own = featureOf(file);
    if (!own || isTestSupport(file)) return {};
    return eachImport(context, (node, target) => {
      const other = target && featureOf(target);
      if (!other || other === own) return;
      if (ALLOWED_FROM_OTHER_FEATURES.some((allowed) => allowed.test(target))) return;
      context.report({
        node,
        message: `The ${own} feature imports ${path.basename(target)} of the ${other} feature; call the ${other} service instead (features never reach each other's repositories, tables or rules).`,
      });
    });
  },
};

/** Layers that must not import server code: the web app, the shared contracts, the pure analytics. */
const SERVER_FREE = [
  { folder: '/src/web/', why: 'the web app talks to the server over HTTP only' },
  { folder: '/src/contracts/', why: 'contracts are shared with the web app' },
  { folder: '/src/analysis/', why: 'the analytics are pure and I/O-free' },
];

const noServerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'The web app, the contracts and the analytics import no server code.' },
  },
  create(context) {
    const file = normalised(context.filename);
    const layer = SERVER_FREE.find((l) => file.includes(l.folder));
    if (!layer) return {};
    return eachImport(context, (node, target) => {
      if (target && target.includes('/src/server/')) {
        context.report({
          node,
          message: `${layer.folder} imports ${path.basename(target)} from src/server: ${layer.why}.`,
        });
      }
    });
  },
};

/** Migrations are history: they import the query builder and nothing that can change with the code. */
const frozenMigrations = {
  meta: { type: 'problem', docs: { description: 'Migrations import nothing but kysely.' } },
  create(context) {
    const file = normalised(context.filename);
    if (!file.includes('/src/server/db/migrations/')) return {};
    return eachImport(context, (node, _target, specifier) => {
      if (specifier !== 'kysely') {
        context.report({
          node,
          message: `A migration imports ${specifier}: write the value out, so changing live code never changes history.`,
        });
      }
    });
  },
};

const SQL_BUILDERS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom']);

/** Services own policy, transaction and audit; repositories own SQL. */
const noSqlInServices = {
  meta: { type: 'problem', docs: { description: 'No query builder in a service file.' } },
  create(context) {
    if (!context.filename.endsWith('.service.ts')) return {};
    return {
      MemberExpression(node) {
        if (node.property.type === 'Identifier' && SQL_BUILDERS.has(node.property.name)) {
          context.report({ node, message: `${node.property.name} in a service: move the query into a repository.` });
        }
      },
    };
  },
};

export default {
  meta: { name: 'samtrygg' },
  rules: {
    'feature-boundary': featureBoundary,
    'no-server-imports': noServerImports,
    'frozen-migrations': frozenMigrations,
    'no-sql-in-services': noSqlInServices,
  },
};
