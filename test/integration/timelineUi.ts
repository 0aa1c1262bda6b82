// Runner-side step for the timeline strip in a panel's webview: sweep the pointer along a lane until the tooltip names
// the wanted record, click there, and read the row the table then selects and the details it shows.
import type { Frame } from 'playwright-core';

/** What the user saw: the tooltip clicked on, the selected row's # cell, the detail pane's title. */
export interface TimelinePick {
  tip: string;
  selectedSeq: string;
  detailTitle: string;
}

/** Heights (CSS px from the canvas top) of the lifecycle-mark lane and the event lane, as media/timelineDraw.ts lays them out. */
const LANE_Y = { marks: 8, events: 47 };
/** Finer than the pointer's reach for a mark (4 px for events), so the sweep cannot step over one. */
const STEP_PX = 3;

const READ_TIP = `(() => {
  const tip = document.querySelector('[role="tooltip"]');
  return tip && !tip.hidden ? tip.textContent : '';
})()`;

const READ_SELECTION = `(() => ({
  selectedSeq: document.querySelector('.table-body [role="row"][aria-selected="true"] .col-seq')?.textContent ?? '',
  detailTitle: (document.querySelector('section[aria-label="Record details"] .detail-title')?.textContent ?? '').trim(),
}))()`;

/** Moves the pointer along `lane` until the tooltip starts with `name`, clicks, and reports what got selected. */
export async function pickOnTimeline(frame: Frame, { name, lane }: { name: string; lane: keyof typeof LANE_Y }): Promise<TimelinePick> {
  const box = await frame.getByRole('img', { name: /^Timeline:/ }).boundingBox();
  if (!box) throw new Error('the timeline is not shown');
  const mouse = frame.page().mouse;
  const y = box.y + LANE_Y[lane];
  const seen = new Set<string>();
  for (let x = 1; x < box.width; x += STEP_PX) {
    await mouse.move(box.x + x, y);
    const tip = (await frame.evaluate(READ_TIP)) as string;
    if (tip) seen.add(tip);
    if (!tip.startsWith(name)) continue;
    await mouse.click(box.x + x, y);
    await frame.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    return { tip, ...((await frame.evaluate(READ_SELECTION)) as Omit<TimelinePick, 'tip'>) };
  }
  throw new Error(`no mark on the ${lane} lane is named "${name}…"; the tooltips seen: ${JSON.stringify([...seen])}`);
}
