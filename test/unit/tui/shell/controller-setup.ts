import type { SupervisorApi } from '../../../../src/api/types.js';
import { Controller } from '../../../../src/tui/app/controller.js';
import { createUiStore, type UiState } from '../../../../src/tui/state/ui-state.js';
import { fakeApi, mirrorOf, twoApps } from './fixtures.js';

/** A Controller over a real UI store seeded with twoApps(), and a fake API; `link.connected` drops the connection. */
export function setup(initial: Partial<UiState> = {}, connected = true) {
  const ui = createUiStore({ mirror: mirrorOf(twoApps()), connection: 'connected', ...initial });
  const fake = fakeApi();
  let quits = 0;
  const link = { connected };
  const controller = new Controller(ui, () => (link.connected ? fake.api : (undefined as SupervisorApi | undefined)), () => quits++, () => 5);
  return { ui, controller, link, ...fake, quits: () => quits };
}
