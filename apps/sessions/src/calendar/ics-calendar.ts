import type { SessionStatus } from '@tandem/sessions-domain';

export interface CalendarSession {
  readonly sessionId: string;
  readonly status: SessionStatus;
  readonly kind: 'meeting' | 'check-in';
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly sequence: number;
  readonly format?: string;
  readonly location?: string;
}

const CRLF = '\r\n';

/** 2026-03-10T09:00:00.000Z → 20260310T090000Z (RFC 5545 UTC date-time). */
const utc = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
const text = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** RFC 5545 3.1: lines longer than 75 octets are folded, continuation lines start with a space. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const statusOf = (status: SessionStatus) => (status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');

function event(session: CalendarSession, stamp: string): string[] {
  const summary = session.kind === 'check-in' ? 'Mentoring check-in' : 'Mentoring session';
  return [
    'BEGIN:VEVENT',
    // The UID stays for the session's life and SEQUENCE grows with every change, so subscribed
    // calendars update or cancel the same entry instead of adding a new one.
    `UID:${session.sessionId}@sessions.tandem`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${utc(session.startsAt)}`,
    `DURATION:PT${session.durationMinutes}M`,
    `SEQUENCE:${session.sequence}`,
    `STATUS:${statusOf(session.status)}`,
    `SUMMARY:${text(session.status === 'cancelled' ? `Cancelled: ${summary}` : summary)}`,
    ...(session.format ? [`DESCRIPTION:${text(`Format: ${session.format}`)}`] : []),
    ...(session.location ? [`LOCATION:${text(session.location)}`] : []),
    'END:VEVENT',
  ];
}

/** An iCalendar (RFC 5545) feed of sessions, for any calendar to subscribe to. */
export function renderCalendar(name: string, sessions: readonly CalendarSession[], now: Date): string {
  const stamp = utc(now.toISOString());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tandem//Sessions//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${text(name)}`,
    ...sessions.flatMap((session) => event(session, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}
