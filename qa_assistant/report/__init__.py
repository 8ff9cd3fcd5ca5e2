"""The inspector's sample report (issue 12): inspection-style findings over a checked sample.

``sample``  what each review is (service, period) and its findings/recommendation passages
``build``   the findings, accumulated one record at a time (the sample is never held whole)
``themes``  recurring learning themes (TF-IDF + NMF, named by the framework's ``themes.yaml``)
``charts``  bar charts as PNG (Pillow)
``render``  .docx, .html (Jinja2, autoescaped, CSP) and .md
"""
