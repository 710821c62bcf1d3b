// A realistic organisation for the demo: departments, levels, locations with their time zones,
// languages and skills, names, e-mail addresses and job titles; people as CSV rows the participants
// import route takes (its directory columns name them on every screen).
import { seededRandom } from './seeded-random.mjs';

const departments = ['Engineering', 'Product', 'Sales', 'Customer Success', 'Finance', 'People', 'Marketing'];
const locations = [
  { name: 'Paris', timezone: 'Europe/Paris', languages: ['fr', 'en'] },
  { name: 'London', timezone: 'Europe/London', languages: ['en'] },
  { name: 'Berlin', timezone: 'Europe/Berlin', languages: ['de', 'en'] },
  { name: 'New York', timezone: 'America/New_York', languages: ['en', 'es'] },
  { name: 'Singapore', timezone: 'Asia/Singapore', languages: ['en', 'zh'] },
];
const givenNames = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Tim', 'Barbara', 'Dennis', 'Frances', 'Ken', 'Radia', 'Edsger', 'Hedy', 'Donald', 'Shafi', 'Niklaus', 'Sophie', 'Guido', 'Annie'];
const familyNames = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Berners-Lee', 'Liskov', 'Ritchie', 'Allen', 'Thompson', 'Perlman', 'Dijkstra', 'Lamarr', 'Knuth', 'Goldwasser', 'Wirth', 'Wilson', 'van Rossum', 'Easley', 'Kay', 'Lamport', 'Cerf'];
const ranks = ['Associate', 'Associate', 'Associate', 'Specialist', 'Senior specialist', 'Lead', 'Lead', 'Director'];
const skills = ['negotiation', 'public speaking', 'people management', 'system design', 'product discovery', 'forecasting', 'coaching', 'stakeholder management', 'data analysis', 'hiring'];

export function demoOrganisation({ seed = 7, people = 300 } = {}) {
  const random = seededRandom(seed);
  return Array.from({ length: people }, (_, i) => {
    const location = random.pick(locations);
    const level = random.int(1, 8);
    const department = random.pick(departments);
    // Names by position, not from the seeded stream: the rest of the demo stays as it was.
    const given = givenNames[i % givenNames.length];
    const family = familyNames[Math.floor(i / givenNames.length + i) % familyNames.length];
    return {
      userId: `u-${String(i + 1).padStart(4, '0')}`,
      displayName: `${given} ${family}`,
      email: `${given}.${family}.${i + 1}@acme.example`.toLowerCase().replace(/ /g, ''),
      jobTitle: `${ranks[level - 1]}, ${department}`,
      department,
      location: location.name,
      timezone: location.timezone,
      level,
      languages: random.some(location.languages, random.int(1, location.languages.length)),
      skillsOffered: level >= 4 ? random.some(skills, random.int(2, 4)) : [],
      skillsSought: level <= 5 ? random.some(skills, random.int(1, 3)) : [],
    };
  });
}

const csvCell = (value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** People as the CSV an HR export would be, with the role each takes in a program. */
export function participantsCsv(rows) {
  const header = 'userId,roles,capacity,department,location,timezone,level,languages,skillsOffered,skillsSought,displayName,email,jobTitle';
  const lines = rows.map((p) =>
    [p.userId, p.role, p.capacity ?? '', p.department, p.location, p.timezone, p.level, p.languages.join(';'), p.skillsOffered.join(';'), p.skillsSought.join(';'), p.displayName, p.email, p.jobTitle]
      .map((v) => csvCell(String(v)))
      .join(','),
  );
  return [header, ...lines].join('\n');
}
