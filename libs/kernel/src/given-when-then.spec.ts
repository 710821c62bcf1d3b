import { DomainError } from './domain-error';
import { given } from './given-when-then';
import type { Decider } from './decider';

type Event = { type: 'added'; amount: number };
type Command = { type: 'add'; amount: number };
const counter: Decider<Command, Event, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.amount,
  decide: (command, total) => {
    if (total + command.amount > 10)
      throw new DomainError('over-limit', `total would be ${total + command.amount}`, 'conflict');
    return [{ type: 'added', amount: command.amount }];
  },
};

describe('given / when / then', () => {
  it('folds the history and returns the decided events', () => {
    const spec = given(counter, [{ type: 'added', amount: 4 }]);
    expect(spec.state).toBe(4);
    expect(spec.when({ type: 'add', amount: 2 }).then()).toEqual([{ type: 'added', amount: 2 }]);
  });

  it('returns the refusal of a DomainError', () => {
    expect(
      given(counter, [{ type: 'added', amount: 9 }])
        .when({ type: 'add', amount: 2 })
        .thenRefuses(),
    ).toEqual({
      code: 'over-limit',
      kind: 'conflict',
      message: 'total would be 11',
    });
  });

  it('fails when a refusal was expected but the command was accepted', () => {
    expect(() => given(counter).when({ type: 'add', amount: 1 }).thenRefuses()).toThrow('decided 1 event(s)');
  });
});
