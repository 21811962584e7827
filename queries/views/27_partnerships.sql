-- partnerships: one row per meeting, collaboration or engagement between two parties.
create or replace view partnerships as
select
    p.partnership_id, p.organization, p.counterpart, p.kind, p.statement, p.year, p.event_date,
    p.date_precision, p.people, p.jurisdiction, p.topic, p.claim_type, p.event_nature, p.note,
    r.first_reported_year, r.source_ids, r.evidence_count
from raw.partnerships as p
left join int_record_sources as r on r.record_id = p.partnership_id
