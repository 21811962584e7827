-- int_in_filter: the one definition of "this row is inside the dashboard's filters".
-- A row spans [year, end_year]; end_year null means still open (a goal with no deadline).
-- A row is shown when that span overlaps the chosen years and its topic and jurisdiction are chosen.
create or replace macro int_in_filter(year, end_year, topic, jurisdiction, year_from, year_to, topics, jurisdictions) as (
    year <= year_to
    and coalesce(end_year, 9999) >= year_from
    and list_contains(topics, topic)
    and list_contains(jurisdictions, jurisdiction)
)
