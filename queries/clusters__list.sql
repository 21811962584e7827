-- clusters__list: one row per cluster or zone inside the filters, with approximate coordinates.
-- The first $limit rows (null: all); rows_in_view counts them without the cap.
with matching as not materialized (
    select * from clusters
    where int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
)
select cluster_id, name, district, kind, focus, latitude, longitude, coordinates_precision, established_year,
       established_on, year, topic, jurisdiction, claim_type, event_nature, note, source_ids,
       (select count(*) from matching) as rows_in_view
from matching
order by established_on nulls last, name, cluster_id
limit $limit
