// What the map page shows, kept while other pages are open: the focus, if any, and
// whether the whole map is drawn as groups or node by node (null until the page has
// measured whether every node fits readably).
import type { Focus } from './focus';

export const mapView = $state<{ focus: Focus | null; whole: 'groups' | 'nodes' | null }>({ focus: null, whole: null });
