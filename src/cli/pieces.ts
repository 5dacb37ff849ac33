import type { Command } from 'commander';
import { AppError } from '../model/app-error.ts';
import { ARTICLE_KINDS, type ArticleKind } from '../model/capture.ts';
import { localized } from '../model/site.ts';
import { correctPiece, publishPiece, retractPiece, schedulePiece, submitPiece, unpublishPiece, type PieceRef } from '../newsroom/piece-commands.ts';
import { recommend } from '../newsroom/recommend.ts';
import { createStory } from '../newsroom/story.ts';
import { findPerson } from '../store/directory.ts';
import fs from 'node:fs/promises';
import type { Store } from '../store/open.ts';
import { getPieceView, listPieces, listRevisions } from '../store/pieces.ts';
import { actorFor } from './actor.ts';
import { pasteFetcher } from './capture.ts';
import { CliError } from './cli-error.ts';
import { output, withStore, type CliContext } from './context.ts';

/** Runs a domain command, turning its AppErrors into one-line CLI errors. */
async function run<T>(ctx: CliContext, fn: (store: Store) => Promise<T>): Promise<T> {
  return withStore(ctx, async (store) => {
    try {
      return await fn(store);
    } catch (err) {
      if (err instanceof AppError) throw new CliError(err.message, err.code === 'forbidden' ? 3 : 2);
      throw err;
    }
  });
}

function pieceId(raw: string): number {
  if (!/^\d+$/.test(raw)) throw new CliError(`"${raw}" is not a piece id`, 2);
  return Number(raw);
}

function refLine(r: PieceRef): string {
  return `piece ${r.id} is ${r.state}${r.path ? `: ${r.path}` : ''}`;
}

function registerRecommend(program: Command, ctx: CliContext): void {
  program.command('recommend').description('turn a capture (or a URL, captured first) into a recommendation; prints its public path')
    .argument('<capture-id|url>', 'a capture id, or an article URL')
    .option('--kind <kind>', `one of ${ARTICLE_KINDS.join(', ')}`).option('--headline <text>', 'the editor\u2019s headline (wins over the derived one)')
    .option('--note <text>', 'the editor\u2019s note (default: the template of the kind)').option('--tags <list>', 'comma-separated tag names')
    .option('--publish', 'publish now').option('--schedule <time>', 'publish at this time (ISO 8601 with offset)').option('--json', 'print JSON')
    .action(async (source: string, opts: { kind?: string; headline?: string; note?: string; tags?: string; publish?: boolean; schedule?: string; json?: boolean }, cmd: Command) => {
      if (opts.kind && !ARTICLE_KINDS.includes(opts.kind as ArticleKind)) throw new CliError(`--kind must be one of ${ARTICLE_KINDS.join(', ')}`, 2);
      if (opts.publish && opts.schedule) throw new CliError('give --publish or --schedule, not both', 2);
      const fetcher = pasteFetcher(ctx.config);
      try {
        await run(ctx, async (store) => {
          const r = await recommend(store, (u) => fetcher.fetch(u), await actorFor(store, cmd), {
            source, ...(opts.kind ? { kind: opts.kind as ArticleKind } : {}), ...(opts.headline ? { headline: opts.headline } : {}), ...(opts.note ? { note: opts.note } : {}),
            tags: opts.tags ? opts.tags.split(',') : [], publish: Boolean(opts.publish), ...(opts.schedule ? { scheduleAt: opts.schedule } : {}),
          }, () => new Date());
          const human = r.existing ? `already recommended: ${refLine(r)}` : `${refLine(r)}\n  ${r.headline}\n  ${r.excerpt.summary}${r.warnings.map((w) => `\n  warning: ${w}`).join('')}`;
          output(Boolean(opts.json), r, human);
        });
      } finally {
        await fetcher.close();
      }
    });
}

function registerStory(program: Command, ctx: CliContext): void {
  program.command('story').description('our own pieces').command('add').description('write a story from a Markdown file (or standard input with -)')
    .requiredOption('--headline <text>', 'the headline').requiredOption('--body <file>', 'Markdown body file, or - for standard input')
    .option('--standfirst <text>', 'the summary under the headline').option('--authors <slugs>', 'comma-separated person slugs')
    .option('--tags <list>', 'comma-separated tag names').option('--kind <kind>', `one of ${ARTICLE_KINDS.join(', ')}`, 'news')
    .option('--language <lang>', 'en or uk').option('--publish', 'publish now').option('--json', 'print JSON')
    .action(async (o: { headline: string; body: string; standfirst?: string; authors?: string; tags?: string; kind: string; language?: string; publish?: boolean; json?: boolean }, cmd: Command) => {
      if (!ARTICLE_KINDS.includes(o.kind as ArticleKind)) throw new CliError(`--kind must be one of ${ARTICLE_KINDS.join(', ')}`, 2);
      const body = o.body === '-' ? await readStdin() : await fs.readFile(o.body, 'utf8').catch((e: NodeJS.ErrnoException) => { throw new CliError(`cannot read ${o.body}: ${e.code ?? e.message}`, 2); });
      await run(ctx, async (store) => {
        const authorIds: number[] = [];
        for (const slug of (o.authors ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
          const p = await findPerson(store.db, slug);
          if (!p) throw new CliError(`--authors: no person ${slug} (add them with \`newsdesk person add\`)`, 2);
          authorIds.push(Number(p.id));
        }
        const r = await createStory(store, await actorFor(store, cmd), { headline: o.headline, body, kind: o.kind as ArticleKind, authorIds, tags: o.tags ? o.tags.split(',') : [],
          ...(o.standfirst ? { standfirst: o.standfirst } : {}), ...(o.language ? { language: o.language } : {}), publish: Boolean(o.publish) }, new Date());
        output(Boolean(o.json), r, refLine(r));
      });
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `newsdesk recommend …`, `newsdesk story add`, and `newsdesk piece list|show|history|publish|schedule|unpublish|submit|retract|correct`. */
export function registerPieces(program: Command, ctx: CliContext): void {
  registerRecommend(program, ctx);
  registerStory(program, ctx);
  const piece = program.command('piece').description('list, show and move pieces through the workflow');
  piece.command('list').option('--state <states>', 'comma-separated states (draft, review, scheduled, published, retracted)').option('--json', 'print JSON')
    .action((opts: { state?: string; json?: boolean }) => run(ctx, async (store) => {
      const views = await listPieces(store.db, opts.state ? { states: opts.state.split(',') } : {});
      const rows = views.map((v) => ({ id: Number(v.piece.id), type: v.piece.type, kind: v.piece.kind, state: v.piece.state, headline: v.piece.headline, path: v.piece.path, outlet: v.outlet?.name ?? null }));
      output(Boolean(opts.json), rows, rows.map((r) => `${String(r.id).padStart(5)}  ${r.state.padEnd(10)} ${r.type.padEnd(15)} ${r.headline}`).join('\n') || '(no pieces)');
    }));
  piece.command('show').argument('<id>').option('--json', 'print JSON').action((id: string, opts: { json?: boolean }) => run(ctx, async (store) => {
    const v = await getPieceView(store.db, pieceId(id));
    if (!v) throw new CliError(`no piece with id ${id}`, 2);
    const p = v.piece;
    output(Boolean(opts.json), v, [`${p.type} ${p.id} (${p.kind}, ${p.state}, version ${p.revision})`, `  headline: ${p.headlineOverride ?? p.headline}`,
      `  authors:  ${v.authors.map((a) => localized(a.names, p.language)).join(', ') || '-'}`, `  outlet:   ${v.outlet?.name ?? '-'}`, `  original: ${p.originalUrl ?? '-'}`,
      `  path:     ${p.path ?? '-'}`, `  tags:     ${v.tags.map((t) => t.slug).join(', ') || '-'}`, `  note:     ${p.editorsNote ?? '-'}`].join('\n'));
  }));
  piece.command('history').argument('<id>').option('--json', 'print JSON').action((id: string, opts: { json?: boolean }) => run(ctx, async (store) => {
    const revs = await listRevisions(store.db, pieceId(id));
    output(Boolean(opts.json), revs, revs.map((r) => `v${r.version} ${r.at} user ${r.user_id ?? 'system'}: ${r.changes}`).join('\n'));
  }));
  const move = (name: string, desc: string, fn: (store: Store, id: number, arg: string | undefined, cmd: Command) => Promise<PieceRef>, argName?: string) => {
    const c = piece.command(name).description(desc).argument('<id>');
    if (argName) c.argument(`<${argName}>`);
    c.option('--json', 'print JSON').action((id: string, ...rest: unknown[]) => run(ctx, async (store) => {
      const cmd = rest[rest.length - 1] as Command;
      const opts = rest[rest.length - 2] as { json?: boolean };
      const r = await fn(store, pieceId(id), argName ? (rest[0] as string) : undefined, cmd);
      output(Boolean(opts.json), r, refLine(r));
    }));
  };
  move('publish', 'publish now', async (s, id, _a, cmd) => publishPiece(s, await actorFor(s, cmd), id, new Date()));
  move('schedule', 'publish at a time (ISO 8601 with offset)', async (s, id, at, cmd) => schedulePiece(s, await actorFor(s, cmd), id, at!, new Date()), 'time');
  move('unpublish', 'take back to draft', async (s, id, _a, cmd) => unpublishPiece(s, await actorFor(s, cmd), id, new Date()));
  move('submit', 'submit a draft for review', async (s, id, _a, cmd) => submitPiece(s, await actorFor(s, cmd), id, new Date()));
  move('retract', 'retract: the page answers 410 with the note', async (s, id, note, cmd) => retractPiece(s, await actorFor(s, cmd), id, note!, new Date()), 'note');
  move('correct', 'add a dated correction note', async (s, id, text, cmd) => correctPiece(s, await actorFor(s, cmd), id, text!, new Date()), 'text');
}
