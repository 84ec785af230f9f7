import type { LbServer } from '../../lb/servers.js';
import { SPEC_DEFAULTS } from '../../config/spec.js';
import type { AppState } from '../types.js';

/**
 * Instances restarting while they stay in the upstream (`drain_on_restart: false`): kept in until
 * the new process is online and its health is known, so a rolling step changes no file.
 */
export class KeptInUpstream {
  /** By app: id → the pid that was restarted. */
  private readonly kept = new Map<string, Map<number, number | undefined>>();

  keep(app: string, id: number, pid: number | undefined): void {
    let ids = this.kept.get(app);
    if (!ids) this.kept.set(app, (ids = new Map()));
    ids.set(id, pid);
  }

  /** The kept servers of the app still restarting; the settled ones are forgotten. */
  servers(app: AppState): LbServer[] {
    const ids = this.kept.get(app.spec.name);
    if (!ids) return [];
    const host = app.spec.loadBalancer?.host ?? SPEC_DEFAULTS.loadBalancer.host;
    const out: LbServer[] = [];
    for (const [id, pid] of ids) {
      const i = app.instances[id];
      const settled = i && i.pid !== undefined && i.pid !== pid && i.status === 'online' && (!app.spec.healthCheck || i.health !== 'unknown');
      if (!i || i.desired === 'stopped' || i.status === 'errored' || settled || i.port === undefined) ids.delete(id);
      else out.push({ id, host, port: i.port });
    }
    return out;
  }

  forget(app: string): void {
    this.kept.delete(app);
  }
}
