/** One kind of request in the mix: its share and how to send it. */
export interface LoadRoute {
  readonly name: string;
  readonly weight: number;
  send(): Promise<Response>;
}

export interface RouteFigures {
  readonly route: string;
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  /** Why requests failed: HTTP status (or `network`) → count. */
  readonly failures: Record<string, number>;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

/** The element at `index`; a missing one is a bug in the benchmark. */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no element ${index} of ${list.length}`);
  return item;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? null : at(sorted, Math.min(sorted.length - 1, Math.floor(sorted.length * p)));

/**
 * Open loop: requests start on a fixed schedule whether or not earlier ones finished, and each
 * latency is measured from its scheduled start, so a stall shows as latency (no coordinated omission).
 */
export async function runOpenLoop(
  routes: readonly LoadRoute[],
  ratePerSecond: number,
  seconds: number,
  pickRandom: () => number,
) {
  const total = Math.round(ratePerSecond * seconds);
  const weights = routes.reduce((sum, r) => sum + r.weight, 0);
  const stats = routes.map((route) => ({
    route,
    sent: 0,
    ok: 0,
    failed: 0,
    failures: {} as Record<string, number>,
    latencies: [] as number[],
  }));
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const scheduled = started + (i * 1000) / ratePerSecond;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    let pick = pickRandom() * weights;
    const stat = stats.find((s) => (pick -= s.route.weight) < 0) ?? at(stats, stats.length - 1);
    stat.sent += 1;
    inFlight.push(
      stat.route.send().then(
        async (response) => {
          await response.arrayBuffer();
          if (response.status < 400) stat.ok += 1;
          else {
            stat.failed += 1;
            stat.failures[response.status] = (stat.failures[response.status] ?? 0) + 1;
          }
          stat.latencies.push(performance.now() - scheduled);
        },
        () => {
          stat.failed += 1;
          stat.failures['network'] = (stat.failures['network'] ?? 0) + 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - started) / 1000;
  const perRoute: RouteFigures[] = stats.map(({ route, sent, ok, failed, failures, latencies }) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      route: route.name,
      sent,
      ok,
      failed,
      failures,
      p50Ms: round(percentile(sorted, 0.5)),
      p99Ms: round(percentile(sorted, 0.99)),
    };
  });
  const ok = perRoute.reduce((sum, r) => sum + r.ok, 0);
  return {
    offeredPerSecond: ratePerSecond,
    heldPerSecond: Math.round((ok / elapsedSeconds) * 10) / 10,
    requests: total,
    elapsedSeconds: round(elapsedSeconds),
    perRoute,
  };
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
