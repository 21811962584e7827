-- sources__list: one row per source article with its metadata and how many records inside the
-- filters it supports. The first $limit sources by date (null: all); rows_in_view counts them all.
-- The records are counted for the listed sources only, so the cost follows what is shown.
with listed as (
    select *, count(*) over () as rows_in_view
    from sources
    order by published_on, source_id
    limit $limit
),
supported as (
    select source_id, count(distinct record_id) as records_in_view
    from int_evidence_t
    where source_id in (select source_id from listed)
      and int_in_filter(year, end_year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
    group by source_id
)
select s.*, coalesce(n.records_in_view, 0) as records_in_view
from listed as s
left join supported as n using (source_id)
order by s.published_on, s.source_id
