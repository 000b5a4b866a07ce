/** A box on screen, in pixels from the map container's top-left corner. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const overlaps = (a: Rect, b: Rect, gap = 0): boolean => a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;

const within = (r: Rect, bounds: Rect): boolean => r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w && r.y + r.h <= bounds.y + bounds.h;

/**
 * Boxes of size w×h that all keep the anchor point inside them (so a label
 * never leaves the place it names): centred first, then hanging below, above,
 * right and left of the point, then from the four diagonals, with `inset`
 * pixels of the box around the point.
 */
export function candidateBoxes(anchor: { x: number; y: number }, size: { w: number; h: number }, inset = 1): Rect[] {
  const { x, y } = anchor;
  const { w, h } = size;
  const [left, midX, right] = [x - w + inset, x - w / 2, x - inset];
  const [top, midY, bottom] = [y - h + inset, y - h / 2, y - inset];
  return [
    [midX, midY],
    [midX, bottom],
    [midX, top],
    [right, midY],
    [left, midY],
    [right, bottom],
    [left, bottom],
    [right, top],
    [left, top],
  ].map(([bx, by]) => ({ x: bx!, y: by!, w, h }));
}

export interface LabelCandidate {
  /** The point the label names; every box of `boxes` contains it. */
  anchor: { x: number; y: number };
  boxes: Rect[];
}

const contains = (r: Rect, p: { x: number; y: number }, pad: number) => p.x >= r.x - pad && p.x <= r.x + r.w + pad && p.y >= r.y - pad && p.y <= r.y + r.h + pad;

/**
 * Greedy decluttering, in the order given (most important first): each label
 * takes the first of its boxes that lies inside `bounds` and clear of every box
 * already taken (`gap` pixels apart) — preferring boxes that leave the other
 * labels' points uncovered, so they can still be placed — or null when none is
 * free: it is then not drawn rather than pushed off its place. `taken` is
 * extended in place.
 */
export function placeBoxes(labels: readonly LabelCandidate[], bounds: Rect, taken: Rect[] = [], gap = 1): (Rect | null)[] {
  return labels.map((label, i) => {
    const free = label.boxes.filter((b) => within(b, bounds) && !taken.some((t) => overlaps(t, b, gap)));
    const clean = free.find((b) => !labels.some((other, j) => j !== i && contains(b, other.anchor, gap)));
    const box = clean ?? free[0] ?? null;
    if (box) taken.push(box);
    return box;
  });
}
