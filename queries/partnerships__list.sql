-- partnerships__list: one row per partnership, meeting or engagement inside the filters.
select p.partnership_id, p.organization, p.counterpart, p.people, p.kind, p.statement, p.year, p.event_date,
       p.date_precision, p.jurisdiction, j.label as jurisdiction_label, p.topic, tp.label as topic_label,
       p.claim_type, p.event_nature, p.note, p.source_ids
from partnerships as p
join topics as tp on tp.topic = p.topic
join jurisdictions as j on j.jurisdiction = p.jurisdiction
where int_in_filter(p.year, p.year, p.topic, p.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
order by coalesce(p.event_date, make_date(p.year, 1, 1)), p.partnership_id
