-- achievements__metrics: one row per metric that has at least one figure inside the filters:
-- its label and how many figures, most reported first.
select a.metric, m.label, count(*) as figures
from achievements as a
join metrics as m using (metric)
where a.value is not null
  and int_in_filter(a.as_of_year, a.as_of_year, a.topic, a.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
group by a.metric, m.label
order by figures desc, a.metric
