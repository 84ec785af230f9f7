import type { Readable } from 'node:stream';
import type { IngestGc } from './ingest-gc.js';
import { sharedIngestGc } from './ingest-gc.js';
import type { LineTail } from './line-tail.js';
import type { RotatingFile } from './rotating-file.js';

/** Where one output stream of one instance goes. */
export interface PipeLogsOptions {
  /** The child's stdout or stderr. */
  source: Readable;
  file: RotatingFile;
  tail: LineTail;
  /**
   * Called synchronously with every chunk (live streaming). The chunk is only lent: copy what you
   * keep. It cannot slow the child, so it must not queue work it cannot bound.
   */
  onData?: (chunk: Buffer) => void;
  /** A file write or `onData` failed; reported once per run of consecutive failures. */
  onError?: (error: unknown) => void;
  /** Called once when the source has ended or closed, after its last chunk was written (e.g. to release the file). */
  onEnd?: () => void;
  /** GC accounting for the pipe's read buffers; null turns it off. */
  ingestGc?: IngestGc | null;
}

/**
 * Send every chunk of `source` to the file (one write per chunk, so writers sharing a file never
 * interleave mid-chunk), the tail and `onData`. A failing file or listener never stops the pipe
 * from being drained, so the child is never blocked by anything but the disk. Returns a detach
 * function; after it the stream keeps flowing into nothing and `onEnd` is not called.
 */
export function pipeLogs(options: PipeLogsOptions): () => void {
  const { source, file, tail, onData, onError, onEnd } = options;
  const ingestGc = options.ingestGc === undefined ? sharedIngestGc : options.ingestGc;
  let fileFailing = false;
  let listenerFailing = false;

  const report = (error: unknown): void => {
    try {
      onError?.(error);
    } catch {
      // An error reporter that throws must not break the pipe either.
    }
  };

  const onChunk = (data: Buffer | string): void => {
    const chunk = typeof data === 'string' ? Buffer.from(data) : data;
    try {
      file.write(chunk);
      fileFailing = false;
    } catch (error) {
      if (!fileFailing) report(error);
      fileFailing = true;
    }
    tail.push(chunk);
    if (onData !== undefined) {
      try {
        onData(chunk);
        listenerFailing = false;
      } catch (error) {
        if (!listenerFailing) report(error);
        listenerFailing = true;
      }
    }
    ingestGc?.account(chunk.length);
  };

  let ended = false;
  const onFinish = (): void => {
    if (ended) return;
    ended = true;
    try {
      onEnd?.();
    } catch (error) {
      report(error);
    }
  };

  source.on('data', onChunk);
  source.on('error', report);
  source.once('end', onFinish);
  source.once('close', onFinish);
  if (source.readableEnded || source.closed) queueMicrotask(onFinish);
  return () => {
    ended = true;
    source.off('data', onChunk);
    source.off('error', report);
    source.off('end', onFinish);
    source.off('close', onFinish);
    // Without a 'data' listener a paused stream would fill the pipe and block the child.
    source.resume();
  };
}
