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

const FIXED_CHIPS: Record<'message' | 'error' | 'lifecycle', Chip> = {
  message: { key: 'message', label: 'message', badge: 'message' },
  error: { key: 'error', label: 'error', badge: 'error' },
  lifecycle: { key: 'lifecycle', label: 'open · reconnect · closed', badge: 'lifecycle' },
};

export class TypeChips {
  private readonly seenFixed = new Set<keyof typeof FIXED_CHIPS>();
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
        return badge;
    }
  }

  /** Notes a record's type; returns true when that adds a chip. */
  observe(record: SseRecord): boolean {
    const badge = badgeKind(record);
    if (badge === 'dim') return false;
    if (badge !== 'custom') {
      if (this.seenFixed.has(badge)) return false;
      this.seenFixed.add(badge);
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

  /** The chips in toolbar order: message, custom names, other custom, error, lifecycle. */
  list(): Chip[] {
    const chips: Chip[] = [];
    if (this.seenFixed.has('message')) chips.push(FIXED_CHIPS.message);
    chips.push(...this.custom.values());
    if (this.otherCustomSeen) chips.push({ key: OTHER_CUSTOM_KEY, label: 'other events', badge: 'custom' });
    if (this.seenFixed.has('error')) chips.push(FIXED_CHIPS.error);
    if (this.seenFixed.has('lifecycle')) chips.push(FIXED_CHIPS.lifecycle);
    return chips;
  }

  reset(): void {
    this.seenFixed.clear();
    this.custom.clear();
    this.otherCustomSeen = false;
  }
}
