"""Fact frames: each figure and date of a claim bound to its measure, holder, time, place,
modality and direction (:class:`checker.model.Fact`), read from the claim's sentence, the
sentences and headings around it and the document's date. Runs after extraction, on a
document's claims; the facts travel on the claims (and so are cached with them)."""
