import { startLocale } from './locale';

// Imported first by main.ts: ES modules run in import order, so the page's language is set before any
// other module (or component) asks for a message or formats a number.
startLocale();
