const offsetPattern = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/;

/** Remembered offsets per zone and instant: explaining 10⁴ pairs asks for the same few again and again. */
const remembered = new Map<string, number | null>();
/** Past this many entries (zones are profile text) the memory starts over rather than grow. */
const rememberedAtMost = 4096;

/**
 * The zone's offset from UTC in minutes at an instant (so daylight saving time counts), or null
 * when the zone is not a known IANA name. Unknown zones are not an error: one bad profile must not
 * stop a whole match run, so scoring explains them instead (see README, "Scoring").
 */
export function timezoneOffsetMinutes(zone: string, at: Date): number | null {
  const key = `${zone}\u0000${at.getTime()}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const offset = computedOffsetMinutes(zone, at);
  if (remembered.size >= rememberedAtMost) remembered.clear();
  remembered.set(key, offset);
  return offset;
}

function computedOffsetMinutes(zone: string, at: Date): number | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone.trim(), timeZoneName: 'longOffset' });
  } catch {
    return null;
  }
  const name = format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = offsetPattern.exec(name);
  if (!match) return null;
  const [, sign, hours, minutes] = match;
  if (sign === undefined) return 0;
  const magnitude = Number(hours) * 60 + Number(minutes);
  return sign === '-' ? -magnitude : magnitude;
}

/** "UTC+05:30", "UTC-04:00", "UTC+00:00". */
export function formatOffset(minutes: number): string {
  const magnitude = Math.abs(minutes);
  const hours = String(Math.floor(magnitude / 60)).padStart(2, '0');
  const rest = String(magnitude % 60).padStart(2, '0');
  return `UTC${minutes < 0 ? '-' : '+'}${hours}:${rest}`;
}

/** "6h", "5.5h". */
export function formatHours(minutes: number): string {
  return `${Math.round((minutes / 60) * 100) / 100}h`;
}
