"""Adding a source: read a new article, propose candidate records with their quotes, review them,
and write the accepted ones into data/ with their evidence, validated as a whole first.

    source_text   bytes -> text, with clear refusals (empty, binary, enormous, unknown encoding)
    extract       text -> candidates (pure); helped by sentences, dates, money, quantities,
                  entities, guess and vocabulary (what data/ already knows)
    candidate     the candidate record and its kinds
    archive       the archive folder of source texts: duplicates, names, copying
    pipeline      read + refuse duplicates + extract, shared by the command and the page
    review        accept / edit / skip each candidate on the command line
    editing       candidates as editable tables for the "Add a source" page
    write         append accepted records to data/*.csv, validating a copy first
    command       python -m tracker ingest
"""
