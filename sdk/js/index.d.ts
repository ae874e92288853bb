// Types for @icewatch/sdk (hand-written; the code is plain ESM).

export interface MonitorOptions {
  /** IceWatch's base URL (reports go to `${endpoint}/v1/reports`), or the reports URL itself. */
  endpoint: string;
  /**
   * A publishable key (`iwp_...`): made for web pages, it can post reports and nothing else. It travels in
   * the query string, so requests need no preflight and pagehide can use navigator.sendBeacon. Any other
   * key is sent as `Authorization: Bearer` (and the SDK warns: a page exposes it). Give this or `token`.
   */
  apiKey?: string;
  /** Sent as `Authorization: Bearer`; a function is asked before every request (for short-lived tokens). */
  token?: string | (() => string | Promise<string>);
  /**
   * 'auto' (default): batches by fetch (retried on failure), and on pagehide by sendBeacon when the key is
   * publishable. 'beacon': every batch by sendBeacon (no retries: a beacon's answer cannot be read).
   * 'fetch': never a beacon.
   */
  transport?: 'auto' | 'beacon' | 'fetch';
  /** The call's id: 1-128 characters of [A-Za-z0-9._:-]. Generated when left out. */
  sessionId?: string;
  /**
   * This participant's id in the session (1-64 characters of [A-Za-z0-9._:-]); a random one per monitor()
   * when left out. IceWatch keeps the connections of different clients apart, so every participant may
   * use the call's id as sessionId.
   */
  clientId?: string;
  /** Where the client is (1-64 characters of [A-Za-z0-9._:-]); IceWatch rolls verdicts up by region. */
  region?: string;
  /** Free-form JSON kept with the session (copied when monitor() is called). */
  metadata?: Record<string, unknown>;
  /** Share of sessions monitored, 0-1 (default 1). Decided once per session id, the same for every participant. */
  sampleRate?: number;
  /** getStats() period in ms (default 2000; 0 = only on state changes and close). */
  statsIntervalMs?: number;
  /** How long events may wait before being sent, in ms (default 5000; urgent states go within 500 ms). */
  flushIntervalMs?: number;
  /**
   * While a connection is not connected, send a heartbeat when nothing else was sent for this long, in ms
   * (default 5000; 0 = never), so IceWatch knows how long it was watched. Stops 10 minutes after the
   * connection was last connected, and once it failed or closed.
   */
  heartbeatIntervalMs?: number;
  /** Replace the global RTCPeerConnection so every new connection is watched (default false). */
  wrapGlobal?: boolean;
  /** A URL of your own for navigator.sendBeacon on pagehide, authenticating by itself (not needed with a publishable key). */
  beaconEndpoint?: string;
  /** 'hash' (default): candidate addresses become per-session tokens that keep only the family. 'raw': sent as they are. */
  addresses?: 'hash' | 'raw';
  /** Most items (events + stats snapshots) held while the endpoint is unreachable (default 1000). */
  maxQueue?: number;
  /** Most items in one request (default 300). */
  maxBatch?: number;
  /** Sends of one batch before its events are re-queued under a new seq (default 6). */
  maxAttempts?: number;
  /** Told about refused batches and internal errors; the SDK never throws into the app. */
  onError?: (error: Error) => void;
}

export interface Counters {
  /** Connections watched so far. */
  peerConnections: number;
  /** Of those, the ones not closed yet. */
  open: number;
  /** Items waiting to be sent. */
  queued: number;
  /** Reports (one per peer connection per request) sent. */
  sentReports: number;
  /** Items dropped because the queue was full or a batch was refused. */
  dropped: { events: number; stats: number };
}

export interface MonitorHandle {
  readonly sessionId: string | undefined;
  /** This participant's client id (null when not sampled). */
  readonly clientId: string | null;
  /** False when the session was sampled out or the options were unusable (see error). */
  readonly sampled: boolean;
  readonly error: Error | null;
  /** Starts watching a connection; returns its id in the session (default pc-1, pc-2, ...), or null. */
  watch(pc: RTCPeerConnection, options?: { id?: string }): string | null;
  /** Sends what is queued now. */
  flush(): Promise<void>;
  /** Stops wrapping and polling, then sends what is left. */
  stop(): Promise<void>;
  counters(): Counters;
}

export function monitor(options: MonitorOptions): MonitorHandle;
export const VERSION: string;
export const IceWatch: { monitor: typeof monitor; version: string };
export default IceWatch;
