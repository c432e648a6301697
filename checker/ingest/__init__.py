"""Ingest: files to documents. Reading and decoding files, stripping markup (text, Markdown,
HTML) with every character's offset into the original kept, summary sections, sentence spans and a
document's title and publication date."""
