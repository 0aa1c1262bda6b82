// The record table's scroll parts without a DOM: the geometry scaled past the browser's height cap, which rows a scroll
// position shows and where to scroll to show one, the keys' target rows, and following, pausing and the unseen count.

import { strict as assert } from 'node:assert';
import { pageRows, ROW_HEIGHT, rowsInView, scrollTopShowing, tableGeometry } from '../../media/tableGeometry';
import { keyTarget } from '../../media/tableKeys';
import { TableFollow } from '../../media/tableFollow';

describe('table geometry', () => {
  it('is unscaled while the rows fit under the height cap', () => {
    const geometry = tableGeometry(100, 10 * ROW_HEIGHT);
    assert.deepEqual(geometry, { rows: 100, spacerHeight: 100 * ROW_HEIGHT, viewHeight: 220, maxScrollTop: 90 * ROW_HEIGHT, scale: 1 });
    const view = rowsInView(geometry, 20 * ROW_HEIGHT);
    assert.deepEqual(view, { virtualTop: 20 * ROW_HEIGHT, firstVisible: 20, lastVisible: 29, drawn: { from: 12, to: 38 } });
  });

  it('scales the scroll range of a million rows so the bottom of the range shows the last row', () => {
    const geometry = tableGeometry(1_000_000, 10 * ROW_HEIGHT);
    assert.equal(geometry.spacerHeight, 8_000_000);
    assert.ok(geometry.scale > 1);
    const view = rowsInView(geometry, geometry.maxScrollTop);
    assert.equal(view.lastVisible, 999_999);
    assert.equal(view.drawn.to, 1_000_000);
  });

  it('scrolls just far enough to show a row above or below the view, and not at all for a row in it', () => {
    const geometry = tableGeometry(100, 10 * ROW_HEIGHT);
    const top = 20 * ROW_HEIGHT;
    assert.equal(scrollTopShowing(geometry, 25, top), undefined);
    assert.equal(scrollTopShowing(geometry, 5, top), 5 * ROW_HEIGHT);
    assert.equal(scrollTopShowing(geometry, 40, top), 31 * ROW_HEIGHT);
    assert.equal(pageRows(10 * ROW_HEIGHT), 9);
    assert.equal(pageRows(0), 1);
  });
});

describe('table keys', () => {
  const rows = { rows: 50, firstVisible: 10, lastVisible: 19, page: 9 };

  it('starts from the view without a selection and moves from the selected row with one', () => {
    assert.equal(keyTarget('ArrowDown', { ...rows, current: -1 }), 10);
    assert.equal(keyTarget('ArrowUp', { ...rows, current: -1 }), 19);
    assert.equal(keyTarget('PageDown', { ...rows, current: 30 }), 39);
    assert.equal(keyTarget('PageUp', { ...rows, current: 30 }), 21);
  });

  it('stays within the table and ignores keys that do not move the selection', () => {
    assert.equal(keyTarget('ArrowUp', { ...rows, current: 0 }), 0);
    assert.equal(keyTarget('PageDown', { ...rows, current: 45 }), 49);
    assert.equal(keyTarget('Home', { ...rows, current: 30 }), 0);
    assert.equal(keyTarget('End', { ...rows, current: 30 }), 49);
    assert.equal(keyTarget('Enter', { ...rows, current: 30 }), undefined);
    assert.equal(keyTarget('a', { ...rows, current: 30 }), undefined);
  });
});

describe('table following and pausing', () => {
  it('counts the rows added while not following, and forgets them on following again', () => {
    const follow = new TableFollow();
    follow.rowsChanged({ added: 5, removed: 0 });
    assert.equal(follow.unseen, 0);
    follow.stop();
    follow.rowsChanged({ added: 5, removed: 2 });
    assert.equal(follow.unseen, 5);
    follow.followAgain();
    assert.equal(follow.unseen, 0);
    assert.ok(follow.following);
  });

  it('keeps a paused table on the rows it had, less those dropped, and counts the rest as unseen on resuming', () => {
    const follow = new TableFollow();
    follow.stop();
    assert.ok(follow.setPaused(true, 10));
    assert.ok(!follow.setPaused(true, 10));
    follow.rowsChanged({ added: 4, removed: 3 });
    assert.equal(follow.shownRows(11), 7);
    assert.ok(follow.setPaused(false, 11));
    assert.equal(follow.unseen, 4);
    assert.equal(follow.shownRows(11), 11);
  });
});
