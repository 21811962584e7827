-- evidence: one row per quote: the record it supports, its kind, the source and the verbatim quote.
-- reported_conversions: every conversion a source reports beside an amount, preferred or not.
create or replace view evidence as
select e.record_id, e.source_id, e.quote, r.kind, s.title as source_title, s.published_on as source_published_on
from raw.evidence as e
left join int_record_kinds as r using (record_id)
left join raw.sources as s using (source_id);

create or replace view reported_conversions as
select * from raw.reported_conversions
