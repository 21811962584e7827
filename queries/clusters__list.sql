-- clusters__list: one row per cluster or zone inside the filters, with approximate coordinates.
select cluster_id, name, district, kind, focus, latitude, longitude, coordinates_precision, established_year,
       established_on, year, topic, jurisdiction, claim_type, event_nature, note, source_ids
from clusters
where int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
order by established_on nulls last, name
