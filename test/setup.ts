// Component tests opt into jsdom per file (`// @vitest-environment jsdom`); these helpers are harmless in node.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';

// Every string of both languages up front: the page loads them in parts, a test renders at once.
import { i18n } from '../src/lib/i18n/i18n.svelte';
import { en, zh } from '../src/lib/i18n/messages/all';
i18n.add('zh', zh, true);
i18n.add('en', en, true);
