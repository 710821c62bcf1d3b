import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE, problem } from './problem-details';

/** Node's parser errors that have their own status; any other unparsable request is a 400. */
const ANSWER_OF_CODE: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers-too-large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request-timeout'],
};

/**
 * A request Node cannot parse (headers over its 16 KiB limit, a malformed request line) never reaches
 * Express; Node answers it with a bare status and no body. This answers it as every other error is
 * answered: problem details, so a client (and the documented contract) sees one error shape.
 */
export function answerClientErrorsAsProblems(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    const [status, code] = ANSWER_OF_CODE[error.code ?? ''] ?? [400, 'malformed-request'];
    const detail = status === 431 ? 'The request line and headers exceed 16 KiB' : 'The request could not be read';
    const body = JSON.stringify(problem(status, code, detail, '/'));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
