/** What the probe's content script and matcher hosts say to each other. */
export interface ProbeRequest {
  to: 'background' | 'offscreen';
  texts: string[];
}
export interface ProbeResponse {
  /** Per text: start, end, termId, start, end, termId, … */
  matches: (number | string)[][];
  matchMs: number;
  loadMs: number;
}
interface ProbeBrowserApi {
  runtime: {
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (...args: never[]) => unknown): void };
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  offscreen?: {
    createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  };
}
const g = globalThis as unknown as { browser?: ProbeBrowserApi; chrome?: ProbeBrowserApi };
export const api = (g.browser ?? g.chrome)!;
