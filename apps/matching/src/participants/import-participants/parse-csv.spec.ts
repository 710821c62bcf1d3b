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

  it('numbers each row by the line it starts on, whatever the line endings and however wide the text', () => {
    const parsed = parseCsv(' userId ,note\r\nü-1,"a\r\nb"\r\n\r\nü-2,"c\nd\ne"\rü-3,f\n\n\nü-4,g');
    expect(parsed).toEqual({
      ok: true,
      header: ['userId', 'note'],
      rows: [
        { line: 2, cells: ['ü-1', 'a\r\nb'] },
        { line: 5, cells: ['ü-2', 'c\nd\ne'] },
        { line: 8, cells: ['ü-3', 'f'] },
        { line: 11, cells: ['ü-4', 'g'] },
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

  it('names the line a faulty row starts on, after multi-line cells and blank lines', () => {
    expect(parseCsv('a,b\r\n1,"x\r\ny"\r\n\r\n2,"open\r\nstill open\r\n')).toEqual({
      ok: false,
      line: 5,
      message: 'a quoted field is not closed',
    });
    expect(parseCsv('a,b\n1,"x\ny"\n\n2,"z"w\n')).toEqual({
      ok: false,
      line: 5,
      message: 'text after a closing quote',
    });
    expect(parseCsv('a,b\n1,"x\ny"\n\n2,3,4\n')).toEqual({
      ok: false,
      line: 5,
      message: '3 cells where the header has 2',
    });
    expect(parseCsv('a,b\n1,x"y\n')).toEqual({
      ok: false,
      line: 2,
      message: 'a quote inside an unquoted field',
    });
  });
});
