import { z } from 'zod';
import type { NoteView } from '../infrastructure/views';

export const noteResponseSchema = z
  .object({
    noteId: z.string().meta({ examples: ['9b2f4c1e-3d5a-4e6f-8a7b-1c2d3e4f5a6b'] }),
    sessionId: z.string().meta({ examples: ['5f0c2a8e-7f5d-4c1e-9a57-2f4a3b1c9d10'] }),
    authorId: z.string().meta({ examples: ['mentee-2b9c'] }),
    visibility: z
      .enum(['shared', 'private'])
      .describe('Shared: everyone who sees the session reads it; private: its author only')
      .meta({ examples: ['shared'] }),
    text: z.string(),
    createdAt: z.string().meta({ examples: ['2030-01-15T10:20:00.000Z'] }),
  })
  .describe('A note on a session');

export type NoteResponse = z.output<typeof noteResponseSchema>;

export const noteResponse = ({
  noteId,
  sessionId,
  authorId,
  visibility,
  text,
  createdAt,
}: NoteView): NoteResponse => ({ noteId, sessionId, authorId, visibility, text, createdAt });
