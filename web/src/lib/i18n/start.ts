import { startLocale } from './locale';
import { m } from '../../paraglide/messages.js';

// Imported first by main.ts: ES modules run in import order, so the page's language is set before any
// other module (or component) asks for a message or formats a number.
const lang = startLocale();

// index.html is written in English; in another language the page's description follows the UI
// (the title, "Equity Atlas — Massachusetts", is the product's name and stays the same).
if (lang !== 'en') document.querySelector('meta[name="description"]')?.setAttribute('content', m.common_meta_description());
