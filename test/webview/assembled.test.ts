// The Assembled view: each known LLM format's reply drawn beside the table, tool calls, thinking apart, stop reason,
// usage, errors and timing; rows showing the delta; a JSON path for other streams; and untrusted text kept inert.

import { strict as assert } from 'node:assert';
import { createParser } from 'eventsource-parser';
import type { EventRecord } from '../../src/shared/record';
import { formatName, usageText } from '../../src/shared/llm/replyText';
import { ALL_FIXTURES, ANTHROPIC, OPENAI_CHAT, type LlmFixture } from '../unit/support/llmFixtures';
import { withInspector, type InspectorPage } from './harness';
import { RecordMaker } from './records';
import { READ_RENDERED_REPLY, replyTextOf, type RenderedReply } from './renderedReply';

/** The fixture's body read by the real SSE parser into event records, as the engine would make them. */
function fixtureEvents(maker: RecordMaker, fixture: LlmFixture): EventRecord[] {
  const events: EventRecord[] = [];
  const parser = createParser({ onEvent: (event) => events.push(maker.event(event.event ?? 'message', event.data, { afterMs: 20 })) });
  for (const block of fixture.blocks) parser.feed(block);
  return events;
}

async function shownReply(inspector: InspectorPage): Promise<RenderedReply> {
  await inspector.settle();
  const reply = (await inspector.page.evaluate(READ_RENDERED_REPLY)) as RenderedReply | null;
  if (reply === null) throw new Error('no Assembled view in the page');
  return reply;
}

describe('webview Assembled view', () => {
  for (const fixture of ALL_FIXTURES) {
    it(`shows the reply of ${fixture.name} beside the table, with its stop reason, usage and error`, async () => {
      const maker = new RecordMaker();
      const records = [maker.open(), ...fixtureEvents(maker, fixture)];
      await withInspector({ state: { records } }, async (inspector) => {
        const reply = await shownReply(inspector);
        assert.equal(reply.hidden, false, 'a recognized stream opens the view by itself');
        assert.equal(reply.format, formatName(fixture.format));
        const texts = reply.blocks.filter((block) => block.kind === 'text').map((block) => block.text);
        // What --text prints on stdout, less its tool-call sections, is the text blocks one after another.
        assert.equal(texts.join('\n\n').trim(), replyTextOf(fixture.stdout));
        const thinking = reply.blocks.filter((block) => block.kind === 'thinking');
        assert.equal(thinking.map((block) => block.text).join(''), fixture.thinking ?? '');
        for (const block of thinking) assert.equal(block.label, 'Thinking');
        assert.equal(reply.error, fixture.error === undefined ? null : `Error: ${fixture.error}`);
        assert.equal(reply.facts['Stop reason'], fixture.stopReason);
        assert.equal(reply.facts.Usage, fixture.usage === undefined ? undefined : usageText(fixture.usage));
        assert.match(reply.metrics, /headers 12 ms/, 'time to headers comes from the open record');
        assert.match(reply.metrics, /total \d+ ms/);
      });
    });
  }

  it('pretty-prints a tool call once its arguments are whole JSON, and names the tool and its id', async () => {
    const maker = new RecordMaker();
    const events = fixtureEvents(maker, OPENAI_CHAT);
    const toolStart = events.findIndex((event) => event.data.includes('get_weather'));
    await withInspector({ state: { records: [maker.open(), ...events.slice(0, toolStart + 2)] } }, async (inspector) => {
      let tool = (await shownReply(inspector)).blocks.find((block) => block.kind === 'tool');
      assert.equal(tool?.incomplete, true, 'arguments still arriving');
      assert.equal(tool?.text, '{"lo');
      assert.match(tool?.label ?? '', /^Tool call get_weather · id call_DdmO9L4j \(arguments still arriving\)$/);
      await inspector.deliver({ type: 'records', records: events.slice(toolStart + 2), dropped: 0 });
      tool = (await shownReply(inspector)).blocks.find((block) => block.kind === 'tool');
      assert.equal(tool?.incomplete, false);
      assert.equal(tool?.label, 'Tool call get_weather · id call_DdmO9L4j');
      assert.equal(tool?.text, '{\n  "location": "Paris, France",\n  "unit": "celsius"\n}');
    });
  });

  it('grows the reply live as records arrive, and shows first token, deltas and gaps', async () => {
    const maker = new RecordMaker();
    const events = fixtureEvents(maker, ANTHROPIC);
    await withInspector({ state: { records: [maker.open()] } }, async (inspector) => {
      const before = await shownReply(inspector);
      assert.equal(before.hidden, true, 'nothing recognized yet: the table keeps the whole width');
      await inspector.deliver({ type: 'records', records: events.slice(0, 9), dropped: 0 });
      const partial = await shownReply(inspector);
      assert.equal(partial.hidden, false);
      assert.deepEqual(
        partial.blocks.map((block) => [block.kind, block.text]),
        [
          ['thinking', 'I need the weather in Paris.'],
          ['text', 'Okay,'],
        ],
      );
      await inspector.deliver({ type: 'records', records: events.slice(9), dropped: 0 });
      const whole = await shownReply(inspector);
      assert.equal(whole.blocks[1].text, 'Okay, let me check — un instant.');
      assert.match(whole.metrics, /first token \d+ ms · \d+ deltas, [\d.]+\/s · gaps median \d+ ms, p95 \d+ ms, max \d+ ms/);
    });
  });

  it('shows each LLM row as the text it added, not the first bytes of its JSON', async () => {
    const maker = new RecordMaker();
    await withInspector({ state: { records: [maker.open(), ...fixtureEvents(maker, OPENAI_CHAT)] } }, async (inspector) => {
      await inspector.scrollToTop();
      const data = await inspector.visibleData();
      assert.ok(data.includes('"Let me"'), `rows: ${data.slice(0, 6).join(' | ')}`);
      assert.ok(data.includes('stop tool_calls'));
      assert.ok(data.includes('[DONE]'));
      assert.ok(!data.some((text) => text.includes('chat.completion.chunk')), 'no row shows the chunk JSON');
    });
  });

  it('stays out of the way of a stream in no known format, and assembles one from a JSON path the user gives', async () => {
    const maker = new RecordMaker();
    const records = [maker.open(), ...['The', ' quick', ' fox'].map((text) => maker.event('token', JSON.stringify({ token: { text } })))];
    await withInspector({ state: { records } }, async (inspector) => {
      assert.equal((await shownReply(inspector)).hidden, true);
      await inspector.page.getByRole('button', { name: 'Assembled' }).click();
      const opened = await shownReply(inspector);
      assert.equal(opened.hidden, false, 'the toolbar button opens it');
      assert.match(opened.empty ?? '', /No LLM stream recognized/);
      const path = inspector.page.getByRole('textbox', { name: 'JSON path of the reply text' });
      await path.fill('$.token[');
      await path.press('Enter');
      await inspector.page.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor();
      assert.equal(await path.getAttribute('aria-invalid'), 'true', 'a path that does not parse is flagged');
      await path.fill('$.token.text');
      await path.press('Enter');
      const reply = await shownReply(inspector);
      assert.equal(reply.format, 'JSON path');
      assert.deepEqual(
        reply.blocks.map((block) => block.text),
        ['The quick fox'],
      );
      await inspector.deliver({
        type: 'records',
        records: [maker.event('token', JSON.stringify({ token: { text: ' jumps' } }))],
        dropped: 0,
      });
      assert.equal((await shownReply(inspector)).blocks[0].text, 'The quick fox jumps', 'later events follow the path too');
      await inspector.page.getByRole('button', { name: 'Close the Assembled view' }).click();
      assert.equal((await shownReply(inspector)).hidden, true);
    });
  });

  it('draws markup and control characters in a reply as inert, visible text', async () => {
    const maker = new RecordMaker();
    const payload = '<img src=x onerror="window.__pwned=1">\u202e';
    const chunk = { object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: payload }, finish_reason: null }] };
    await withInspector({ state: { records: [maker.open(), maker.event('message', JSON.stringify(chunk))] } }, async (inspector) => {
      const reply = await shownReply(inspector);
      assert.equal(reply.blocks[0].text, '<img src=x onerror="window.__pwned=1">\\u202e');
      assert.equal(await inspector.page.locator('section.reply img').count(), 0);
      assert.equal(await inspector.page.evaluate(() => window.__pwned), undefined);
    });
  });
});
