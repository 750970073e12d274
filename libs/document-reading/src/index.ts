export type { DocumentLayout, LayoutPage, LayoutWord, PageSource } from './document-layout';
