import ICAL from 'ical.js';
import { renderCalendar, type CalendarSession } from './ics-calendar';

const session: CalendarSession = {
  sessionId: 's-1',
  status: 'scheduled',
  kind: 'meeting',
  startsAt: '2026-03-10T09:00:00.000Z',
  durationMinutes: 45,
  sequence: 0,
  format: 'in-person',
  location: 'Room 4, floor 2; east wing — bring the draft\nand coffee ' + 'x'.repeat(80),
};

describe('iCalendar feed', () => {
  it('parses with an independent RFC 5545 parser, text and long lines intact', () => {
    const text = renderCalendar('Mentoring', [session], new Date('2026-03-01T00:00:00.000Z'));
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT in the feed');
    const parsed = new ICAL.Event(vevent);
    expect(parsed.uid).toBe('s-1@sessions.tandem');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2026-03-10T09:45:00.000Z');
    expect(parsed.location).toBe(session.location);
    expect(parsed.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('shows a rescheduled or cancelled session under the same UID with a higher SEQUENCE', () => {
    const text = renderCalendar('Mentoring', [{ ...session, status: 'cancelled', sequence: 2 }], new Date());
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
    expect(vevent?.getFirstPropertyValue('uid')).toBe('s-1@sessions.tandem');
    expect(vevent?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent?.getFirstPropertyValue('sequence')).toBe(2);
  });
});
