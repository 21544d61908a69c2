// The baseline of the webhook benchmark: a bare node:http server that only reads the body,
// verifies X-Hub-Signature-256 and answers 200. Mitra's ingest is reported as a ratio of it.
import { createServer } from 'node:http';
import { verifySignature } from '../src/channels/whatsapp/index.ts';

const secret = process.env.WHATSAPP_APP_SECRET ?? '';
const port = Number(process.env.PORT ?? 0);
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const ok = verifySignature(Buffer.concat(chunks), req.headers['x-hub-signature-256'] as string | undefined, secret);
    res.writeHead(ok ? 200 : 403, { 'content-type': 'application/json' });
    res.end(ok ? '{"ok":true}' : '{"error":"bad signature"}');
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => {
  const a = server.address();
  console.log(`listening ${typeof a === 'object' && a ? a.port : port}`);
});
