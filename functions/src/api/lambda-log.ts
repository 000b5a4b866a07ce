/** One JSON line per event: what CloudWatch Logs Insights queries by field (AWS Lambda Powertools' logger shape, without the dependency). */
export type LogLine = (entry: Record<string, unknown>) => void;

export const jsonLog: LogLine = (entry) => console.log(JSON.stringify({ timestamp: new Date().toISOString(), ...entry }));

interface HttpApiEvent {
  rawPath?: string;
  requestContext?: { requestId?: string; http?: { method?: string; path?: string; sourceIp?: string } };
}

/**
 * Wrap the Lambda handler with a structured access log: request id (API
 * Gateway's, also sent back as x-request-id by the app), method, path, status,
 * duration and whether this invocation paid the cold start.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the wrapper keeps hono/aws-lambda's own (generic) handler type
export function withRequestLog<H extends (event: any, context?: any) => Promise<{ statusCode?: number }>>(handler: H, log: LogLine = jsonLog): H {
  let cold = true;
  const wrapped = async (event: HttpApiEvent, context?: unknown) => {
    const start = performance.now();
    const coldStart = cold;
    cold = false;
    const base = { requestId: event.requestContext?.requestId, method: event.requestContext?.http?.method, path: event.rawPath ?? event.requestContext?.http?.path, coldStart };
    try {
      const result = await handler(event, context);
      log({ level: 'info', message: 'request', ...base, status: result.statusCode, ms: Math.round((performance.now() - start) * 10) / 10 });
      return result;
    } catch (err) {
      log({ level: 'error', message: 'request failed', ...base, error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  };
  return wrapped as H;
}
