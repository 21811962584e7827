-- conferences: one row per event edition. event_date is the date to place it on a timeline:
-- the start date, else a day it is known to be in session, else January 1 of its year with
-- date_precision 'year'.
create or replace view conferences as
select
    c.conference_id, c.name, c.edition, c.location, c.start_date, c.end_date, c.year,
    c.observed_on, c.jurisdiction, c.topic, c.claim_type, c.event_nature, c.note,
    coalesce(c.start_date, c.observed_on, make_date(c.year, 1, 1)) as event_date,
    case when c.start_date is not null or c.observed_on is not null then 'day' else 'year' end as date_precision,
    r.first_reported_year, r.source_ids, r.evidence_count
from raw.conferences as c
left join int_record_sources as r on r.record_id = c.conference_id
