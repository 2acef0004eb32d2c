// "Why this price": renders the explanation that POST /api/v1/prices/resolve
// returns with every line (docs/pricing.md, "The explanation").
import {h} from './dom.js';
import {scaled, unscaled} from './qty.js';

const STATUS_TEXT = {
  priced: 'prices the line',
  not_consulted: 'not consulted: an earlier list already priced the line',
  list_not_valid: 'the list is not valid on that date',
  no_entry: 'has no price for this item in this unit',
  not_valid_on_date: 'its prices are not valid on that date',
  below_min_qty: 'the quantity is below its smallest tier',
  no_rule: 'no rule matches the item',
  no_source_price: 'its source list has no price',
  no_cost: 'the item has no cost',
  out_of_range: 'the computed price is out of range',
};

const REASON_TEXT = {
  first_with_price: 'the first list in the chain with a price',
  only_price: 'the only list with a price',
  lowest: 'the lowest price of the chain',
  lowest_tied_earlier: 'the lowest price (tied; the earlier list wins)',
};

function candidatesOf(explanation) {
  return explanation.candidates || explanation.lists || explanation.chain || [];
}

function chosenListId(explanation) {
  if (explanation.chosen_list_id || explanation.list_id) return explanation.chosen_list_id || explanation.list_id;
  const candidates = candidatesOf(explanation);
  const index = explanation.winner ?? explanation.chosen ?? explanation.winner_index;
  if (typeof index === 'number' && candidates[index]) return candidates[index].list_id;
  if (typeof index === 'string') return index;
  const priced = candidates.find((c) => c.status === 'priced' || c.chosen);
  return priced ? priced.list_id : '';
}

/** The next cheaper tier: {quantity, unit_price, list_id} or null. */
export function nextTierOf(explanation) {
  if (!explanation) return null;
  const next = explanation.next_tier || explanation.nextTier;
  if (!next || next.quantity === undefined || next.quantity === null) return null;
  return next;
}

/** "Add 12 to reach the next tier: 0.1100 each" for a line, or ''. */
export function nextTierHint(line) {
  const next = nextTierOf(line.explanation);
  if (!next) return '';
  const have = scaled(line.quantity);
  const want = scaled(next.quantity);
  if (have === null || want === null || want <= have) return '';
  const price = next.unit_price ? ` at ${next.unit_price} per ${line.uom}` : '';
  return `Add ${unscaled(want - have)} ${line.uom} to reach the next tier (${next.quantity} ${line.uom})${price}`;
}

function candidateRow(candidate, chosen) {
  const status = STATUS_TEXT[candidate.status] || candidate.status || '';
  const tier = candidate.min_qty !== undefined && candidate.status === 'priced'
    ? ` (tier from ${candidate.min_qty} ${candidate.tier_uom || candidate.uom || ''}` +
      `${candidate.tier_list_id && candidate.tier_list_id !== candidate.list_id ? ' of ' + candidate.tier_list_id : ''})`
    : '';
  const rule = candidate.rule ? ` — rule: ${typeof candidate.rule === 'string' ? candidate.rule : describeRule(candidate.rule)}` : '';
  return h('li', {class: candidate.list_id === chosen ? 'chosen' : ''},
    h('strong', {}, candidate.list_id || '?'), ': ',
    candidate.unit_price && candidate.status === 'priced' ? `${candidate.unit_price} — ` : '',
    status, tier, rule,
    candidate.list_id === chosen ? h('span', {class: 'badge'}, 'chosen') : null);
}

function describeRule(rule) {
  const parts = [rule.kind || rule.type, rule.percent !== undefined ? `${rule.percent} %` : '',
    rule.scope ? `on ${rule.scope}` : '', rule.value ? `"${rule.value}"` : ''];
  return parts.filter(Boolean).join(' ');
}

/**
 * A <details> "Why this price?" panel for one resolved line. Works with whatever
 * subset of the explanation the server sends: the text rendering, the candidates,
 * the reason and the next tier.
 */
export function explanationPanel(line, currency) {
  const explanation = line.explanation || {};
  const candidates = candidatesOf(explanation);
  const chosen = chosenListId(explanation);
  const text = explanation.text || explanation.summary || explanation.description || explanation.describe;
  const reason = REASON_TEXT[explanation.reason] || explanation.reason;
  const next = nextTierOf(explanation);
  return h('details', {class: 'explain'},
    h('summary', {}, 'Why this price?'),
    h('div', {class: 'explain-body'},
      text ? h('p', {}, text) : null,
      candidates.length ? h('ol', {class: 'chain', 'aria-label': 'Price lists of the chain'},
        candidates.map((c) => candidateRow(c, chosen))) : null,
      chosen ? h('p', {}, `Chosen: ${chosen}${reason ? ` — ${reason}` : ''}${explanation.strategy ? ` (strategy ${explanation.strategy})` : ''}.`) : null,
      line.unit_price ? h('p', {}, `Extended: ${line.quantity} × ${line.unit_price} = ${line.extended} ${currency || ''}`) : null,
      next ? h('p', {class: 'next-tier'}, `Next tier: from ${next.quantity} ${line.uom}` +
        `${next.unit_price ? ` at ${next.unit_price} each` : ''}${next.list_id ? ` (${next.list_id})` : ''}.`) : null));
}
