import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { testInfra } from '../test-infra';
import { uniqueName } from '../unique-name';
import { waitFor } from '../wait-for';
import { deleteStaleTestTopics } from './stale-test-topics';

describe('deleteStaleTestTopics', () => {
  it('deletes test topics hours old and keeps fresh ones and topics not named by uniqueName', async () => {
    const { kafkaBrokers } = testInfra();
    const admin = new Kafka({
      brokers: kafkaBrokers,
      clientId: uniqueName('cleanup_spec'),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const hoursAgo = (Date.now() - 7 * 60 * 60 * 1000).toString(36);
    const stale = `old_${hoursAgo}${randomBytes(4).toString('hex')}.tandem.goals.events`;
    const fresh = `${uniqueName('new')}.tandem.goals.events`;
    const other = `kept-${randomBytes(4).toString('hex')}.tandem.goals.events`;
    try {
      await admin.createTopics({
        topics: [stale, fresh, other].map((topic) => ({ topic })),
        waitForLeaders: false,
      });
      await waitFor(
        async () => {
          const listed = await admin.listTopics();
          return [stale, fresh, other].every((topic) => listed.includes(topic));
        },
        { description: 'the three topics to exist' },
      );
      expect(await deleteStaleTestTopics(kafkaBrokers)).toBeGreaterThanOrEqual(1);
      const left = await admin.listTopics();
      expect(left).not.toContain(stale);
      expect(left).toEqual(expect.arrayContaining([fresh, other]));
    } finally {
      await admin.deleteTopics({ topics: [fresh, other] }).catch(() => undefined);
      await admin.disconnect();
    }
  });
});
