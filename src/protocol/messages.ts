import type { SupervisorEvent } from '../api/types.js';
import { ProtocolError } from './errors.js';
import { isMethod, type Method } from './methods.js';

/** The longest line the daemon accepts from a client (1 MiB). */
export const MAX_REQUEST_LINE_BYTES = 1024 * 1024;

export type RequestId = number | string;

/** Client → daemon: one call. `params` are the API method's arguments, in order. */
export interface RequestMessage {
  id: RequestId;
  method: Method;
  params: unknown[];
}

/** An error as it travels: its stable `name` lets the client rethrow the same kind. */
export interface WireError {
  name: string;
  message: string;
}

/** Daemon → client: the outcome of the request with the same id (`null` when the request was unreadable). */
export type ResponseMessage = { id: RequestId | null; result: unknown } | { id: RequestId | null; error: WireError };

/** Daemon → client: one event of subscription `subscription`. */
export interface EventMessage {
  subscription: number;
  event: SupervisorEvent;
}

export type ParsedRequest = { ok: true; request: RequestMessage } | { ok: false; id: RequestId | null; error: WireError };

/** Reads one request line; never throws, so garbage becomes an error response. */
export function parseRequest(line: string): ParsedRequest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return invalid(null, `invalid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(null, 'a request must be a JSON object {"id","method","params"}');
  }
  const { id, method, params } = value as Record<string, unknown>;
  if (!isRequestId(id)) return invalid(null, 'a request needs an "id" (a number or a string)');
  if (typeof method !== 'string') return invalid(id, 'a request needs a "method" string');
  if (!isMethod(method)) return invalid(id, `unknown method "${method.slice(0, 64)}"`);
  if (params !== undefined && !Array.isArray(params)) return invalid(id, '"params" must be an array of arguments');
  return { ok: true, request: { id, method, params: params ?? [] } };
}

function isRequestId(id: unknown): id is RequestId {
  return (typeof id === 'number' && Number.isFinite(id)) || (typeof id === 'string' && id.length <= 64);
}

function invalid(id: RequestId | null, message: string): ParsedRequest {
  return { ok: false, id, error: toWireError(new ProtocolError(message)) };
}

/** Any thrown value as it travels; only `name` and `message` cross the socket. */
export function toWireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** One message as a line of the protocol. */
export function encodeMessage(message: RequestMessage | ResponseMessage | EventMessage): string {
  return `${JSON.stringify(message)}\n`;
}
