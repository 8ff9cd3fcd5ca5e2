"""The QA conversation: reviewer decisions on findings (``decisions``), comparing two versions
of a draft (``compare``) and the one-page record of the quality assurance (``record``).

Everything works on ``DraftResult`` objects in memory; nothing is written to disk here."""
