-- achievements__event_marks: one row per year inside the filters that has plans announced,
-- conferences or partnerships and meetings, with how many of each: marked on time-series charts.
select
    year,
    count(*) filter (where event_type = 'conference') as conferences,
    count(*) filter (where event_type = 'partnership') as partnerships,
    count(*) filter (where event_type = 'plan announced') as plans
from timeline
where event_type in ('plan announced', 'conference', 'partnership')
  and int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
group by year
order by year
