import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { paraglideVitePlugin } from '@inlang/paraglide-js';

export default defineConfig({
  plugins: [
    svelte(),
    // UI messages (web/messages/<area>/<lang>.json) compiled into typed functions at build time:
    // tree-shaken into the chunks that use them, no request at first render (issue 16).
    paraglideVitePlugin({ project: './project.inlang', outdir: './src/paraglide', strategy: ['globalVariable', 'baseLocale'] }),
  ],
  // `npm run dev -w web` proxies the API to a running `npm start`.
  server: { proxy: { '/v1': 'http://localhost:8080' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // MapLibre in its own chunk: it changes far less often than the app (long-lived cache entry),
    // and bench:web can weigh the app's own JS apart from the map library.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }] } } },
  },
});
