import type { OutboxRelay } from '@tandem/eventstore';
import { waitFor } from '@tandem/testing';
import { ServiceMetrics } from './service-metrics';
import type { MetricSources } from './metric-collectors';

function relayReporting(backlog: number) {
  const stats = jest.fn(async () => ({ leader: true, backlog, publishedEvents: 0 }));
  return { relay: { stats } as unknown as OutboxRelay, stats };
}

const backlogOf = (text: string): number | undefined => {
  const match = /^tandem_outbox_backlog_events\{[^}]*\} (\d+)$/m.exec(text);
  return match ? Number(match[1]) : undefined;
};

describe('ServiceMetrics', () => {
  it('serves the outbox backlog from the background sample: scrapes never ask the database', async () => {
    const { relay, stats } = relayReporting(7);
    const sources: MetricSources = { outboxRelay: relay, consumerStats: () => [] };
    const metrics = new ServiceMetrics('goals', sources, 60_000);

    await metrics.outboxBacklog.refresh();
    expect(stats).toHaveBeenCalledTimes(1);
    const scrapes = await Promise.all(Array.from({ length: 50 }, () => metrics.registry.metrics()));
    expect(scrapes.map(backlogOf)).toEqual(Array.from({ length: 50 }, () => 7));
    expect(stats).toHaveBeenCalledTimes(1);

    stats.mockResolvedValue({ leader: true, backlog: 3, publishedEvents: 12 });
    await metrics.outboxBacklog.refresh();
    expect(backlogOf(await metrics.registry.metrics())).toBe(3);
    expect(stats).toHaveBeenCalledTimes(2);
  });

  it('refreshes the sample on its timer, and reads 0 on an instance that does not lead', async () => {
    const { relay, stats } = relayReporting(4);
    const metrics = new ServiceMetrics('goals', { outboxRelay: relay, consumerStats: () => [] }, 20);
    expect(backlogOf(await metrics.registry.metrics())).toBe(0);
    metrics.onApplicationBootstrap();
    try {
      await waitForBacklog(metrics, 4);
      stats.mockResolvedValue({ leader: false, backlog: 9, publishedEvents: 0 });
      await waitForBacklog(metrics, 0);
    } finally {
      await metrics.beforeApplicationShutdown();
    }
  });
});

async function waitForBacklog(metrics: ServiceMetrics, expected: number): Promise<void> {
  await waitFor(async () => backlogOf(await metrics.registry.metrics()) === expected, {
    description: `outbox backlog gauge to read ${expected}`,
    timeoutMs: 5_000,
  });
}
