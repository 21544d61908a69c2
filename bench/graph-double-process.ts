// The Graph API double in a process of its own, so that in the benchmark its work (it stands
// for Meta's servers) does not slow the load generator's clock. Talks to the parent over IPC:
// it reports its URL, and answers {type:'stats', from} with the sends it received since `from`.
import { createGraphDouble } from '../src/channels/graph-double/index.ts';

const double = createGraphDouble({
  accessToken: process.env.DOUBLE_TOKEN ?? '', phoneNumberId: process.env.DOUBLE_PHONE_ID ?? '', appSecret: process.env.DOUBLE_SECRET ?? '', statusDelays: false,
});
const url = await double.listen(0);
process.send!({ type: 'ready', url });
process.on('message', (m: { type: string; from?: number; webhookUrl?: string }) => {
  if (m.type === 'stats') {
    const records = double.sent.slice(m.from ?? 0);
    process.send!({ type: 'stats', total: double.sent.length, callbacks: records.map((r) => String(r.body.biz_opaque_callback_data ?? '')) });
  } else if (m.type === 'webhook') {
    double.setWebhookUrl(m.webhookUrl);
  }
});
