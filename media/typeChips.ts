// The chips that show or hide rows by type: one per seen type (message, each custom name, error, lifecycle).

import type { SseRecord } from '../src/shared/record';
import { visibleLine } from '../src/shared/visibleText';
import type { BadgeKind } from './recordText';
import { badgeKind } from './recordText';

export interface Chip {
  key: string;
  label: string;
  badge: BadgeKind;
}

/** A server inventing endless event names must not flood the toolbar: later names share one chip. */
const MAX_CUSTOM_CHIPS = 30;
const OTHER_CUSTOM_KEY = 'event*';

/** The chips of kinds, not names: open, reconnect and closed each have their own, so each can be hidden alone. */
type FixedKey = 'message' | 'error' | 'open' | 'reconnect' | 'closed';

const FIXED_CHIPS: Record<FixedKey, Chip> = {
  message: { key: 'message', label: 'message', badge: 'message' },
  error: { key: 'error', label: 'error', badge: 'error' },
  open: { key: 'open', label: 'open', badge: 'lifecycle' },
  reconnect: { key: 'reconnect', label: 'reconnect', badge: 'lifecycle' },
  closed: { key: 'closed', label: 'closed', badge: 'lifecycle' },
};

/** The chip key of a record that is not a custom event or a dim row. */
function fixedKey(record: SseRecord, badge: 'message' | 'error' | 'lifecycle'): FixedKey | undefined {
  if (badge !== 'lifecycle') return badge;
  return record.kind === 'open' || record.kind === 'reconnect' || record.kind === 'closed' ? record.kind : undefined;
}

export class TypeChips {
  private readonly seenFixed = new Set<FixedKey>();
  /** Custom event type → its chip, in the order first seen. */
  private readonly custom = new Map<string, Chip>();
  private otherCustomSeen = false;

  /** The chip a record belongs to; undefined for comment and retry rows, which have their own toggle. */
  keyOf(record: SseRecord): string | undefined {
    const badge = badgeKind(record);
    switch (badge) {
      case 'custom':
        return record.kind === 'event' ? (this.custom.get(record.type)?.key ?? OTHER_CUSTOM_KEY) : undefined;
      case 'dim':
        return undefined;
      default:
        return fixedKey(record, badge);
    }
  }

  /** Notes a record's type; returns true when that adds a chip. */
  observe(record: SseRecord): boolean {
    const badge = badgeKind(record);
    if (badge === 'dim') return false;
    if (badge !== 'custom') {
      const key = fixedKey(record, badge);
      if (key === undefined || this.seenFixed.has(key)) return false;
      this.seenFixed.add(key);
      return true;
    }
    if (record.kind !== 'event' || this.custom.has(record.type)) return false;
    if (this.custom.size < MAX_CUSTOM_CHIPS) {
      this.custom.set(record.type, { key: `event:${record.type}`, label: visibleLine(record.type), badge: 'custom' });
      return true;
    }
    if (this.otherCustomSeen) return false;
    this.otherCustomSeen = true;
    return true;
  }

  /** The chips in toolbar order: message, custom names, other custom, error, open, reconnect, closed. */
  list(): Chip[] {
    const chips: Chip[] = [];
    if (this.seenFixed.has('message')) chips.push(FIXED_CHIPS.message);
    chips.push(...this.custom.values());
    if (this.otherCustomSeen) chips.push({ key: OTHER_CUSTOM_KEY, label: 'other events', badge: 'custom' });
    if (this.seenFixed.has('error')) chips.push(FIXED_CHIPS.error);
    for (const key of ['open', 'reconnect', 'closed'] as const) if (this.seenFixed.has(key)) chips.push(FIXED_CHIPS[key]);
    return chips;
  }

  reset(): void {
    this.seenFixed.clear();
    this.custom.clear();
    this.otherCustomSeen = false;
  }
}
