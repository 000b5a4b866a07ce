import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
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
