import './lib/i18n/start';
import { mount } from 'svelte';
import { prewarm } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import App from './App.svelte';

// Start MapLibre's workers now, so they load and boot while the app mounts rather than after the map
// is created in MapView's onMount. By now lib/map/create-map.ts (imported through App.svelte, and
// so evaluated before this module's body) has pointed MapLibre at the bundled worker file.
prewarm();
const target = document.getElementById('app')!;
// /report is the printable place report (issue 16): its code is a separate chunk loaded only there,
// so the map's first render never pays for it.
if (location.pathname === '/report')
  // ?geography= is the priority-geography report (contract 2), in its own chunk too.
  void (new URLSearchParams(location.search).has('geography') ? import('./components/report/GeographyReportPage.svelte') : import('./components/report/ReportPage.svelte')).then(({ default: Page }) => mount(Page, { target }));
else mount(App, { target });
