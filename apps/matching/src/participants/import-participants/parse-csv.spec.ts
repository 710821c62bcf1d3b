import { parseCsv } from './parse-csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, a BOM and blank lines', () => {
    const parsed = parseCsv(
      '\uFEFFuserId,skillsOffered,note\r\nu-1,"negotiation;public speaking","said ""hi""\nthen left"\r\n\r\nu-2,coaching,\n',
    );
    expect(parsed).toEqual({
      ok: true,
      header: ['userId', 'skillsOffered', 'note'],
      rows: [
        { line: 2, cells: ['u-1', 'negotiation;public speaking', 'said "hi"\nthen left'] },
        { line: 5, cells: ['u-2', 'coaching', ''] },
      ],
    });
  });

  it('fails the whole file on a structural fault, naming the line', () => {
    expect(parseCsv('a,b\n1,2\n3\n')).toEqual({
      ok: false,
      line: 3,
      message: '1 cells where the header has 2',
    });
    expect(parseCsv('a,b\n1,"open\n')).toMatchObject({
      ok: false,
      line: 2,
      message: 'a quoted field is not closed',
    });
    expect(parseCsv('a,b\n1,x"y\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('')).toMatchObject({ ok: false, message: 'the file is empty' });
  });
});
