import { parseState, serializeState, type AppState } from './url-state';
import { formatPosition, parsePosition, samePosition, type MapPosition } from './map-position';
import { historyStep } from './history-step';

/**
 * The URL is the state: a reload or a shared link restores it, the map position (#zoom/lat/lon)
 * included. Each change of state is a history entry; moving the map updates the current one, and
 * Back/Forward restore both (history-step.ts says which is which).
 */
export class UrlSync {
  /** The app's state; a proxy that keeps its identity (Back/Forward assign into it). */
  ui: AppState = $state(parseState(location.search));
  /** Where the map is; null until it has moved or a link gave one. */
  position = $state.raw<MapPosition | null>(parsePosition(location.hash));
  /** Where the map must jump (Back/Forward); a new object jumps again. */
  jumpTo = $state.raw<MapPosition | null>(null);
  /** The position the page was opened with (the map starts there). */
  readonly linkedView = parsePosition(location.hash);
  /** The next write is the app correcting the state, not a user step: replace, never push. */
  #correcting = true; // the first write normalises the link the page was opened with

  /** Change the state as a correction (a link naming an unknown measure, a place of the other level). */
  correct(change: (ui: AppState) => void): void {
    this.#correcting = true;
    change(this.ui);
  }

  /** The map moved (a new position only when it differs at the precision a link carries). */
  moved(p: MapPosition): void {
    if (!samePosition(p, this.position)) this.position = p;
  }

  /** Keep the URL and history in step with the state; call once from a component (effects). */
  connect(): void {
    $effect(() => {
      const next = { search: serializeState(this.ui), hash: this.position ? formatPosition(this.position) : '' };
      const step = historyStep({ search: location.search, hash: location.hash }, next, !this.#correcting);
      this.#correcting = false;
      if (step) history[step === 'push' ? 'pushState' : 'replaceState'](null, '', `${location.pathname}${next.search}${next.hash}`);
    });
    $effect(() => {
      const onpop = () => {
        Object.assign(this.ui, parseState(location.search));
        const p = parsePosition(location.hash);
        if (p && !samePosition(p, this.position)) this.jumpTo = this.position = p;
      };
      window.addEventListener('popstate', onpop);
      return () => window.removeEventListener('popstate', onpop);
    });
  }
}
