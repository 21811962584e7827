-- partnerships__microsoft: one row per dated fact about Microsoft in China and in Shanghai inside
-- the filters: its partnerships and meetings, and the achievements the sources credit to it.
-- The first $limit rows (null: all).
with facts as (
    select partnership_id as record_id, 'partnership' as kind, statement, year,
           coalesce(event_date, make_date(year, 1, 1)) as date, coalesce(date_precision, 'year') as date_precision,
           jurisdiction, topic, claim_type, event_nature, source_ids, note
    from partnerships
    where 'Microsoft' in (organization, counterpart)
    union all
    select achievement_id, 'achievement', statement, as_of_year, coalesce(as_of_date, make_date(as_of_year, 1, 1)),
           case when as_of_date is null then 'year' else 'day' end, jurisdiction, topic, claim_type, event_nature, source_ids, note
    from achievements
    where subject = 'Microsoft'
)
select f.*, j.label as jurisdiction_label, tp.label as topic_label
from facts as f
join jurisdictions as j using (jurisdiction)
join topics as tp using (topic)
where int_in_filter(f.year, f.year, f.topic, f.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
order by f.date, f.record_id
limit $limit
