/**
 * The prefix tree as a keyboard-navigable tree list with bars (WAI-ARIA tree pattern): one tab stop, arrow
 * keys move between visible rows, Right opens a prefix or enters it, Left closes it or goes to its parent,
 * Enter or Space toggles, Home and End jump. Each row says its keys, bytes and share in text; the bar repeats
 * the share for the eye.
 */
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatNumber } from '../../lib/format';

export interface PrefixNode {
  /** The whole prefix from the root (`user:42:`), unique in the tree. */
  id: string;
  /** What this level adds (`42:`), or the “other prefixes” bucket's label. */
  label: string;
  keys: number;
  bytes: number;
  children: readonly PrefixNode[];
}

interface Row {
  node: PrefixNode;
  level: number;
  parent: string | undefined;
  posinset: number;
  setsize: number;
}

/** The rows a reader can see: every root, and the children of open nodes, depth first. */
export function visibleRows(roots: readonly PrefixNode[], open: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  const walk = (nodes: readonly PrefixNode[], level: number, parent: string | undefined) => {
    nodes.forEach((node, i) => {
      rows.push({ node, level, parent, posinset: i + 1, setsize: nodes.length });
      if (open.has(node.id) && node.children.length > 0) walk(node.children, level + 1, node.id);
    });
  };
  walk(roots, 1, undefined);
  return rows;
}

export function PrefixTree({
  roots,
  totalBytes,
  label,
}: {
  roots: readonly PrefixNode[];
  /** The whole backup's bytes: each share is of this. */
  totalBytes: number;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [active, setActive] = useState<string | undefined>(roots[0]?.id);
  const items = useRef(new Map<string, HTMLDivElement>());
  const rows = useMemo(() => visibleRows(roots, open), [roots, open]);
  const current = rows.find((r) => r.node.id === active) ?? rows[0];
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });

  const focus = (id: string | undefined) => {
    if (!id) return;
    setActive(id);
    items.current.get(id)?.focus();
  };
  const toggle = (id: string, to?: boolean) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (to ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!current) return;
    const index = rows.indexOf(current);
    const { node } = current;
    const expandable = node.children.length > 0;
    const isOpen = open.has(node.id);
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    switch (e.key) {
      case 'ArrowDown':
        handled();
        return focus(rows[index + 1]?.node.id);
      case 'ArrowUp':
        handled();
        return focus(rows[index - 1]?.node.id);
      case 'Home':
        handled();
        return focus(rows[0]?.node.id);
      case 'End':
        handled();
        return focus(rows.at(-1)?.node.id);
      case 'ArrowRight':
        handled();
        if (!expandable) return;
        if (isOpen) return focus(node.children[0]?.id);
        return toggle(node.id, true);
      case 'ArrowLeft':
        handled();
        if (expandable && isOpen) return toggle(node.id, false);
        return focus(current.parent);
      case 'Enter':
      case ' ':
        handled();
        if (expandable) toggle(node.id);
        return;
    }
  };

  return (
    <div className="prefix-tree" role="tree" aria-label={label} onKeyDown={onKeyDown}>
      {rows.map((row) => {
        const { node } = row;
        const expandable = node.children.length > 0;
        const share = totalBytes > 0 ? node.bytes / totalBytes : 0;
        const text = `${formatNumber(node.keys, lang)} · ${formatBytes(node.bytes, lang)} · ${t('report.prefixShare', { share: percent.format(share) })}`;
        return (
          // Keys are handled once for the whole tree (roving focus), not per row.
          // biome-ignore lint/a11y/useKeyWithClickEvents: the tree's onKeyDown serves every row.
          <div
            key={node.id}
            ref={(el) => {
              if (el) items.current.set(node.id, el);
              else items.current.delete(node.id);
            }}
            role="treeitem"
            aria-level={row.level}
            aria-posinset={row.posinset}
            aria-setsize={row.setsize}
            aria-expanded={expandable ? open.has(node.id) : undefined}
            aria-selected={node.id === current?.node.id}
            tabIndex={node.id === current?.node.id ? 0 : -1}
            className="prefix-row"
            style={{ paddingInlineStart: `${(row.level - 1) * 18 + 4}px` }}
            onClick={() => {
              setActive(node.id);
              if (expandable) toggle(node.id);
            }}
          >
            <span className="prefix-twisty" aria-hidden="true">
              {expandable ? (open.has(node.id) ? '▾' : '▸') : ''}
            </span>
            <span className="prefix-label mono">{node.label}</span>
            <span className="prefix-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(share * 1000) / 10}%` }} />
            </span>
            <span className="prefix-figures small">{text}</span>
          </div>
        );
      })}
    </div>
  );
}
