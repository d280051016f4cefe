/**
 * The fleet grid's rows, drawn outside React into a pool of DOM rows that are reused.
 *
 * Why not React: at 100,000 instances a search keystroke changes most of the ≈ 30 rows on screen, and
 * rendering and committing them as components (about 20 elements and a dozen props each) was the largest
 * part of a keystroke. Here a row is built once and afterwards only its text nodes and a few attributes
 * change, and only when their value differs. The grid's keyboard, sorting and ARIA stay in React
 * (fleet-table.tsx); this class only owns the `<tbody>`'s children.
 *
 * A row's slot is its index modulo the pool's size, so scrolling by one row rebinds one DOM row and a
 * new search rewrites text in place. Rows outside the window are detached (the DOM holds only the rows on
 * screen, in index order, as it did before), and kept for reuse.
 */
import { zoneLabel } from '../../../../shared/crs-zones';
import type { InstanceStatus } from '../../../../shared/domain';
import { chipIcons, instanceTone } from '../../components/common/status-chip';
import { catalogLanguage } from '../../i18n';
import { formatMb } from '../../lib/format';
import { projectName } from '../../lib/project-name';
import type { RowsView } from '../index/fleet-index';
import type { FleetRow } from '../rows/fleet-rows';

export interface RowLabels {
  none: string;
  status: Record<InstanceStatus, string>;
  /** Added to the status of a row the cloud listed incompletely. */
  incomplete: string;
  /** Shown instead of the placeholder id of a row the cloud listed without one. */
  missingId: string;
  /** The default project's name in the UI language. */
  defaultProject: string;
}

export interface PoolView {
  rows: RowsView;
  /** First and last row index to show (the window, with its overscan). */
  first: number;
  last: number;
  active: number;
  labels: RowLabels;
  lang: string;
  rowHeight: number;
}

/** Never fewer slots than this, so a window that grows by a row or two does not rebind every row. */
const MIN_SLOTS = 64;

/** The ten cells, in column order (sortKeys); the name cell and the status chip are special. */
const CELL_CLASSES = ['cell-name', 'mono', '', '', '', 'num', '', 'cell-tags', '', ''];
const NAME = 0;
const STATUS = 6;
const TAGS = 7;

interface PoolRow {
  tr: HTMLTableRowElement;
  texts: Text[];
  chip: HTMLSpanElement;
  chipIcon: Text;
  /** What the row shows now, so that an unchanged row costs a few comparisons. */
  row: FleetRow | undefined;
  index: number;
  active: boolean;
  labels: RowLabels | undefined;
  lang: string;
  values: string[];
  pass: number;
}

export class FleetRowPool {
  readonly #body: HTMLElement;
  readonly #onPick: (index: number, row: FleetRow) => void;
  readonly #byTr = new WeakMap<Element, PoolRow>();
  #slots: Array<PoolRow | undefined> = [];
  #pass = 0;

  constructor(body: HTMLElement, onPick: (index: number, row: FleetRow) => void) {
    this.#body = body;
    this.#onPick = onPick;
    body.addEventListener('click', this.#onClick);
  }

  dispose(): void {
    this.#body.removeEventListener('click', this.#onClick);
    for (const slot of this.#slots) slot?.tr.remove();
    this.#slots = [];
  }

  render(view: PoolView): void {
    const first = view.first;
    const last = Math.min(view.last, view.rows.length - 1);
    const size = Math.max(MIN_SLOTS, last - first + 1);
    if (size !== this.#slots.length) this.#resize(size);
    const pass = ++this.#pass;
    for (let index = first; index <= last; index++) {
      const row = view.rows.at(index);
      if (!row) continue;
      const slot = this.#slot(index % size);
      slot.pass = pass;
      this.#bind(slot, row, index, view);
    }
    // Detach the rows that left the window, then put the window's rows in index order in the DOM (assistive
    // technology reads them in that order); a scroll by one row moves nothing but the row that wrapped.
    for (const slot of this.#slots) if (slot && slot.pass !== pass && slot.tr.parentNode) slot.tr.remove();
    let expected = this.#body.firstChild;
    for (let index = first; index <= last; index++) {
      const slot = this.#slots[index % size];
      if (!slot || slot.pass !== pass) continue;
      if (slot.tr !== expected) this.#body.insertBefore(slot.tr, expected);
      else expected = expected.nextSibling;
    }
  }

  #resize(size: number): void {
    const kept = this.#slots.filter((slot): slot is PoolRow => slot !== undefined);
    this.#slots = new Array<PoolRow | undefined>(size);
    // Existing rows are reused for the first slots; their index no longer matches, so they rebind.
    kept.slice(0, size).forEach((slot, i) => {
      slot.index = -1;
      this.#slots[i] = slot;
    });
    for (const slot of kept.slice(size)) slot.tr.remove();
  }

  #slot(at: number): PoolRow {
    const existing = this.#slots[at];
    if (existing) return existing;
    const made = createRow();
    this.#byTr.set(made.tr, made);
    this.#slots[at] = made;
    return made;
  }

  #bind(slot: PoolRow, row: FleetRow, index: number, view: PoolView): void {
    const active = index === view.active;
    if (
      slot.row === row &&
      slot.index === index &&
      slot.active === active &&
      slot.labels === view.labels &&
      slot.lang === view.lang
    )
      return;
    const tr = slot.tr;
    const instance = row.instance;
    if (slot.row?.instance.id !== instance.id) tr.id = `fleet-row-${instance.id}`;
    if (slot.index !== index) {
      tr.setAttribute('aria-rowindex', String(index + 2));
      tr.style.top = `${index * view.rowHeight}px`;
    }
    if (slot.active !== active || slot.index === -1) {
      tr.setAttribute('aria-selected', String(active));
      tr.classList.toggle('is-active', active);
    }
    const values = cellValues(row, view.labels, view.lang);
    for (let c = 0; c < values.length; c++) {
      const value = values[c] as string;
      if (slot.values[c] === value) continue;
      (slot.texts[c] as Text).data = value;
      if (c === NAME) {
        tr.cells[NAME]?.setAttribute('title', instance.name);
        tr.cells[NAME]?.classList.toggle('muted', !instance.name);
      } else if (c === TAGS) tr.cells[TAGS]?.setAttribute('title', value);
    }
    // Only a row whose completeness differs from the slot's last one touches the DOM here.
    const missing = instance.incomplete;
    if ((slot.row?.instance.incomplete === undefined) !== (missing === undefined) || slot.index === -1) {
      tr.classList.toggle('is-incomplete', missing !== undefined);
    }
    const tone = instanceTone(instance.status);
    const chipClass = `chip chip-${tone}`;
    if (slot.chip.className !== chipClass) {
      slot.chip.className = chipClass;
      slot.chipIcon.data = chipIcons[tone];
    }
    slot.values = values;
    slot.row = row;
    slot.index = index;
    slot.active = active;
    slot.labels = view.labels;
    slot.lang = view.lang;
  }

  readonly #onClick = (event: MouseEvent): void => {
    const tr = (event.target as Element | null)?.closest?.('tr');
    const slot = tr ? this.#byTr.get(tr) : undefined;
    if (slot?.row && slot.index >= 0) this.#onPick(slot.index, slot.row);
  };
}

function cellValues(row: FleetRow, labels: RowLabels, lang: string): string[] {
  const i = row.instance;
  const missing = i.incomplete;
  return [
    i.name || labels.none,
    missing?.includes('InstanceId') || missing?.includes('redisId') ? labels.missingId : i.id,
    i.region,
    i.zoneId === undefined ? labels.none : zoneLabel(i.zoneId, catalogLanguage(lang)),
    i.engine,
    formatMb(i.sizeMb, lang),
    missing
      ? `${labels.status[i.status]} · ${labels.incomplete}: ${missing.join(', ')}`
      : labels.status[i.status],
    row.tagText,
    projectName(i, labels.defaultProject),
    row.environment || labels.none,
  ];
}

/** One row's elements, built once: a `<tr>` of ten cells, each holding one text node. */
function createRow(): PoolRow {
  const doc = document;
  const tr = doc.createElement('tr');
  tr.className = 'fleet-row';
  const texts: Text[] = [];
  let chip = doc.createElement('span');
  let chipIcon = doc.createTextNode('');
  CELL_CLASSES.forEach((cls, c) => {
    const td = doc.createElement('td');
    if (cls) td.className = cls;
    const text = doc.createTextNode('');
    texts.push(text);
    if (c === STATUS) {
      // The same markup as StatusChip: colour, icon and text together.
      chip = doc.createElement('span');
      const icon = doc.createElement('span');
      icon.className = 'chip-icon';
      icon.setAttribute('aria-hidden', 'true');
      chipIcon = doc.createTextNode('');
      icon.append(chipIcon);
      chip.append(icon, text);
      td.append(chip);
    } else td.append(text);
    tr.append(td);
  });
  return {
    tr,
    texts,
    chip,
    chipIcon,
    row: undefined,
    index: -1,
    active: false,
    labels: undefined,
    lang: '',
    values: [],
    pass: 0,
  };
}
