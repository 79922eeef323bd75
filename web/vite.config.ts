// Vite builds web/dist, which `kontor serve` serves. During `npm run dev`, /api is proxied to a
// `kontor serve` on port 8080.
import { defineConfig } from "vite";

export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
