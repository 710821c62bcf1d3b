import { randomUUID } from 'node:crypto';
import { Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { z } from 'zod';
import { Clock } from '../infrastructure/clock';
import { documentId, ReadModels } from '../infrastructure/read-models';
import type { NoteView } from '../infrastructure/views';
import { SessionAccess } from '../sessions/session-access';
import { noteBody } from '../sessions/session-schemas';

const noteResponse = ({ noteId, sessionId, authorId, visibility, text, createdAt }: NoteView) => ({
  noteId,
  sessionId,
  authorId,
  visibility,
  text,
  createdAt,
});

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

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Param('sessionId') sessionId: string) {
    await this.access.visible(principal, sessionId);
    const notes = await this.readModels.forTenant(principal).notes.find({ sessionId }).toArray();
    const readable = notes.filter(
      (note) => note.visibility === 'shared' || note.authorId === principal.userId,
    );
    return { items: readable.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(noteResponse) };
  }

  /** Only the author deletes a note; to anyone else it does not exist. */
  @Delete(':noteId')
  @HttpCode(204)
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
