import { randomUUID } from 'node:crypto';
import { Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import {
  compareKeys,
  CurrentPrincipal,
  pageOf,
  paginate,
  Responds,
  RespondsWithoutBody,
  Roles,
  ValidatedBody,
  ValidatedQuery,
  type Principal,
} from '@tandem/auth';
import type { z } from 'zod';
import { Clock } from '../infrastructure/clock';
import { documentId, ReadModels } from '../infrastructure/read-models';
import { SessionAccess } from '../sessions/session-access';
import { listNotesQuery, noteBody } from '../sessions/session-schemas';
import { noteResponse, noteResponseSchema, type NoteResponse } from './note-response';

/**
 * Session notes: shared ones are read by everyone who sees the session, private ones by their
 * author only. Personal free text, so only in this collection (never in events), and deletable.
 */
@Controller('sessions/:sessionId/notes')
@Roles('program-admin', 'participant')
export class SessionNotesController {
  constructor(
    private readonly access: SessionAccess,
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Responds(noteResponseSchema, { description: 'The note as written' })
  async write(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId') sessionId: string,
    @ValidatedBody(noteBody) body: z.infer<typeof noteBody>,
  ) {
    const { session } = await this.access.visible(principal, sessionId);
    const noteId = randomUUID();
    const note = {
      _id: documentId(principal.tenantId, noteId),
      noteId,
      sessionId,
      relationshipId: session.relationshipId,
      authorId: principal.userId,
      visibility: body.visibility,
      text: body.text,
      createdAt: this.clock.now().toISOString(),
    };
    await this.readModels.forTenant(principal).notes.insertOne(note);
    return noteResponse({ ...note, tenantId: principal.tenantId });
  }

  /** The notes the caller may read, oldest first. */
  @Get()
  @Responds(pageOf(noteResponseSchema), { description: 'A page of notes, oldest first' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId') sessionId: string,
    @ValidatedQuery(listNotesQuery) query: z.output<typeof listNotesQuery>,
  ) {
    await this.access.visible(principal, sessionId);
    const notes = await this.readModels.forTenant(principal).notes.find({ sessionId }).toArray();
    const readable = notes
      .filter((note) => note.visibility === 'shared' || note.authorId === principal.userId)
      .map(noteResponse);
    const keyOf = (note: NoteResponse) => [note.createdAt, note.noteId];
    readable.sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    return paginate(readable, query, keyOf);
  }

  /** Only the author deletes a note; to anyone else it does not exist. */
  @Delete(':noteId')
  @HttpCode(204)
  @RespondsWithoutBody({ description: 'Deleted' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId') sessionId: string,
    @Param('noteId') noteId: string,
  ) {
    await this.access.visible(principal, sessionId);
    const deleted = await this.readModels.forTenant(principal).notes.deleteOne({
      _id: documentId(principal.tenantId, noteId),
      sessionId,
      authorId: principal.userId,
    });
    if (deleted.deletedCount !== 1) throw new NotFoundException('Note not found');
  }
}
