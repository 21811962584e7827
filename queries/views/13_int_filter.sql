-- int_in_filter: the one definition of "this row is inside the dashboard's filters".
-- A row spans [year, end_year]; end_year null means still open (a goal with no deadline).
-- A row is shown when that span overlaps the chosen years and its topic and jurisdiction are chosen.
-- topics / jurisdictions null means every one: the app binds null when all are chosen, because
-- looking each row up in a list of hundreds of jurisdictions costs more than the rest of the query.
create or replace macro int_in_filter(year, end_year, topic, jurisdiction, year_from, year_to, topics, jurisdictions) as (
    year <= year_to
    and coalesce(end_year, 9999) >= year_from
    and (topics::varchar[] is null or list_contains(topics::varchar[], topic))
    and (jurisdictions::varchar[] is null or list_contains(jurisdictions::varchar[], jurisdiction))
);

-- Text as the evidence search compares it: lower-cased, typographic quote marks (‘ ’ “ ”) as plain
-- ones. What "verbatim" already allows to differ (tracker/validate.py, normalise_text).
create or replace macro int_plain(text) as lower(translate(text, '‘’“”', '''''""'));
