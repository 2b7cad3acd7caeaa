/**
 * Finds in the source who produces and who consumes each event type, by reading the code (the TypeScript
 * parser, no compilation): the `@EventPattern` / `@EventBatchPattern` handlers of apps/<service>/src and of
 * the libs a service imports, and the calls that add an event to a service's outbox.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/** A place in the code: the service it runs in, the file (from the repository root) and `Class.method`. */
export interface CodeSite {
  service: string;
  file: string;
  symbol: string;
}

export interface HandlerSite extends CodeSite {
  type: string;
  /** `@EventBatchPattern`: the handler takes the payloads of consecutive events of its type as an array. */
  batch: boolean;
  /** Set when the handler lives in a lib (libs/<lib>) that the service imports. */
  lib?: string;
}

export interface OutboxSite extends CodeSite {
  type: string;
}

export interface EventCode {
  services: string[];
  handlers: HandlerSite[];
  outboxWrites: OutboxSite[];
}

const HANDLER_DECORATORS = new Set(['EventPattern', 'EventBatchPattern']);
// `this.outbox.add(manager, type, data)`, `this.outbox.stage(type, data)` (EventOutbox in libs/messaging),
// and the functions behind them.
const OUTBOX_METHODS = new Set(['add', 'stage']);
const OUTBOX_FUNCTIONS = new Set(['addToOutbox', 'stageEvent']);

/** Reads apps/* and libs/* under `root`. Files are read in name order, so the result does not depend on the file system. */
export function scanEventCode(root: string): EventCode {
  // The services are the NestJS apps; the web app sends and handles no events.
  const services = subfolders(join(root, 'apps')).filter((app) => existsSync(join(root, 'apps', app, 'src', 'app.module.ts')));
  const handlers: HandlerSite[] = [];
  const outboxWrites: OutboxSite[] = [];
  for (const service of services) {
    for (const file of sourceFiles(join(root, 'apps', service, 'src'))) {
      const source = parse(file);
      const at = relative(root, file).split('\\').join('/');
      for (const found of handlersIn(source)) handlers.push({ ...found, service, file: at });
      for (const found of outboxWritesIn(source)) outboxWrites.push({ ...found, service, file: at });
    }
  }
  // A lib's handlers run in each service that imports the lib's module listing them as controllers.
  const importsByService = new Map(services.map((service) => [service, pmoImportsOf(join(root, 'apps', service, 'src'))]));
  for (const lib of subfolders(join(root, 'libs'))) {
    const files = sourceFiles(join(root, 'libs', lib, 'src')).map((file) => ({ at: relative(root, file).split('\\').join('/'), source: parse(file) }));
    const modules = files.flatMap(({ source }) => nestModulesIn(source));
    for (const { at, source } of files) {
      for (const found of handlersIn(source)) {
        const className = found.symbol.split('.')[0];
        const moduleNames = modules.filter((m) => m.controllers.includes(className)).map((m) => m.name);
        for (const service of services) {
          const imported = importsByService.get(service)?.get(`@pmo/${lib}`);
          if (imported && moduleNames.some((name) => imported.has(name))) handlers.push({ ...found, service, file: at, lib });
        }
      }
    }
  }
  const order = (a: CodeSite & { type: string }, b: CodeSite & { type: string }) =>
    a.type.localeCompare(b.type) || a.service.localeCompare(b.service) || a.file.localeCompare(b.file) || a.symbol.localeCompare(b.symbol);
  return { services, handlers: handlers.sort(order), outboxWrites: dedupe(outboxWrites).sort(order) };
}

export interface EventDefinitionSource {
  /** The file of libs/contracts/src that defines the type. */
  file: string;
  /** The doc comment of its payload interface. */
  summary: string;
}

/**
 * Where each event type is defined and what its payload's doc comment says: the `defineEvent<Payload>()({ type })`
 * calls of libs/contracts/src.
 */
export function eventDefinitionSources(root: string): Map<string, EventDefinitionSource> {
  const found = new Map<string, EventDefinitionSource>();
  for (const file of sourceFiles(join(root, 'libs', 'contracts', 'src'))) {
    const source = parse(file);
    const docs = new Map<string, string>();
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement)) docs.set(statement.name.text, docCommentOf(statement, source));
    }
    walk(source, (node) => {
      // defineEvent<Payload>()({ type: '...', ... })
      if (!ts.isCallExpression(node) || !ts.isCallExpression(node.expression) || calleeName(node.expression) !== 'defineEvent') return;
      const payload = node.expression.typeArguments?.[0];
      const definition = node.arguments[0];
      if (!definition || !ts.isObjectLiteralExpression(definition)) return;
      const type = definition.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === 'type');
      if (!type || !ts.isStringLiteralLike(type.initializer)) return;
      const payloadName = payload && ts.isTypeReferenceNode(payload) ? payload.typeName.getText(source) : '';
      found.set(type.initializer.text, { file: relative(root, file).split('\\').join('/'), summary: docs.get(payloadName) ?? '' });
    });
  }
  return found;
}

function docCommentOf(node: ts.Node, source: ts.SourceFile): string {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const last = ranges.filter((range) => source.text.startsWith('/**', range.pos)).pop();
  if (!last) return '';
  return source.text
    .slice(last.pos + 3, last.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .filter(Boolean)
    .join(' ');
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    // Tests publish and handle events of their own; only what the services run counts.
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.integration-spec.ts') && !entry.name.endsWith('.d.ts'))
      files.push(path);
  }
  return files;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

function stringArgument(call: ts.CallExpression, index: number): string | undefined {
  const argument = call.arguments[index];
  return argument && ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function handlersIn(source: ts.SourceFile): Omit<HandlerSite, 'service' | 'file'>[] {
  const found: Omit<HandlerSite, 'service' | 'file'>[] = [];
  walk(source, (node) => {
    if (!ts.isMethodDeclaration(node) || !ts.canHaveDecorators(node)) return;
    for (const decorator of ts.getDecorators(node) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call)) continue;
      const name = calleeName(call);
      const type = stringArgument(call, 0);
      if (!name || !HANDLER_DECORATORS.has(name) || type === undefined) continue;
      const extras = call.arguments[1];
      const batchOption =
        extras !== undefined &&
        ts.isObjectLiteralExpression(extras) &&
        extras.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'batch' && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
      found.push({ type, batch: name === 'EventBatchPattern' || batchOption, symbol: symbolOf(node, source) });
    }
  });
  return found;
}

function outboxWritesIn(source: ts.SourceFile): Omit<OutboxSite, 'service' | 'file'>[] {
  const found: Omit<OutboxSite, 'service' | 'file'>[] = [];
  walk(source, (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = node.expression;
    let type: string | undefined;
    if (ts.isPropertyAccessExpression(callee) && OUTBOX_METHODS.has(callee.name.text) && /outbox$/i.test(callee.expression.getText(source))) {
      // add(manager, type, data) or stage(type, data)
      type = callee.name.text === 'add' ? stringArgument(node, 1) : stringArgument(node, 0);
    } else if (ts.isIdentifier(callee) && OUTBOX_FUNCTIONS.has(callee.text)) {
      // addToOutbox(manager, source, type, data) or stageEvent(source, type, data)
      type = callee.text === 'addToOutbox' ? stringArgument(node, 2) : stringArgument(node, 1);
    }
    if (type !== undefined) found.push({ type, symbol: symbolOf(node, source) });
  });
  return found;
}

/** `Class.method` (or the function's name) of the code around a node. */
function symbolOf(node: ts.Node, source: ts.SourceFile): string {
  let member: string | undefined;
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    if (member === undefined && (ts.isMethodDeclaration(at) || ts.isFunctionDeclaration(at) || ts.isPropertyDeclaration(at)) && at.name)
      member = at.name.getText(source);
    if (ts.isClassDeclaration(at)) return `${at.name?.text ?? '(class)'}.${member ?? '(field)'}`;
  }
  return member ?? '(module)';
}

/** NestJS modules of a file and the controller classes each lists. */
function nestModulesIn(source: ts.SourceFile): { name: string; controllers: string[] }[] {
  const modules: { name: string; controllers: string[] }[] = [];
  walk(source, (node) => {
    if (!ts.isClassDeclaration(node) || !node.name || !ts.canHaveDecorators(node)) return;
    for (const decorator of ts.getDecorators(node) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call) || calleeName(call) !== 'Module') continue;
      const options = call.arguments[0];
      if (!options || !ts.isObjectLiteralExpression(options)) continue;
      const controllers = options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === 'controllers');
      const names =
        controllers && ts.isArrayLiteralExpression(controllers.initializer) ? controllers.initializer.elements.filter(ts.isIdentifier).map((e) => e.text) : [];
      modules.push({ name: node.name.text, controllers: names });
    }
  });
  return modules;
}

/** The names a folder's files import from each `@pmo/<lib>`. */
function pmoImportsOf(dir: string): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>();
  for (const file of sourceFiles(dir)) {
    for (const statement of parse(file).statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const from = statement.moduleSpecifier.text;
      if (!from.startsWith('@pmo/')) continue;
      const bindings = statement.importClause?.namedBindings;
      const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => (e.propertyName ?? e.name).text) : [];
      const set = imports.get(from) ?? new Set<string>();
      for (const name of names) set.add(name);
      imports.set(from, set);
    }
  }
  return imports;
}

function dedupe(sites: OutboxSite[]): OutboxSite[] {
  const seen = new Set<string>();
  return sites.filter((site) => {
    const key = `${site.type}|${site.service}|${site.file}|${site.symbol}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
