-- conferences__list: one row per conference edition inside the filters, with its dates at their
-- known precision, place, and whether the source reports it as held or announced ahead.
select conference_id, name, edition, location, start_date, end_date, observed_on, event_date, date_precision, year,
       topic, jurisdiction, claim_type, event_nature, note, source_ids
from conferences
where int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
order by event_date, conference_id
