import { readFileSync } from 'node:fs';
import path from 'node:path';
import { programCreated, programUpdated, relationshipReflectionSubmitted } from './matching';

const fixture = (type: string, version: number): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures', type, `v${version}.json`), 'utf8'));

describe('matching events published as version 1 read as version 2', () => {
  it('gives a v1 program the rules the service applied before they were settings, with its creator as admin', () => {
    const v1 = fixture('matching.program.created', 1) as { by: string };
    const upcast = programCreated.upcast(1, v1);
    expect(upcast.settings).toMatchObject({
      hardRules: {
        excludeSameDepartment: false,
        excludeOwnManager: true,
        excludePreviousPairs: true,
        requireCommonLanguage: true,
      },
      questions: [],
      acceptance: 'both-parties',
      proposalTtlDays: 14,
      adminIds: [v1.by],
    });
  });

  it('keeps a v1 settings change as it was', () => {
    const v1 = fixture('matching.program.updated', 1) as { changes: unknown };
    expect(programUpdated.upcast(1, v1).changes).toEqual(v1.changes);
  });

  it('reads a v2 program and settings change as ones without enrolment dates', () => {
    const created = fixture('matching.program.created', 2) as { settings: object };
    expect(programCreated.upcast(2, created).settings).toEqual(created.settings);
    expect(programCreated.upcast(2, created).settings.enrolmentOpensOn).toBeUndefined();
    const updated = fixture('matching.program.updated', 2) as { changes: unknown };
    expect(programUpdated.upcast(2, updated).changes).toEqual(updated.changes);
  });

  it('reads a v1 reflection as one that named no skills gained', () => {
    const upcast = relationshipReflectionSubmitted.upcast(
      1,
      fixture('matching.relationship.reflection-submitted', 1),
    );
    expect(upcast).toMatchObject({ rating: 4, skillsGained: [] });
    expect(upcast.goalsAchieved).toBeUndefined();
  });
});
