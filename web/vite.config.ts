/**
 * The explorer's build (`npm run build:web`): web/ → web/dist/, served by the service at
 * /explore/ (src/web/plugin.ts). Everything is bundled from npm packages; the page loads
 * nothing from any other host. While working on it, `npx vite --config web/vite.config.ts`
 * serves it with hot reload at :5173/explore/, passing the API through to a service on :4000.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explore/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cytoscape alone is about 400 kB minified; one chunk for the libraries keeps the app's
    // own code cacheable on its own.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/export': 'http://localhost:4000' } },
});
