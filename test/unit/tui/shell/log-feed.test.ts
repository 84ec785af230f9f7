import { describe, expect, it } from 'vitest';
import type { LogLine, LogQuery, SubscribeOptions, SupervisorApi, SupervisorEvent } from '../../../../src/api/types.js';
import { createLogFeed } from '../../../../src/tui/app/log-feed.js';
import { createLogSource } from '../../../../src/tui/app/tui-log-source.js';
import { createUiStore } from '../../../../src/tui/state/ui-state.js';
import { app, fakeApi, mirrorOf, settle } from './fixtures.js';

/** A daemon stand-in: subscriptions and log queries are recorded; the test emits events and answers. */
function fakeDaemon() {
  const subs: Array<{ emit: (event: SupervisorEvent) => void; options: SubscribeOptions | undefined; closed: boolean }> = [];
  const queries: Array<{ query: LogQuery; answer: (lines: LogLine[]) => void }> = [];
  const api: SupervisorApi = {
    ...fakeApi().api,
    subscribe(onEvent, options) {
      const sub = { emit: onEvent, options, closed: false };
      subs.push(sub);
      return () => void (sub.closed = true);
    },
    logs: (query) => new Promise((resolve) => queries.push({ query, answer: resolve })),
  };
  return { api, subs, queries };
}

const snapshot = (seq = 0): SupervisorEvent => ({ type: 'snapshot', seq, state: { apps: mirrorOf({ web: app('web', 2, 3000) }).apps, host: null, startedAt: 1 } });
const log = (instance: number, lines: string[]): SupervisorEvent => ({ type: 'log', seq: 1, app: 'web', instance, stream: 'out', lines });
const line = (instance: number, text: string): LogLine => ({ app: 'web', instance, stream: 'out', line: text });

function setup() {
  const ui = createUiStore({ mirror: mirrorOf({ web: app('web', 2, 3000) }), connection: 'connected', columns: 100, rows: 30, selectedKey: 'inst:web:0' });
  const logs = createLogSource(ui);
  const states: SupervisorEvent[] = [];
  const feed = createLogFeed({ state: (event) => states.push(event), logs });
  const daemon = fakeDaemon();
  const shown = () => logs.window(ui.getState()).left.lines.map((l) => l.text);
  return { ui, logs, feed, states, daemon, shown };
}

describe('createLogFeed', () => {
  it('subscribes to the logs of the shown instance only, loads its backlog, and drops the lines the backlog already has', async () => {
    const { ui, logs, feed, daemon, shown } = setup();
    feed.start(daemon.api, logs.wants(ui.getState()));
    expect(daemon.subs[0]?.options).toEqual({ logs: { app: 'web', instance: 0 } });
    expect(daemon.queries.map((q) => q.query)).toEqual([{ app: 'web', instance: 0, lines: 200 }]);
    daemon.subs[0]!.emit(snapshot());
    daemon.subs[0]!.emit(log(0, ['b']));
    daemon.queries[0]!.answer([line(0, 'a'), line(0, 'b')]);
    await settle();
    daemon.subs[0]!.emit(log(0, ['c']));
    expect(shown()).toEqual(['a', 'b', 'c']);
  });

  it('moves to another instance: the old subscription counts until the new one has its snapshot, then ends', async () => {
    const { ui, logs, feed, states, daemon, shown } = setup();
    feed.start(daemon.api, logs.wants(ui.getState()));
    const [first] = daemon.subs;
    first!.emit(snapshot());
    daemon.queries[0]!.answer([]);
    await settle();
    ui.setState({ selectedKey: 'inst:web:1' });
    feed.follow(logs.wants(ui.getState()));
    expect(feed.key).toBe('web:1');
    const second = daemon.subs[1]!;
    expect(second.options).toEqual({ logs: { app: 'web', instance: 1 } });
    first!.emit({ type: 'patch', seq: 1, apps: {} });
    expect(states.map((e) => e.type)).toEqual(['snapshot', 'patch']);
    second.emit(snapshot());
    expect(first!.closed).toBe(true);
    first!.emit({ type: 'patch', seq: 2, apps: {} });
    expect(states.map((e) => e.type)).toEqual(['snapshot', 'patch', 'snapshot']);
    daemon.queries[1]!.answer([line(1, 'one a')]);
    await settle();
    second.emit(log(1, ['one b']));
    expect(shown()).toEqual(['one a', 'one b']);
    feed.follow(logs.wants(ui.getState()));
    expect(daemon.subs).toHaveLength(2);
  });

  it('subscribes to the whole app for the merged view', () => {
    const { ui, logs, feed, daemon } = setup();
    logs.run('merged');
    feed.start(daemon.api, logs.wants(ui.getState()));
    expect(daemon.subs[0]?.options).toEqual({ logs: { app: 'web' } });
    expect(daemon.queries[0]?.query).toEqual({ app: 'web', lines: 20 });
  });
});
