-- goals__counts: one row: how many stated goals are open during the chosen years and inside the
-- topic/jurisdiction filters (the rule of goals__targets), and how many of them are quantitative.
select count(*) as goals, count(*) filter (where is_quantitative) as quantitative
from targets
where int_in_filter(active_from_year, deadline_year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
