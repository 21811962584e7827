-- sources__evidence: one row per quote supporting a record inside the filters whose quote,
-- record text or record id contains $search (case-insensitive, typographic quote marks as plain ones;
-- '' matches everything).
-- Capped at $limit rows: the full set is one download away.
select source_id, source_title, record_id, kind, record_title as record, year, topic, jurisdiction, claim_type, quote
from int_evidence_t
where int_in_filter(year, end_year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
  -- an empty search matches everything; the search is made plain as the stored text is (int_plain)
  and ($search = '' or contains(searchable, int_plain($search)))
order by source_id, kind, record_id, quote
limit $limit
