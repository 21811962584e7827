-- overview__record_counts: one row per record kind: how many records of it are inside the filters.
select kind, count(*) as records
from records
where int_in_filter(year, end_year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
group by kind
order by records desc, kind
