-- sources__list: one row per source article with its metadata and how many records inside the
-- filters it supports.
with in_view as (
    select record_id
    from records
    where int_in_filter(year, end_year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
supported as (
    select e.source_id, count(distinct e.record_id) as records_in_view
    from evidence as e
    join in_view as r using (record_id)
    group by e.source_id
)
select s.*, coalesce(n.records_in_view, 0) as records_in_view
from sources as s
left join supported as n using (source_id)
order by s.published_on, s.source_id
