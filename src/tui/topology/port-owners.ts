import type { WireApp } from '../../api/types.js';
import type { AppSpec } from '../../config/spec.js';

/** Who a port belongs to: an app, and the instance when one holds or is assigned it. */
export interface PortOwner {
  app: string;
  instance?: number;
}

/**
 * Every port the apps hold or declare: ports of running instances, plus each port of a fixed
 * `port` or range, so an env value naming a port of a stopped or scaled-down instance still counts.
 */
export function portOwners(apps: Readonly<Record<string, WireApp>>): Map<number, PortOwner> {
  const owners = new Map<number, PortOwner>();
  for (const [name, app] of Object.entries(apps)) {
    for (const port of declaredPorts(app.spec)) if (!owners.has(port)) owners.set(port, { app: name });
  }
  for (const [name, app] of Object.entries(apps)) {
    for (const i of app.instances) if (i.port !== undefined) owners.set(i.port, { app: name, instance: i.id });
  }
  return owners;
}

function declaredPorts(spec: AppSpec): number[] {
  switch (spec.port.kind) {
    case 'none':
    case 'auto':
      return [];
    case 'single':
      return [spec.port.port];
    case 'range': {
      const ports: number[] = [];
      for (let p = spec.port.from; p <= spec.port.to; p++) ports.push(p);
      return ports;
    }
  }
}
