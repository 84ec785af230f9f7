import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';

/** A fake terminal `columns` wide that keeps the last frame Ink wrote (ink-testing-library is fixed at 100). */
class FakeStdout extends EventEmitter {
  frame = '';
  constructor(readonly columns: number) {
    super();
  }
  write = (frame: string) => {
    this.frame = frame;
    return true;
  };
}

/** Renders `tree` once into a terminal of `columns` and returns the frame's lines; unmounts it. */
export function renderLines(tree: ReactElement, columns: number): string[] {
  const stdout = new FakeStdout(columns);
  const instance: Instance = render(tree, { stdout: stdout as unknown as NodeJS.WriteStream, debug: true, patchConsole: false, exitOnCtrlC: false });
  try {
    return stdout.frame.split('\n');
  } finally {
    instance.unmount();
  }
}
