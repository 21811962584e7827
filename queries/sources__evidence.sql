-- sources__evidence: one row per quote supporting a record inside the filters whose quote,
-- record text or record id contains $search (case-insensitive; '' matches everything).
-- Capped at $limit rows: the full set is one download away.
select e.source_id, e.record_id, r.kind, r.title as record, r.year, r.topic, r.jurisdiction, r.claim_type, e.quote
from evidence as e
join records as r using (record_id)
where int_in_filter(r.year, r.end_year, r.topic, r.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
  -- an empty search matches everything: say so first, so no row's text is lowered for nothing
  and ($search = '' or contains(lower(e.quote), lower($search)) or contains(lower(r.statement), lower($search))
       or contains(lower(e.record_id), lower($search)))
order by e.source_id, r.kind, e.record_id
limit $limit
