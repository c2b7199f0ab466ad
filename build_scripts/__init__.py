"""The edition's build pipeline. The packages are its stages, each importing only those before it:

model/     the data model: Regulation, Ref (identity, labels, URLs of a provision), URL shapes, errors
parse/     raw text -> Regulation (pure); reading corpus/<id>/ folders
enrich/    curated knowledge -> the Edition, read once per build
render/    Edition -> HTML/Markdown through Jinja templates and the one escape
features/  one class per feature (comparison, search, annotations, citations, open data, PDFs)
publish/   site assembly, the MkDocs hook, the `edition` CLI
"""
