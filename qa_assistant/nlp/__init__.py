"""NLP: one spaCy pipeline (blank English, sentencizer, lookup lemmatizer) and the matchers
compiled from the rule packs, which turn a document into sentences with signal hits."""
