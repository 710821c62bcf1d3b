import { given } from '@tandem/kernel';
import { goalTemplateDecider, type PublishTemplate } from './template-decider';

const publish: PublishTemplate = {
  type: 'publish',
  templateId: 't-1',
  programId: 'p-1',
  category: 'public-speaking',
  by: 'admin',
};

describe('goal template decider', () => {
  it('publishes a template once', () => {
    const events = given(goalTemplateDecider, []).when(publish).then();
    expect(events).toEqual([
      {
        type: 'goals.goal-template.published',
        data: { templateId: 't-1', programId: 'p-1', category: 'public-speaking', publishedBy: 'admin' },
      },
    ]);
    expect(given(goalTemplateDecider, events).when(publish).thenRefuses()).toMatchObject({
      code: 'template-exists',
      kind: 'conflict',
    });
  });
});
