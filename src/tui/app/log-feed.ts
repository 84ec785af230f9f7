import type { SupervisorApi, SupervisorEvent } from '../../api/types.js';
import type { LogWants, TuiLogSource } from './tui-log-source.js';

/** The TUI's one subscription, whose log filter follows what the log pane shows. */
export interface LogFeed {
  /** Subscribes on a fresh connection, with the logs of `wants` (none when undefined). */
  start(api: SupervisorApi, wants: LogWants | undefined): void;
  /** Moves the subscription to the logs of `wants`; nothing happens when it already has them. */
  follow(wants: LogWants | undefined): void;
  /** The filter key asked for last (undefined: no logs). */
  readonly key: string | undefined;
  stop(): void;
}

interface Subscription {
  key: string | undefined;
  unsubscribe: () => void;
  /** Log lines count only once the backlog is in: the ones before it are in the backlog too. */
  backlogIn: boolean;
}

/**
 * A subscription per log filter (SubscribeOptions.logs), so only the shown instance's lines cross
 * the socket. A new one replaces the old at its snapshot, and the old one's events stop counting
 * then, so no state change is applied twice or lost. Its backlog is asked for after the
 * subscription on the same connection: lines that arrive before the answer are in it already.
 */
export function createLogFeed(sink: { state(event: SupervisorEvent): void; logs: TuiLogSource }): LogFeed {
  let api: SupervisorApi | undefined;
  let current: Subscription | undefined;
  let pending: Subscription | undefined;

  const open = (wants: LogWants | undefined): void => {
    const target = api;
    if (!target) return;
    const sub: Subscription = { key: wants?.key, unsubscribe: () => undefined, backlogIn: wants === undefined };
    pending?.unsubscribe();
    pending = sub;
    const onEvent = (event: SupervisorEvent): void => {
      if (event.type === 'snapshot') {
        if (pending !== sub) return;
        const old = current;
        current = sub;
        pending = undefined;
        old?.unsubscribe();
        return sink.state(event);
      }
      if (current !== sub) return;
      if (event.type !== 'log') return sink.state(event);
      if (sub.backlogIn) sink.logs.append(event);
    };
    sub.unsubscribe = target.subscribe(onEvent, wants ? { logs: wants.filter } : {});
    if (!wants) return;
    void Promise.all(wants.backlog.map((query) => target.logs(query).catch(() => []))).then((answers) => {
      if (sub !== current && sub !== pending) return;
      sink.logs.reset();
      for (const lines of answers) {
        for (const line of lines) sink.logs.append({ type: 'log', seq: 0, app: line.app, instance: line.instance, stream: line.stream, lines: [line.line] });
      }
      sub.backlogIn = true;
    });
  };

  return {
    start(next, wants) {
      api = next;
      current = undefined;
      pending = undefined;
      open(wants);
    },
    follow(wants) {
      if (wants?.key === (pending ?? current)?.key) return;
      open(wants);
    },
    get key() {
      return (pending ?? current)?.key;
    },
    stop() {
      pending?.unsubscribe();
      current?.unsubscribe();
      pending = current = undefined;
      api = undefined;
    },
  };
}
