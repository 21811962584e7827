-- partnerships__list: one row per partnership, meeting or engagement inside the filters.
-- The first $limit rows (null: all); rows_in_view counts them without the cap.
with matching as not materialized (
    select *, coalesce(event_date, make_date(year, 1, 1)) as sort_date from partnerships
    where int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
in_view as (
    select *, (select count(*) from matching) as rows_in_view
    from matching
    order by sort_date, partnership_id
    limit $limit
)
select p.partnership_id, p.organization, p.counterpart, p.people, p.kind, p.statement, p.year, p.event_date,
       p.date_precision, p.jurisdiction, j.label as jurisdiction_label, p.topic, tp.label as topic_label,
       p.claim_type, p.event_nature, p.note, p.source_ids, p.rows_in_view
from in_view as p
join topics as tp on tp.topic = p.topic
join jurisdictions as j on j.jurisdiction = p.jurisdiction
order by p.sort_date, p.partnership_id
