-- conferences__list: one row per conference edition inside the filters, with its dates at their
-- known precision, place, and whether the source reports it as held or announced ahead.
-- The first $limit rows (null: all); rows_in_view counts them without the cap.
with matching as not materialized (
    select * from conferences
    where int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
)
select conference_id, name, edition, location, start_date, end_date, observed_on, event_date, date_precision, year,
       topic, jurisdiction, claim_type, event_nature, note, source_ids,
       (select count(*) from matching) as rows_in_view
from matching
order by event_date, conference_id
limit $limit
