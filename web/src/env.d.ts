// Vite imports CSS for its side effect (it is bundled into dist/assets/*.css).
declare module "*.css";
